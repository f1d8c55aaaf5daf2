// Runs the default pipeline once, on the bundled data, into a temporary folder, and tells the
// integration and browser tests where the warehouse and site are.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { runPipelines } from "../../pipelines/run.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pipeline: { dir: string; warehouseDir: string; siteDir: string; internalSiteDir: string; runId: string; rejected: number; testsRun: number };
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "commissioning-test-"));
  const warehouseDir = join(dir, "warehouse");
  const siteDir = join(dir, "dist");
  const internalSiteDir = join(dir, "dist-internal");
  const lines: string[] = [];
  const result = await runPipelines({ root: process.cwd(), warehouseDir, siteDir, internalSiteDir, log: (line) => lines.push(line) });
  if (result.status !== "COMPLETE") {
    throw new Error(`the default pipeline failed in test setup:\n${lines.join("\n")}\n${result.error}`);
  }
  project.provide("pipeline", { dir, warehouseDir, siteDir, internalSiteDir, runId: result.runId, rejected: result.rejected, testsRun: result.testsRun });
  return () => rmSync(dir, { recursive: true, force: true });
}
