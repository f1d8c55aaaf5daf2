// When a source's next edition is expected, from its latest release and the publisher's
// cadence: one rule for the run summary, `pipeline status` and, as a TypeScript model, the
// meta_source_freshness table that the internal site's freshness page reads.
import { z } from "zod";
import { col, defineModel } from "../model.ts";
import { addMonths } from "../months.ts";

/**
 * fresh: the next edition is not expected yet. due: it is expected now (from the expected date
 * for one month, or a quarter of the cadence if longer, as publishers slip). overdue: later
 * than that, so the bundled edition has probably been superseded.
 */
export type FreshnessState = "fresh" | "due" | "overdue";

export function freshness(latest: string, cadenceMonths: number, today: Date): { latest: string; due: string; state: FreshnessState; overdue: boolean } {
  const due = addMonths(new Date(`${latest}T00:00:00Z`), cadenceMonths);
  const late = addMonths(due, Math.max(1, Math.round(cadenceMonths / 4)));
  const state: FreshnessState = today.getTime() < due.getTime() ? "fresh" : today.getTime() < late.getTime() ? "due" : "overdue";
  return { latest, due: due.toISOString().slice(0, 10), state, overdue: state === "overdue" };
}

/** The date of a source's latest file, which is when its edition was released. */
export function latestRelease(source: { files: { released: string }[] }): string {
  return source.files.map((file) => file.released).sort().at(-1)!;
}

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
