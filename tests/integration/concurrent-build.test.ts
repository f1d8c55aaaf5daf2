// A site build never reads a half-built warehouse, and never mixes two. A run writes only its
// own build copy and swaps it in by rename, so readers of the published path see one whole
// warehouse or the next; and a site build reads a private snapshot taken when it starts, so a
// publish during the build cannot reach its loaders.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { loadCouncilConfig } from "../../pipelines/config.ts";
import { runPipelines } from "../../pipelines/run.ts";
import { buildSite, SOURCE_COPY_PREFIX } from "../../pipelines/site/build.ts";
import { openWarehouse } from "../../pipelines/warehouse.ts";

const SITE = loadCouncilConfig(resolve(import.meta.dirname, "../.."));
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

function copyOfPublished(name: string): string {
  mkdirSync(join(dir, name));
  cpSync(join(setup.warehouseDir, "warehouse.duckdb"), join(dir, name, "warehouse.duckdb"));
  return join(dir, name, "warehouse.duckdb");
}

describe("the published warehouse during a run", () => {
  it("is always a whole warehouse: the old one until the run publishes, then the new one", async () => {
    const published = copyOfPublished("warehouse");
    const before = await publishedState(published);
    let ended = false;
    const run = runPipelines({ root, warehouseDir: join(dir, "warehouse"), siteDir: join(dir, "dist"), site: false, log: () => {} }).finally(() => (ended = true));
    const seen: string[] = [];
    while (!ended) {
      const state = await publishedState(published);
      expect(state.classified).toBeGreaterThan(50);
      if (seen.at(-1) !== state.runId) seen.push(state.runId);
      await new Promise((wait) => setTimeout(wait, 100));
    }
    const result = await run;
    expect(result.status, result.error).toBe("COMPLETE");
    seen.push((await publishedState(published)).runId);
    expect([...new Set(seen)]).toEqual([before.runId, result.runId]);
  }, 600_000);
});

describe("a site build while another warehouse is published", () => {
  it("reads the snapshot it took at the start, never the warehouse swapped in under it", async () => {
    const published = copyOfPublished("published");
    const before = await publishedState(published);
    // A broken warehouse to swap in: a loader that read it would fail the build.
    const broken = copyOfPublished("broken");
    const db = await openWarehouse(broken);
    try {
      await db.run(`drop table needs_population_older; update meta_run set run_id = 'swapped-in'`);
    } finally {
      db.close();
    }
    const outDir = join(dir, "site");
    const build = buildSite({ site: SITE, root, warehousePath: published, outDir, audience: "public" });
    const snapshot = join(root, `${SOURCE_COPY_PREFIX}${basename(outDir)}`, ".warehouse-snapshot.duckdb");
    const deadline = Date.now() + 60_000;
    while (!existsSync(snapshot) && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 10));
    expect(existsSync(snapshot), "the build took a snapshot").toBe(true);
    renameSync(broken, published);
    await build; // every loader, including those that read needs_population_older, succeeded

    expect((await publishedState(published)).runId).toBe("swapped-in");
    const data = join(outDir, "_file", "data");
    const releasesFile = readdirSync(data).find((name) => name.startsWith("releases.") && name.endsWith(".json"))!;
    const { releases } = JSON.parse(readFileSync(join(data, releasesFile), "utf8")) as { releases: { run_id: string }[] };
    expect(releases[0]!.run_id).toBe(before.runId);
  }, 600_000);
});
