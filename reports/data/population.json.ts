// Data for the "Population now and in the future" page: small, pre-aggregated, public.
import { citations, pageData } from "./marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const data = await readMarts({
    areas: { mart: "needs_population_older", sql: "select distinct area_code, area_name, role, sort_order from {mart} order by sort_order" },
    bands: {
      mart: "needs_population_by_band",
      sql: `select series, year, sex, age_band, band_start, population from {mart}
            where role = 'council' and sex in ('male', 'female')
              and ((series = 'estimate' and year = 2022) or (series = 'projection' and year = 2047))
            order by series, sex, band_start`,
    },
    older: {
      mart: "needs_population_older",
      sql: `select series, year, area_code, area_name, role, total, aged_65_plus, aged_75_plus, aged_85_plus,
                   share_65_plus, share_75_plus, share_85_plus
            from {mart} order by sort_order, series, year`,
    },
  });
  return JSON.stringify({
    ...data,
    sources: {
      estimates: await citations(readMarts, ["ons-mye2", "ons-mye-2022"]),
      projections: await citations(readMarts, ["ons-snpp-2022"]),
    },
  });
});
