// Data for the Market Position Statement for older people's care homes: need (older people,
// dementia), supply (homes and beds), the gap ahead, market shape, activity and the
// commissioning intentions. Published data only, all at council level; activity volumes come
// from the disclosure-protected mart (models/disclosure/).
import { citations, pageData } from "./marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const configured = "role in ('council', 'comparator', 'england')";
  const data = await readMarts({
    areas: { mart: "needs_population_older", sql: "select distinct area_code, area_name, role, sort_order from {mart} order by sort_order" },
    growth: {
      mart: "needs_older_people_growth",
      sql: `select series, year, area_code, area_name, role, aged_65_plus, aged_75_plus, aged_85_plus, old_age_dependency_ratio
            from {mart} where ${configured} order by sort_order, series, year`,
    },
    dementia: {
      mart: "needs_dementia_prevalence_totals",
      sql: `select series, year, area_code, area_name, role, population_65_plus, people_with_dementia, people_with_dementia_low,
                   people_with_dementia_high, prevalence_65_plus
            from {mart} where sex = 'persons' and role = 'council' order by series, year`,
    },
    homes: { mart: "market_care_homes", sql: `select * from {mart} where is_configured order by sort_order` },
    provision: { mart: "market_beds_per_population", sql: `select * from {mart} order by sort_order` },
    needed: { mart: "market_beds_needed", sql: `select * from {mart} where role = 'council' order by target_year` },
    concentration: { mart: "market_concentration", sql: `select * from {mart} where is_configured order by sort_order` },
    ratings: { mart: "market_ratings_mix", sql: `select distinct area_name, role, ratings_available, coverage from {mart} where role = 'council'` },
    activity: {
      mart: "market_asc_activity_protected",
      sql: `select area_name, role, year, financial_year, setting, in_house, external, total, in_house_shown, external_shown, total_shown,
                   external_share, share_missing_reason, era, series_break
            from {mart} where role = 'council' order by year, setting`,
    },
    activityCompared: {
      mart: "market_asc_activity_protected",
      sql: `select area_name, role, sort_order, financial_year, external_share, total
            from {mart}
            where ${configured} and setting = 'Other (community)' and external_share is not null
              and year = (select max(year) from {mart} where setting = 'Other (community)' and external_share is not null)
            order by sort_order`,
    },
  });
  return JSON.stringify({
    ...data,
    sources: await citations(readMarts, [
      "cqc-care-homes-england-2021",
      "dementia-prevalence-cfas2",
      "ons-mye2",
      "ons-snpp-2022",
      "asc-activity-provision-timeseries",
      "cqc-api-care-homes-southwest-2021",
    ]),
  });
});
