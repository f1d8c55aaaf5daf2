// Seed tables, dbt-style: facts the run knows that are not loaded from a published file, written
// into the build warehouse before any model is built so that models and pages read them as
// tables. The source registry (titles, editions, licences, cadences, files) becomes meta_sources
// and meta_source_files; the run log becomes meta_runs, the internal run history.
import { z } from "zod";
import { col } from "../../models/model.ts";
import type { Source } from "../../sources/declaration.ts";
import { latestRelease } from "../../models/meta/freshness.ts";
import type { RunEvent } from "../run-log.ts";
import { latestRuns } from "../run-log.ts";
import type { Warehouse } from "../warehouse.ts";
import { writeTable } from "./write-table.ts";

const sourceSchema = z.object({
  source_id: col.text(),
  title: col.text(),
  publisher: col.text(),
  edition: col.text(),
  /** The latest file's release date: when this edition came out. */
  released: col.date(),
  licence: col.text(),
  licence_url: col.text(),
  attribution: col.text(),
  url: col.text(),
  classification: col.text(),
  cadence_months: col.integer(),
  sort_order: col.integer(),
});

const fileSchema = z.object({
  source_id: col.text(),
  file: col.text(),
  file_edition: col.text(),
  released: col.date(),
  file_order: col.integer(),
});

const runSchema = z.object({
  run_id: col.text(),
  job: col.text(),
  state: col.text(),
  time: col.timestamp(),
  seconds: col.double(),
  rows_read: col.integer(),
  rows_loaded: col.integer(),
  rows_rejected: col.integer(),
  sources_reloaded: col.integer(),
  tests: col.text(),
  error: col.text().nullable(),
});

/** The tables written here, for classification: facts about sources and runs, no data values. */
export const SEED_TABLES = {
  meta_sources: "the source registry: titles, publishers, editions, licences, cadences",
  meta_source_files: "the source registry: each source's files, editions and release dates",
  meta_runs: "run history from the run log (commissioners' site only)",
} as const;

export async function writeSourceSeeds(db: Warehouse, sources: readonly Source[]): Promise<void> {
  await writeTable(
    db,
    "meta_sources",
    sourceSchema,
    sources.map((source, index) => ({
      source_id: source.id,
      title: source.title,
      publisher: source.publisher,
      edition: source.edition,
      released: latestRelease(source),
      licence: source.licence.name,
      licence_url: source.licence.url,
      attribution: source.licence.attribution,
      url: source.url,
      classification: source.classification,
      cadence_months: source.cadenceMonths,
      sort_order: index + 1,
    })),
    "pipelines/build/seeds.ts",
  );
  await writeTable(
    db,
    "meta_source_files",
    fileSchema,
    sources.flatMap((source) => source.files.map((file, index) => ({ source_id: source.id, file: file.path, file_edition: file.edition, released: file.released, file_order: index + 1 }))),
    "pipelines/build/seeds.ts",
  );
}

/**
 * The run history, newest first: every run in the log, and this run (not yet ended) with the
 * steps, rows and tests it has done so far.
 */
export async function writeRunHistory(db: Warehouse, events: RunEvent[], current: RunEvent): Promise<void> {
  const runs = latestRuns([...events.filter((event) => event.run.runId !== current.run.runId), current]).slice(0, 100);
  await writeTable(
    db,
    "meta_runs",
    runSchema,
    runs.map((run) => {
      const steps = run.steps ?? [];
      const tests = steps.filter((step) => step.step === "model tests");
      const failed = steps.find((step) => step.status === "failed");
      return {
        run_id: run.run.runId,
        job: run.job.name,
        // A START with nothing after it was killed or crashed, unless it is this run.
        state: run === current ? "in progress (this publication)" : run.eventType === "START" ? "interrupted" : run.eventType === "COMPLETE" ? "complete" : "failed",
        time: run.eventTime,
        seconds: steps.reduce((sum, step) => sum + step.seconds, 0),
        rows_read: (run.inputs ?? []).reduce((sum, input) => sum + input.rowsRead, 0),
        rows_loaded: (run.inputs ?? []).reduce((sum, input) => sum + input.rowsLoaded, 0),
        rows_rejected: (run.inputs ?? []).reduce((sum, input) => sum + input.rowsRejected, 0),
        sources_reloaded: steps.filter((step) => step.step.startsWith("load ") && step.status === "done").length,
        tests: tests.length ? tests.map((step) => step.detail ?? step.status).join("; ") : failed ? "failed" : "not reached",
        error: run.error?.split("\n")[0] ?? null,
      };
    }),
    "pipelines/build/seeds.ts",
  );
}
