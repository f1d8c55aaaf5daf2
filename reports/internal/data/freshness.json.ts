// Each source's freshness on the day the site is built: fresh, due or overdue, from the
// latest edition's release date and the publisher's cadence (pipelines/status.ts).
import { freshness } from "../../../pipelines/status.ts";
import { SOURCES } from "../../../sources/index.ts";
import { pageData } from "../../data/marts.ts";

export default pageData(import.meta, async () => {
  const today = new Date();
  return JSON.stringify({
    checked_on: today.toISOString().slice(0, 10),
    sources: SOURCES.map((source) => ({
      id: source.id,
      title: source.title,
      publisher: source.publisher,
      classification: source.classification,
      cadence_months: source.cadenceMonths,
      ...freshness(source, today),
    })),
  });
});
