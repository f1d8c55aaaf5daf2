// Data for the Outcomes page: every registered indicator for the site's council, its
// comparators and England, every published year, with the council's summary, funnel limits
// and trends. The marts hold every council; here they are joined to the site's {areas}
// (council, comparators, England), so comparison with comparators is made for the site's
// council only. Counts of people come from the disclosure-protected marts (models/disclosure/).
import { INDICATORS } from "../../models/indicators/index.ts";
import { columnar } from "./columnar.ts";
import { citations, pageData } from "./marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const data = await readMarts({
    areas: {
      mart: "outcomes_indicator_values_protected",
      sql: "select distinct v.area_code, v.area_name, a.role, a.sort_order from {mart} v join {areas} a using (area_code) order by a.sort_order",
    },
    values: {
      mart: "outcomes_indicator_values_protected",
      sql: "select v.*, a.role, a.sort_order from {mart} v join {areas} a using (area_code) order by indicator_id, a.sort_order, period",
    },
    funnel: { mart: "outcomes_indicator_funnel_protected", sql: "select * from {mart} order by indicator_id, denominator" },
    // Every council's latest value is kept for the strips (where the council sits among all councils).
    all: {
      mart: "outcomes_indicator_summary_protected",
      sql: "select indicator_id, area_code, latest_value from {mart} where latest_value is not null and area_code not in (select area_code from {areas} where role = 'england') order by indicator_id, area_code",
    },
    trend: {
      mart: "outcomes_indicator_trend",
      sql: "select t.indicator_id, t.period, t.year_end, t.area_code, t.area_name, t.value, t.median, t.missing_reason, a.role, a.sort_order from {mart} t join {areas} a using (area_code) order by indicator_id, a.sort_order, period",
    },
    summary: { mart: "outcomes_indicator_summary_protected", sql: "select * from {mart} where area_code = {council} order by indicator_id" },
  });
  return JSON.stringify({
    areas: data.areas,
    summary: data.summary,
    values: columnar(data.values as Record<string, unknown>[]),
    all: columnar(data.all as Record<string, unknown>[]),
    funnel: columnar(data.funnel as Record<string, unknown>[]),
    trend: columnar(data.trend as Record<string, unknown>[]),
    indicators: INDICATORS.map(({ id, title, definition, framework, code, unit, polarity, intervalMethod, benchmarkMethod, trendCode, sources }) => ({
      id, title, definition, framework, code, unit, polarity, intervalMethod, benchmarkMethod, trendCode, sources,
    })),
    sources: await citations(readMarts, ["ascof-2024-25", "oflog-asc-measures"]),
  });
});
