// Data for the Outcomes page: every registered indicator for every council, the configured
// council's summary, funnel limits and trends. Published values only (ASCOF, Oflog), with
// counts of people read from the disclosure-protected marts (models/disclosure/).
import { INDICATORS } from "../../models/indicators/index.ts";
import { columnar } from "./columnar.ts";
import { citations, pageData } from "./marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const data = await readMarts({
    areas: { mart: "needs_areas", sql: "select s.area_code, m.area_name, s.role, s.sort_order from {areas} s join {mart} m using (area_code) order by s.sort_order" },
    values: { mart: "outcomes_indicator_values_protected", sql: "select m.* replace (coalesce(s.role, 'other') as role) from {mart} m left join {areas} s using (area_code) order by m.indicator_id, m.area_code" },
    funnel: { mart: "outcomes_indicator_funnel_protected", sql: "select * from {mart} order by indicator_id, denominator" },
    trend: { mart: "outcomes_indicator_trend", sql: "select m.* replace (s.role as role) from {mart} m join {areas} s using (area_code) order by m.indicator_id, m.area_code, m.period" },
    summary: { mart: "outcomes_indicator_summary_protected", sql: "select * from {mart} where area_code = {council} order by indicator_id" },
  });
  return JSON.stringify({
    areas: data.areas,
    summary: data.summary,
    // About 1,800 rows of values: as columns they weigh a third as much (light pages budget).
    values: columnar(data.values as Record<string, unknown>[]),
    funnel: columnar(data.funnel as Record<string, unknown>[]),
    trend: columnar(data.trend as Record<string, unknown>[]),
    indicators: INDICATORS.map(({ id, title, framework, code, unit, polarity, intervalMethod, benchmarkMethod, trendCode, sources }) => ({
      id, title, framework, code, unit, polarity, intervalMethod, benchmarkMethod, trendCode, sources,
    })),
    sources: await citations(readMarts, ["ascof-2020-21", "oflog-asc-measures"]),
  });
});
