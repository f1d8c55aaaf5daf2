// Data for the "Population now and in the future" page: small, pre-aggregated, public.
import { citations, pageData } from "./marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const data = await readMarts({
    areas: { mart: "needs_areas", sql: "select s.area_code, m.area_name, s.role, s.sort_order from {areas} s join {mart} m using (area_code) order by s.sort_order" },
    bands: {
      mart: "needs_population_by_band",
      sql: `select series, year, sex, age_band, band_start, population, projection_label from {mart}
            where area_code = {council} and sex in ('male', 'female')
              and ((series = 'estimate' and year = 2022)
                or (series = 'projection' and year = (select max(year) from {mart} where area_code = {council} and series = 'projection')))
            order by series, sex, band_start`,
    },
    older: {
      mart: "needs_population_older",
      sql: `select m.series, m.year, m.area_code, m.area_name, s.role, m.total, m.aged_65_plus, m.aged_75_plus, m.aged_85_plus,
                   m.share_65_plus, m.share_75_plus, m.share_85_plus, m.projection_edition, m.projection_label
            from {mart} m join {areas} s using (area_code) order by s.sort_order, m.series, m.year`,
    },
  });
  return JSON.stringify({
    ...data,
    sources: {
      estimates: await citations(readMarts, ["ons-mye2", "ons-mye-2022"]),
      projections: await citations(readMarts, ["ons-snpp-2022", "snpp-2018-based-all-areas-strategy-unit"]),
    },
  });
});
