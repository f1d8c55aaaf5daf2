// `pipeline status`: recent runs from the run log, and each source's freshness against the
// publisher's cadence (a new edition is due cadence months after the latest one).
import { existsSync } from "node:fs";
import { SOURCES } from "../sources/index.ts";
import type { Source } from "../sources/declaration.ts";
import { freshness, latestRelease } from "../models/meta/freshness.ts";
import { latestRuns, readRunEvents } from "./run-log.ts";

/** A declared source's freshness (models/meta/freshness.ts). */
export function sourceFreshness(source: Source, today: Date) {
  return freshness(latestRelease(source), source.cadenceMonths, today);
}

export function statusReport(runLog: string, lockPath: string, today = new Date(), limit = 10): string {
  const lines: string[] = ["Recent runs (newest first):"];
  const runs = latestRuns(readRunEvents(runLog)).slice(0, limit);
  if (runs.length === 0) lines.push("  none yet: run 'npm start' or 'npm run pipeline -- run'");
  for (const run of runs) {
    const state = run.eventType === "START" ? (existsSync(lockPath) ? "RUNNING" : "INTERRUPTED (killed or crashed)") : run.eventType;
    const seconds = run.steps?.reduce((sum, step) => sum + step.seconds, 0) ?? 0;
    const rejected = run.inputs?.reduce((sum, input) => sum + input.rowsRejected, 0) ?? 0;
    lines.push(`  ${run.run.runId}  ${run.job.name.padEnd(12)} ${state.padEnd(10)} ${run.eventTime}  ${seconds.toFixed(1)} s  ${rejected} rejected${run.error ? `\n      ${run.error.split("\n")[0]}` : ""}`);
  }
  lines.push("", "Source freshness (edition release + publisher cadence):");
  for (const source of SOURCES) {
    const { latest, due, state } = sourceFreshness(source, today);
    const note = { fresh: "fresh", due: "DUE: a new edition is expected now", overdue: "OVERDUE: check for a newer edition" }[state];
    lines.push(`  ${source.id.padEnd(Math.max(...SOURCES.map((s) => s.id.length)))} latest release ${latest}, next expected by ${due}  ${note}`);
  }
  return lines.join("\n");
}
