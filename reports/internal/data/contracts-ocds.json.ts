// The configured council's contract register as an OCDS 1.1 release package (one release per
// contract), validated against the required fields before it is written.
import { ocdsPackage, type RegisterRow } from "./ocds-export.ts";
import { pageData } from "../../data/marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const { register, run } = await readMarts<Record<string, unknown>>({
    register: {
      mart: "contracts_register",
      sql: "select * replace (start_date::varchar as start_date, end_date::varchar as end_date) from {mart} order by reference",
    },
    run: { mart: "meta_run", sql: "select strftime(finished_at, '%Y-%m-%dT%H:%M:%SZ') as published from {mart}" },
  });
  const rows = (register ?? []) as unknown as RegisterRow[];
  const illustrative = rows.some((row) => row.is_illustrative);
  const council = rows[0]?.council_name ?? "the configured council";
  const pack = ocdsPackage(rows, {
    // The package's own address on the internal site; the site is not public, so no host is assumed.
    uri: `https://internal.invalid/data/contracts-ocds.json`,
    publishedDate: String(run?.[0]?.published ?? new Date().toISOString().replace(/\.\d+Z$/, "Z")),
    publisher: illustrative ? `${council} (Illustrative data, commissioning intelligence project)` : council,
  });
  return JSON.stringify(pack, null, 1);
});
