// What the warehouse holds for the site's council, and what is missing with how to add it
// (the needs_council_coverage mart), for the home page. Public: it says only whether a kind of
// data exists, never what a register, spend or grants file contains.
import { pageData } from "./marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const { coverage = [] } = await readMarts({
    coverage: { mart: "needs_council_coverage", sql: "select * from {mart} where area_code = {council}" },
  });
  return JSON.stringify(coverage[0] ?? null);
});
