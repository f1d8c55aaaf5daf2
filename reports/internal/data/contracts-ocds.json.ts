// The site's council's contract register as an OCDS 1.1 release package (one release per
// contract), validated against the required fields before it is written.
import { ocdsPackage, type RegisterRow } from "./ocds-export.ts";
import { pageData } from "../../data/marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const { register, run, council: council_ } = await readMarts<Record<string, unknown>>({
    register: {
      mart: "contracts_register",
      sql: "select * replace (start_date::varchar as start_date, end_date::varchar as end_date) from {mart} where council_code = {council} order by reference",
    },
    council: { mart: "needs_areas", sql: "select area_name from {mart} where area_code = {council}" },
    run: { mart: "meta_run", sql: "select strftime(finished_at, '%Y-%m-%dT%H:%M:%SZ') as published from {mart}" },
  });
  const rows = (register ?? []) as unknown as RegisterRow[];
  const illustrative = rows.some((row) => row.is_illustrative);
  const council = String(council_?.[0]?.area_name ?? "the site's council");
  // OCDS 1.1 requires a release package to hold at least one release, so an empty register gets
  // no package: the file says why, and the overview page links to the note instead.
  if (rows.length === 0) {
    return JSON.stringify({ omitted: true, note: `No OCDS package: ${council} has no contract register loaded, and an OCDS release package must hold at least one release. Add the register as a source (see the README, "Add a contract register").` }, null, 1);
  }
  const pack = ocdsPackage(rows.map((row) => ({ ...row, council_name: council })), {
    // The package's own address on the internal site; the site is not public, so no host is assumed.
    uri: `https://internal.invalid/data/contracts-ocds.json`,
    publishedDate: String(run?.[0]?.published ?? new Date().toISOString().replace(/\.\d+Z$/, "Z")),
    publisher: illustrative ? `${council} (Illustrative data, commissioning intelligence project)` : council,
  });
  return JSON.stringify(pack, null, 1);
});
