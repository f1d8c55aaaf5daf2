// TypeScript model: each source's freshness on the day the warehouse is built (fresh, due or
// overdue), from its latest release and the publisher's cadence, for the internal site's
// freshness page. The same rule as `pipeline status` and the run summary (sources/freshness.ts).
import { z } from "zod";
import { freshness } from "../../sources/freshness.ts";
import { col, defineModel } from "../model.ts";

const schema = z.object({
  source_id: col.text(),
  title: col.text(),
  publisher: col.text(),
  classification: col.text(),
  cadence_months: col.integer(),
  latest: col.date(),
  due: col.date(),
  state: col.oneOf(["fresh", "due", "overdue"]),
  overdue: col.boolean(),
  checked_on: col.date(),
});

export default defineModel({
  name: "meta_source_freshness",
  path: "models/meta/freshness.ts",
  reads: ["meta_sources"],
  outputs: {
    meta_source_freshness: {
      schema,
      tests: ["unique: source_id", "relationships: source_id -> meta_sources.source_id", "expression: (state = 'overdue') = overdue", "expression: due > latest"],
    },
  },
  async build(context) {
    const today = new Date(context.run.startedAt);
    const sources = await context.all<{ source_id: string; title: string; publisher: string; classification: string; cadence_months: number; released: string }>(
      `select source_id, title, publisher, classification, cadence_months, released::varchar as released from meta_sources order by sort_order`,
    );
    return {
      meta_source_freshness: sources.map(({ released, ...source }) => ({
        ...source,
        ...freshness(released, source.cadence_months, today),
        checked_on: context.run.startedAt.slice(0, 10),
      })),
    };
  },
});
