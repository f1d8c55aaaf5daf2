// A site build that runs while a pipeline run publishes a new warehouse reads one whole
// warehouse, never a half-built one and never a mix of two. The run writes only its own build
// copy and swaps it in by rename; the site build reads a private snapshot taken when it starts.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { runPipelines } from "../../pipelines/run.ts";
import { buildSite } from "../../pipelines/site.ts";
import { openWarehouse } from "../../pipelines/warehouse.ts";

const root = resolve(import.meta.dirname, "../..");
const setup = inject("pipeline");
const dir = mkdtempSync(join(tmpdir(), "concurrent-build-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function publishedState(path: string): Promise<{ runId: string; classified: number }> {
  const db = await openWarehouse(path, { readOnly: true });
  try {
    const [run] = await db.all<{ run_id: string }>(`select run_id from meta_run`);
    const [classes] = await db.all<{ n: number }>(`select count(*)::integer as n from meta_classification`);
    return { runId: run!.run_id, classified: classes!.n };
  } finally {
    db.close();
  }
}

describe("a site build during a pipeline run", () => {
  it("reads the whole warehouse that was published when it started, while the run publishes a new one", async () => {
    const warehouseDir = join(dir, "warehouse");
    mkdirSync(warehouseDir);
    cpSync(join(setup.warehouseDir, "warehouse.duckdb"), join(warehouseDir, "warehouse.duckdb"));
    const published = join(warehouseDir, "warehouse.duckdb");
    const before = await publishedState(published);

    let runEnded = false;
    const run = runPipelines({ root, warehouseDir, siteDir: join(dir, "dist"), full: true, site: false, log: () => {} }).finally(() => (runEnded = true));
    let buildEndedAt = 0;
    const build = buildSite({ root, warehousePath: published, outDir: join(dir, "site"), audience: "public" }).then(() => (buildEndedAt = Date.now()));

    // Readers during the run always find a whole warehouse: the old one, then the new one.
    const seen = new Set<string>();
    while (!runEnded) {
      const state = await publishedState(published);
      expect(state.classified).toBeGreaterThan(50);
      seen.add(state.runId);
      await new Promise((wait) => setTimeout(wait, 250));
    }
    const result = await run;
    const runEndedAt = Date.now();
    expect(result.status, result.error).toBe("COMPLETE");
    await build;
    // The race happened: the new warehouse was published while the site was still building.
    expect(buildEndedAt).toBeGreaterThan(runEndedAt);
    expect(seen.has(before.runId)).toBe(true);
    expect((await publishedState(published)).runId).toBe(result.runId);

    // The loaders read the warehouse of the run before: the release log names the old run as
    // the newest publication and knows nothing of the new one.
    const data = join(dir, "site", "_file", "data");
    const releasesFile = readdirSync(data).find((name) => name.startsWith("releases.") && name.endsWith(".json"))!;
    const { releases } = JSON.parse(readFileSync(join(data, releasesFile), "utf8")) as { releases: { run_id: string }[] };
    expect(releases[0]!.run_id).toBe(before.runId);
    expect(releases.map((release) => release.run_id)).not.toContain(result.runId);
  }, 600_000);
});
