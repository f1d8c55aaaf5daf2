// Each source's freshness on the day the warehouse was built: fresh, due or overdue, from the
// latest edition's release date and the publisher's cadence (the meta_source_freshness model).
import { pageData } from "../../data/marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const { sources } = await readMarts({
    sources: {
      mart: "meta_source_freshness",
      sql: "select source_id as id, title, publisher, classification, cadence_months, latest::varchar as latest, due::varchar as due, state, overdue, checked_on::varchar as checked_on from {mart}",
    },
  });
  return JSON.stringify({ checked_on: sources?.[0]?.checked_on ?? null, sources });
});
