// Data for the internal "Spend and grants" page: the configured council's published spend
// over £500 (by month and category, and by supplier) and its grants against its contracts.
// Spend lines name sole traders, so this stays on the internal site; suppliers are shown as the
// top 15 companies plus one row for the redacted payments to individuals.
import { citations, pageData } from "../../data/marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const { council = [] } = await readMarts<{ area_code: string; area_name: string }>({
    council: { mart: "needs_areas", sql: "select area_code, area_name from {mart} where area_code = {council}" },
  });
  const data = await readMarts({
    months: {
      mart: "contracts_spend_by_month",
      sql: `select strftime(month, '%Y-%m') as month, sum(amount)::double as amount, sum(asc_amount)::double as asc_amount, sum(lines)::integer as lines
            from {mart} where council_code = {council} group by month order by month`,
    },
    categories: {
      mart: "contracts_spend_by_month",
      sql: `select category, bool_or(is_adult_social_care) as is_adult_social_care, sum(amount)::double as amount, sum(lines)::integer as lines
            from {mart} where council_code = {council} group by category order by amount desc limit 15`,
    },
    suppliers: {
      mart: "contracts_spend_by_supplier",
      sql: `(select supplier_name, lines, amount::double as amount, share_of_council_total, asc_share from {mart}
             where council_code = {council} and supplier_name <> 'Redacted (individuals)' order by amount desc limit 15)
            union all
            (select supplier_name, lines, amount::double, share_of_council_total, asc_share from {mart}
             where council_code = {council} and supplier_name = 'Redacted (individuals)')`,
    },
    totals: {
      mart: "contracts_spend_by_supplier",
      sql: `select count(*)::integer as suppliers, sum(lines)::integer as lines, sum(amount)::double as amount, sum(asc_amount)::double as asc_amount from {mart} where council_code = {council}`,
    },
    grantsVsContracts: { mart: "contracts_grants_vs_contracts", sql: "select * exclude (council_code) from {mart} where council_code = {council} order by year" },
    grants: {
      mart: "contracts_grants_awards",
      sql: `select programme, recipient_scheme, sum(awards)::integer as awards, sum(amount)::double as amount from {mart}
            where council_code = {council} group by all order by amount desc`,
    },
  });
  const { published = [] } = await readMarts<{ spend_sources: string[] | null; grant_sources: string[] | null }>({
    published: {
      mart: "contracts_spend_by_month",
      sql: `select (select list(distinct source_id) from {mart} where council_code = {council}) as spend_sources,
                   (select case when count(*) > 0 then ['trafford-grants-360giving'] end from contracts_grants_awards where council_code = {council}) as grant_sources`,
    },
  });
  return JSON.stringify({
    council: council[0],
    ...data,
    hasSpend: Boolean((data.totals?.[0] as { lines: number | null } | undefined)?.lines),
    // Only the sources that hold rows for this council: a council is never shown another's file.
    sources: await citations(readMarts, [...new Set([...(published[0]?.spend_sources ?? []), ...(published[0]?.grant_sources ?? []), "illustrative-contract-register"])]),
  });
});
