// Everything the commissioner review pages show: the site's council's contract register ({council}),
// the re-commissioning pipeline, spend against value, supplier mix, prompt payment, KPI ratings
// with their monthly series, and the decommissioning screen. Internal: the public build never
// includes reports/internal/.
import { citations, pageData } from "../../data/marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const here = "where council_code = {council}";
  const data = await readMarts({
    register: { mart: "contracts_register", sql: `select * replace (start_date::varchar as start_date, end_date::varchar as end_date, review_date::varchar as review_date, as_at::varchar as as_at) from {mart} ${here} order by end_date, reference` },
    expiries: { mart: "contracts_expiries", sql: `select * from {mart} ${here} order by window_months, department, category` },
    spend: { mart: "contracts_spend_vs_value", sql: `select * replace (start_date::varchar as start_date, end_date::varchar as end_date, last_invoice_date::varchar as last_invoice_date) from {mart} ${here} order by reference` },
    supplierMix: { mart: "contracts_supplier_mix", sql: `select * from {mart} ${here} order by department = 'All departments' desc, department, supplier_group` },
    payments: { mart: "contracts_prompt_payment", sql: `select * replace (period_start::varchar as period_start) from {mart} ${here} order by supplier_group, period_start` },
    ratings: { mart: "contracts_kpi_ratings", sql: `select * from {mart} ${here} order by reference, kpi_id` },
    monthly: { mart: "contracts_kpi_monthly", sql: `select reference, kpi_id, month, returned, numerator, denominator, value, lower95, upper95, rating from {mart} ${here} order by reference, kpi_id, month` },
    candidates: { mart: "contracts_decommissioning_candidates", sql: `select * from {mart} ${here} order by cost_per_outcome / median_cost_per_outcome desc` },
    run: { mart: "meta_run", sql: "select run_id, finished_at::varchar as finished_at from {mart}" },
    councilArea: { mart: "needs_areas", sql: "select area_code, area_name from {mart} where area_code = {council}" },
  });

  const register = (data.register ?? []) as { is_illustrative: boolean; as_at: string }[];
  const isIllustrative = register.some((row) => row.is_illustrative);
  const { councilArea, ...marts } = data;
  const council = (councilArea?.[0] ?? null) as { area_code: string; area_name: string } | null;
  return JSON.stringify({
    isIllustrative,
    council: council?.area_name ?? null,
    councilCode: council?.area_code ?? null,
    // An empty register is a state the pages explain (what is missing, which file and declaration add it), not an error.
    hasRegister: register.length > 0,
    asAt: register[0]?.as_at ?? null,
    ...marts,
    sources: await citations(readMarts, ["illustrative-contract-register", "illustrative-kpi-returns", "illustrative-invoices"]),
  });
});
