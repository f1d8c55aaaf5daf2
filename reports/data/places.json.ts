// Data for the Places page: deprivation (IoD2019 and IoD2025 kept apart), localities, rurality,
// care homes by place and the comparator-similarity ranking. All published, all area-level.
import { citations, pageData } from "./marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const data = await readMarts({
    areas: { mart: "needs_areas", sql: "select s.area_code, m.area_name, s.role, s.sort_order from {areas} s join {mart} m using (area_code) order by s.sort_order" },
    lsoa2025: {
      mart: "needs_deprivation_lsoa_2025",
      sql: `select lsoa21_code, lsoa21_name, msoa21_code, msoa21_hcl_name, ruc21_urban_rural, imd_rank, imd_decile,
                   income_decile, health_decile, barriers_decile, in_most_deprived_10, in_most_deprived_20
            from {mart} where area_code = {council}
            order by imd_rank`,
    },
    summary2019: { mart: "needs_deprivation_summary_2019", sql: "select m.*, s.role, s.sort_order from {mart} m join {areas} s using (area_code) order by s.sort_order" },
    summary2025: { mart: "needs_deprivation_summary_2025", sql: "select m.*, s.role, s.sort_order from {mart} m join {areas} s using (area_code) where s.role <> 'england' order by s.sort_order" },
    localities: {
      mart: "needs_locality_msoa_2025",
      sql: `select msoa_code, msoa_name, msoa_hcl_name, lsoa_count, lsoas_most_deprived_20, share_most_deprived_20,
                   median_imd_decile, most_deprived_lsoa_decile, rural_lsoas
            from {mart} where area_code = {council}
            order by msoa_hcl_name`,
    },
    careHomes: {
      mart: "market_care_home_locations",
      sql: "select latitude, longitude, beds, with_nursing, registered_for_dementia, msoa_code, msoa_in_2021 from {mart} where area_code = {council} order by location_id",
    },
    rurality: { mart: "needs_rurality", sql: "select m.*, s.role, s.sort_order from {mart} m join {areas} s using (area_code) order by s.sort_order" },
    ruc21: { mart: "needs_rurality_lsoa_ruc21", sql: "select * from {mart} where area_code = {council} order by lsoa_count desc" },
    similar: {
      mart: "needs_comparator_similarity",
      sql: `select m.area_code, m.area_name, m.similarity_rank, m.distance, m.is_nearest_15, s.role is not null as is_configured_comparator,
                   m.share_65_plus, m.share_85_plus, m.rural_share_2011, m.imd_average_score_2019, m.councils_compared
            from {mart} m left join {areas} s on s.area_code = m.area_code and s.role = 'comparator'
            where m.council_code = {council} and (m.similarity_rank <= 15 or s.role is not null)
            order by m.similarity_rank`,
    },
  });
  return JSON.stringify({
    ...data,
    sources: await citations(readMarts, ["iod2019-lsoa-domains", "iod2019-utla-summaries", "iod2025-england-lsoa21", "ruc2011-utla", "msoa-lookup-hcl-names", "ons-mye-2022", "cqc-care-homes-england-2021"]),
  });
});
