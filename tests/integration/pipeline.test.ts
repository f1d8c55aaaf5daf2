// The whole default pipeline on the bundled data (run once by tests/setup/pipeline.ts), then
// the properties a user relies on: published figures, reconciled loads, skipped unchanged
// inputs, a failing model test blocking publication, and a killed run changing nothing.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { readRunEvents } from "../../pipelines/run-log.ts";
import { runPipelines } from "../../pipelines/run.ts";
import { openWarehouse } from "../../pipelines/warehouse.ts";
import { SOURCES } from "../../sources/index.ts";

const root = resolve(import.meta.dirname, "../..");
// Every declared file of every registered source is loaded by the default run.
const FILES = SOURCES.reduce((sum, source) => sum + source.files.length, 0);
const setup = inject("pipeline");
const warehouse = () => join(setup.warehouseDir, "warehouse.duckdb");

async function query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  const db = await openWarehouse(warehouse(), { readOnly: true });
  try {
    return await db.all<T>(sql);
  } finally {
    db.close();
  }
}

const publishedRunId = async () => (await query<{ run_id: string }>("select run_id from meta_run"))[0]!.run_id;

describe("published figures (Shropshire, E06000051)", () => {
  it("estimates match ONS's published all-ages totals", async () => {
    const rows = await query<{ year: number; total: number }>(
      `select year, total from needs_population_older where series = 'estimate' and area_code = 'E06000051' order by year`,
    );
    // ONS MYE2 editions mid-2015 to mid-2022 (see sources/data/*/PROVENANCE.md).
    expect(rows.map((r) => [r.year, r.total])).toEqual([
      [2015, 311_380], [2016, 313_373], [2017, 317_459], [2018, 320_274],
      [2019, 323_136], [2020, 325_415], [2021, 324_716], [2022, 327_178],
    ]);
  });

  it("projections match the 2022-based SNPP totals and 65+ count", async () => {
    const rows = await query<{ year: number; total: number; aged_65_plus: number }>(
      `select year, total, aged_65_plus from needs_population_older
       where series = 'projection' and area_code = 'E06000051' and year in (2022, 2032, 2047) order by year`,
    );
    expect(rows.map((r) => Math.round(r.total))).toEqual([327_479, 354_864, 386_655]);
    expect(rows[0]!.aged_65_plus).toBe(84_358); // the mid-2022 65+ count, as in the MYE PROVENANCE
  });

  it("covers England and all 153 upper-tier councils, each with estimates and projections", async () => {
    const rows = await query<{ series: string; n: number }>(
      `select series, count(distinct area_code)::integer as n from needs_population_older group by all order by all`,
    );
    expect(rows).toEqual([
      { series: "estimate", n: 154 },
      { series: "projection", n: 154 },
    ]);
    const [england] = await query<{ total: number }>(`select total from needs_population_older where area_code = 'E92000001' and year = 2022 and series = 'estimate'`);
    expect(england!.total).toBe(57_106_398);
  });

  it("bands and single years agree", async () => {
    const [row] = await query<{ by_age: number; by_band: number }>(`
      select (select sum(population) from needs_population_by_age where area_code = 'E06000051' and series = 'estimate' and year = 2022 and sex = 'persons') as by_age,
             (select sum(population) from needs_population_by_band where area_code = 'E06000051' and series = 'estimate' and year = 2022 and sex = 'persons') as by_band`);
    expect(row).toEqual({ by_age: 327_178, by_band: 327_178 });
  });
});

describe("loads", () => {
  it("every file reconciles and records the SHA-256 of the bytes read", async () => {
    const loads = await query<{ file: string; sha256: string; rows_read: number; rows_loaded: number; rows_rejected: number }>(`select * from loads`);
    expect(loads).toHaveLength(FILES);
    for (const load of loads) {
      expect(load.rows_read).toBe(load.rows_loaded + load.rows_rejected);
      expect(load.sha256).toBe(createHash("sha256").update(readFileSync(join(root, load.file))).digest("hex"));
    }
    expect(setup.rejected).toBe(0);
  });

  it("the run log records the run as COMPLETE with its inputs", () => {
    const events = readRunEvents(join(setup.warehouseDir, "runs.jsonl")).filter((e) => e.run.runId === setup.runId);
    expect(events.map((e) => e.eventType)).toEqual(["START", "COMPLETE"]);
    expect(events[1]!.inputs).toHaveLength(FILES);
    expect(events[1]!.steps!.some((s) => s.step === "model tests" && s.detail === `${setup.testsRun} passed`)).toBe(true);
  });
});

