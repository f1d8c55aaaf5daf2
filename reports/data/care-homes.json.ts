// Data for the Market Position Statement for older people's care homes: need (older people,
// dementia), supply (homes and beds), the gap ahead, market shape, activity and the
// commissioning intentions. Published data only, all at council level; activity volumes come
// from the disclosure-protected mart (models/disclosure/).
import { citations, pageData } from "./marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const data = await readMarts({
    areas: { mart: "needs_areas", sql: "select s.area_code, m.area_name, s.role, s.sort_order from {areas} s join {mart} m using (area_code) order by s.sort_order" },
    growth: {
      mart: "needs_older_people_growth",
      sql: `select m.series, m.year, m.area_code, m.area_name, s.role, m.aged_65_plus, m.aged_75_plus, m.aged_85_plus, m.old_age_dependency_ratio,
                   m.projection_edition, m.projection_label
            from {mart} m join {areas} s using (area_code) order by s.sort_order, m.series, m.year`,
    },
    dementia: {
      mart: "needs_dementia_prevalence_totals",
      sql: `select series, year, area_code, area_name, 'council' as role, population_65_plus, people_with_dementia, people_with_dementia_low,
                   people_with_dementia_high, prevalence_65_plus, projection_edition, projection_label
            from {mart} where sex = 'persons' and area_code = {council} order by series, year`,
    },
    homes: { mart: "market_care_homes", sql: `select m.*, s.role, s.sort_order from {mart} m join {areas} s using (area_code) order by s.sort_order` },
    provision: { mart: "market_beds_per_population", sql: `select m.*, s.role, s.sort_order from {mart} m join {areas} s using (area_code) order by s.sort_order` },
    needed: { mart: "market_beds_needed", sql: `select *, 'council' as role from {mart} where area_code = {council} order by target_year` },
    concentration: { mart: "market_concentration", sql: `select m.*, s.role, s.sort_order from {mart} m join {areas} s using (area_code) order by s.sort_order` },
    ratings: { mart: "market_ratings_mix", sql: `select distinct area_name, 'council' as role, ratings_available, coverage from {mart} where area_code = {council}` },
    activity: {
      mart: "market_asc_activity_protected",
      sql: `select area_name, 'council' as role, year, financial_year, setting, in_house, external, total, in_house_shown, external_shown, total_shown,
                   external_share, share_missing_reason, era, series_break
            from {mart} where area_code = {council} order by year, setting`,
    },
    activityCompared: {
      mart: "market_asc_activity_protected",
      sql: `select m.area_name, s.role, s.sort_order, m.financial_year, m.external_share, m.total
            from {mart} m join {areas} s using (area_code)
            where m.setting = 'Other (community)' and m.external_share is not null
              and m.year = (select max(year) from {mart} where setting = 'Other (community)' and external_share is not null)
            order by s.sort_order`,
    },
  });
  return JSON.stringify({
    ...data,
    sources: await citations(readMarts, [
      "cqc-care-homes-england-2021",
      "dementia-prevalence-cfas2",
      "ons-mye2",
      "ons-snpp-2022",
      "snpp-2018-based-all-areas-strategy-unit",
      "asc-activity-provision-timeseries",
      "cqc-api-care-homes-southwest-2021",
    ]),
  });
});
