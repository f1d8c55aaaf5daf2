// Everything the commissioner review pages show: the configured council's contract register,
// the re-commissioning pipeline, spend against value, supplier mix, prompt payment, KPI ratings
// with their monthly series, and the decommissioning screen. Internal: the public build never
// includes reports/internal/.
import { citations, pageData } from "../../data/marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const data = await readMarts({
    register: { mart: "contracts_register", sql: "select * replace (start_date::varchar as start_date, end_date::varchar as end_date, review_date::varchar as review_date, as_at::varchar as as_at) from {mart} order by end_date, reference" },
    expiries: { mart: "contracts_expiries", sql: "select * from {mart} order by window_months, department, category" },
    spend: { mart: "contracts_spend_vs_value", sql: "select * replace (start_date::varchar as start_date, end_date::varchar as end_date, last_invoice_date::varchar as last_invoice_date) from {mart} order by reference" },
    supplierMix: { mart: "contracts_supplier_mix", sql: "select * from {mart} order by department = 'All departments' desc, department, supplier_group" },
    payments: { mart: "contracts_prompt_payment", sql: "select * replace (period_start::varchar as period_start) from {mart} order by supplier_group, period_start" },
    ratings: { mart: "contracts_kpi_ratings", sql: "select * from {mart} order by reference, kpi_id" },
    monthly: { mart: "contracts_kpi_monthly", sql: "select reference, kpi_id, month, returned, numerator, denominator, value, lower95, upper95, rating from {mart} order by reference, kpi_id, month" },
    candidates: { mart: "contracts_decommissioning_candidates", sql: "select * from {mart} order by cost_per_outcome / median_cost_per_outcome desc" },
    run: { mart: "meta_run", sql: "select run_id, finished_at::varchar as finished_at from {mart}" },
  });

  const register = (data.register ?? []) as { is_illustrative: boolean; council_name: string; as_at: string }[];
  const isIllustrative = register.some((row) => row.is_illustrative);
  return JSON.stringify({
    isIllustrative,
    council: register[0]?.council_name ?? null,
    asAt: register[0]?.as_at ?? null,
    ...data,
    sources: await citations(readMarts, ["illustrative-contract-register", "illustrative-kpi-returns", "illustrative-invoices"]),
  });
});
