// What a person reads at the end of a run: outcome, rejects, where to look next.
import { relative } from "node:path";
import { SOURCES } from "../sources/index.ts";
import type { RunResult } from "./run.ts";
import { sourceFreshness } from "./status.ts";

export function summarise(result: RunResult, root: string, today = new Date()): string {
  const loaded = result.inputs.reduce((sum, input) => sum + input.rowsLoaded, 0);
  const read = result.inputs.reduce((sum, input) => sum + input.rowsRead, 0);
  const rejected = result.inputs.reduce((sum, input) => sum + input.rowsRejected, 0);
  const lines = [""];
  if (result.status === "COMPLETE") {
    lines.push(
      result.sitesFor
        ? `Run ${result.runId} COMPLETE in ${result.seconds.toFixed(1)} s: sites for council ${result.sitesFor} built and published from the warehouse of run ${result.unchangedSince}, which is unchanged.`
        : result.unchangedSince
        ? `Run ${result.runId} COMPLETE in ${result.seconds.toFixed(1)} s: nothing changed since run ${result.unchangedSince}, so nothing was loaded, rebuilt or published (--full rebuilds anyway).`
        : `Run ${result.runId} COMPLETE in ${result.seconds.toFixed(1)} s.`,
    );
    lines.push(`  Inputs: ${result.inputs.length} files, ${read.toLocaleString("en-GB")} rows read, ${loaded.toLocaleString("en-GB")} loaded, ${rejected.toLocaleString("en-GB")} rejected.`);
    if (rejected > 0) {
      lines.push(`  Rejected rows are kept in the 'rejects' table of the warehouse (source, file, line, column, reason, raw).`);
      for (const input of result.inputs.filter((i) => i.rowsRejected > 0)) {
        lines.push(`    ${input.file}: ${input.rowsRejected} rejected`);
      }
    }
    lines.push(`  Model tests: ${result.testsRun} passed.`);
    lines.push(`  Warehouse: ${relative(root, result.warehousePath)} (open read-only with DuckDB).`);
    if (result.siteDir) lines.push(`  Public site: ${relative(root, result.siteDir)}/index.html — run 'npm run preview' to browse it.`);
    if (result.internalSiteDir) lines.push(`  Internal site (commissioners only, do not publish): ${relative(root, result.internalSiteDir)}/index.html — 'npm run preview -- internal'.`);
  } else {
    // Publishing undoes a half-made switch; only if that too failed is the state mixed.
    const mixed = result.error?.includes("could not all be put back") ?? false;
    lines.push(`Run ${result.runId} FAILED after ${result.seconds.toFixed(1)} s. ${mixed ? "The warehouse and sites may not match: see below." : "The previous warehouse and sites are unchanged."}`);
    lines.push(`  ${result.error}`);
  }
  // A source past its publisher's next expected edition may have been superseded: say so on
  // every run, not only in `status`, so an analyst notices before publishing stale figures.
  const overdue = SOURCES.filter((source) => sourceFreshness(source, today).overdue);
  if (overdue.length > 0) {
    lines.push(`  WARNING: ${overdue.length} source(s) overdue for a new edition (npm run pipeline -- status): ${overdue.map((s) => s.id).join(", ")}.`);
  }
  return lines.join("\n");
}