describe("the built site", () => {
  it("carries the published figures and the language", () => {
    const html = readFileSync(join(setup.siteDir, "population.html"), "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="en-GB">/);
    const dataDir = join(setup.siteDir, "_file", "data");
    const json = readdirSync(dataDir).find((name) => /^population\.[0-9a-f]+\.json$/.test(name));
    const data = JSON.parse(readFileSync(join(dataDir, json!), "utf8"));
    const totals = data.older.filter((d: { area_code: string; series: string }) => d.area_code === "E06000051" && d.series === "estimate");
    expect(totals.map((d: { total: number }) => d.total)).toContain(311_380);
    expect(totals.map((d: { total: number }) => d.total)).toContain(324_716);
    expect(totals.map((d: { total: number }) => d.total)).toContain(327_178);
  });
});

describe("reruns", () => {
  it("a second run with nothing changed does nothing, and says so", async () => {
    const before = await publishedRunId();
    const siteBefore = realpathSync(setup.siteDir);
    const result = await runPipelines({ root, warehouseDir: setup.warehouseDir, siteDir: setup.siteDir, internalSiteDir: setup.internalSiteDir, log: () => {} });
    expect(result.status).toBe("COMPLETE");
    expect(result.unchangedSince).toBe(before);
    expect(result.steps.map((s) => s.step)).toEqual(["unchanged"]);
    expect(result.inputs).toHaveLength(FILES);
    expect(await publishedRunId()).toBe(before);
    expect(realpathSync(setup.siteDir)).toBe(siteBefore);
    const events = readRunEvents(join(setup.warehouseDir, "runs.jsonl")).filter((e) => e.run.runId === result.runId);
    expect(events.map((e) => e.eventType)).toEqual(["START", "COMPLETE"]);
  });

  it("a configuration naming another council rebuilds only the sites, from the same warehouse", async () => {
    // A copy of the published warehouse, so the shared one keeps its Shropshire sites.
    const dir = mkdtempSync(join(tmpdir(), "council-"));
    const warehouseDir = join(dir, "warehouse");
    mkdirSync(warehouseDir);
    for (const name of ["warehouse.duckdb", "published.json"]) copyFileSync(join(setup.warehouseDir, name), join(warehouseDir, name));
    writeFileSync(join(dir, "council.json"), JSON.stringify({ council: "E09000007" }));
    const before = await publishedRunId();
    const options = { root, warehouseDir, siteDir: join(dir, "site"), internalSiteDir: join(dir, "internal"), configPath: join(dir, "council.json"), log: () => {} };
    const result = await runPipelines(options);
    expect(result.status).toBe("COMPLETE");
    expect(result).toMatchObject({ sitesFor: "E09000007", unchangedSince: before });
    expect(result.steps.map((s) => s.step)).toEqual(["site builds (public and internal)"]);
    // The pages' data are about Camden, with its 15 nearest neighbours as comparators.
    const dataDir = join(dir, "site", "_file", "data");
    const population = JSON.parse(readFileSync(join(dataDir, readdirSync(dataDir).find((name) => /^population\.[0-9a-f]+\.json$/.test(name))!), "utf8"));
    expect(population.areas[0]).toMatchObject({ area_code: "E09000007", area_name: "Camden", role: "council" });
    expect(population.areas.filter((area: { role: string }) => area.role === "comparator")).toHaveLength(15);
    expect(JSON.stringify(population)).not.toContain("Shropshire");
    // The same council again: nothing to do.
    expect((await runPipelines(options)).steps.map((s) => s.step)).toEqual(["unchanged"]);
  });

  it("a configuration naming an unknown comparator fails the run, naming it, and publishes nothing", async () => {
    const before = await publishedRunId();
    const siteBefore = realpathSync(setup.siteDir);
    const dir = mkdtempSync(join(tmpdir(), "council-"));
    writeFileSync(join(dir, "council.json"), JSON.stringify({ council: "E06000051", comparators: ["E06999999"], england: "E92000001" }));
    const result = await runPipelines({ root, warehouseDir: setup.warehouseDir, siteDir: setup.siteDir, configPath: join(dir, "council.json"), log: () => {} });
    expect(result.status).toBe("FAIL");
    expect(result.error).toContain("comparators E06999999 are not upper-tier councils");
    expect(await publishedRunId()).toBe(before);
    expect(realpathSync(setup.siteDir)).toBe(siteBefore);
    expect(readdirSync(setup.warehouseDir).filter((n) => n.startsWith("build-"))).toEqual([]);
  });
});

/** Starts a full run in another process and SIGKILLs it once `marker` appears in its output. */
function killRunAt(marker: RegExp): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", "pipelines/cli.ts", "run", "--full"], {
      cwd: root,
      env: { ...process.env, WAREHOUSE_DIR: setup.warehouseDir, SITE_DIR: setup.siteDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (marker.test(output)) child.kill("SIGKILL");
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", fail);
    child.on("exit", (code, signal) => (signal === "SIGKILL" ? done(output) : fail(new Error(`run ended (${code}) before ${marker}:\n${output}`))));
  });
}

describe("a run killed midway", () => {
  for (const [moment, marker] of [
    ["while loading", /load ons-mye2 /],
    ["while building the site", /model tests .* passed/],
  ] as const) {
    it(`${moment} leaves the last good warehouse and site usable, and the next run succeeds`, async () => {
      const before = await publishedRunId();
      const siteBefore = realpathSync(setup.siteDir);
      await killRunAt(marker);
      expect(await publishedRunId()).toBe(before);
      expect(realpathSync(setup.siteDir)).toBe(siteBefore);
      expect(readFileSync(join(setup.siteDir, "population.html"), "utf8")).toContain("<html lang=\"en-GB\">");
      expect(existsSync(join(setup.warehouseDir, "run.lock"))).toBe(true); // the killed run could not clean up

      const after = await runPipelines({ root, warehouseDir: setup.warehouseDir, siteDir: setup.siteDir, log: () => {} });
      expect(after.error).toBeUndefined();
      expect(after.status).toBe("COMPLETE");
      // Nothing changed since the last run that published, so it may rightly have had nothing to do.
      expect(await publishedRunId()).toBe(after.unchangedSince ?? after.runId);
      expect(readdirSync(setup.warehouseDir).filter((n) => n.startsWith("build-"))).toEqual([]);
      const events = readRunEvents(join(setup.warehouseDir, "runs.jsonl"));
      const killed = events.filter((e) => e.eventType === "START" && !events.some((o) => o.run.runId === e.run.runId && o.eventType !== "START"));
      expect(killed.length).toBeGreaterThan(0);
    });
  }
});
