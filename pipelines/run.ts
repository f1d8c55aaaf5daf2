// One run: copy the published warehouse, reload changed sources, rebuild and test the models,
// build the site from the new warehouse, then swap warehouse and site into place. Until the
// swap nothing a reader sees has changed, so a failed or killed run leaves the last good
// warehouse and site as they were.
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { SOURCES, sourceById } from "../sources/index.ts";
import { configAreasSql, loadCouncilConfig } from "./config.ts";
import { INDICATORS } from "../models/indicators/index.ts";
import { selectPipelines } from "./definitions.ts";
import { computeContractKpiRatings } from "./contract-kpis.ts";
import { computeIndicators } from "./indicators.ts";
import { isUnchanged, LOAD_TABLES_SQL, loadSource } from "./load.ts";
import { buildModel, discoverModels, runModelTests, sortModels } from "./models.ts";
import { releaseLock, takeLock } from "./lock.ts";
import { appendRunEvent, type InputRecord, type StepRecord } from "./run-log.ts";
import { buildSite, publishSite, SOURCE_COPY_PREFIX } from "./site.ts";
import { literal, openWarehouse, type Warehouse } from "./warehouse.ts";

export interface RunOptions {
  root: string;
  pipelines?: string[];
  /** Reload every source even if its files are unchanged. */
  full?: boolean;
  /** Build the site from the new warehouse and publish both (default true). */
  site?: boolean;
  warehouseDir?: string;
  siteDir?: string;
  /** Council configuration file (default: COUNCIL_CONFIG or pipelines/council.json). */
  configPath?: string;
  log?: (line: string) => void;
}

export interface RunResult {
  runId: string;
  status: "COMPLETE" | "FAIL";
  steps: StepRecord[];
  inputs: InputRecord[];
  rejected: number;
  testsRun: number;
  warehousePath: string;
  siteDir: string | null;
  seconds: number;
  error?: string;
}

export function paths(options: Pick<RunOptions, "root" | "warehouseDir" | "siteDir">) {
  // WAREHOUSE_DIR and SITE_DIR let tests and schedulers keep their runs apart from yours.
  const warehouseDir = resolve(options.root, options.warehouseDir ?? process.env.WAREHOUSE_DIR ?? "warehouse");
  return {
    warehouseDir,
    warehouse: join(warehouseDir, "warehouse.duckdb"),
    runLog: join(warehouseDir, "runs.jsonl"),
    lock: join(warehouseDir, "run.lock"),
    site: resolve(options.root, options.siteDir ?? process.env.SITE_DIR ?? "dist"),
  };
}

function newRunId(): string {
  return `${new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "")}-${randomBytes(3).toString("hex")}`;
}

/** Build files left by killed runs are never published; clear them away. */
function clearLeftovers(root: string, warehouseDir: string, site: string): void {
  for (const name of readdirSync(warehouseDir)) {
    if (/^build-.*\.duckdb(\.wal)?$/.test(name)) rmSync(join(warehouseDir, name), { force: true });
  }
  const siteParent = dirname(site);
  for (const name of readdirSync(siteParent)) {
    if (name.startsWith(`${basename(site)}.build-`)) rmSync(join(siteParent, name), { recursive: true, force: true });
  }
  // Copies of reports/ are shared by every warehouse folder of the checkout, so only those
  // old enough that no live build can still be using them are removed.
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (name.startsWith(SOURCE_COPY_PREFIX) && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
}

const format = (n: number) => n.toLocaleString("en-GB");

export async function runPipelines(options: RunOptions): Promise<RunResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const where = paths(options);
  const runId = newRunId();
  const started = performance.now();
  const pipelines = selectPipelines(options.pipelines ?? []);
  const jobName = pipelines.map((p) => p.name).join("+");
  const steps: StepRecord[] = [];
  const inputs: InputRecord[] = [];
  const buildPath = join(where.warehouseDir, `build-${runId}.duckdb`);
  const buildSiteDir = options.site === false ? null : `${where.site}.build-${runId}`;
  let db: Warehouse | null = null;
  let testsRun = 0;

  mkdirSync(where.warehouseDir, { recursive: true });
  takeLock(where.lock, runId);
  appendRunEvent(where.runLog, { eventType: "START", eventTime: new Date().toISOString(), run: { runId }, job: { namespace: "commissioning", name: jobName } });

  const step = async <T>(name: string, work: () => Promise<{ rows: number | null; detail?: string; value?: T; skipped?: boolean }>) => {
    const t0 = performance.now();
    try {
      const outcome = await work();
      const seconds = (performance.now() - t0) / 1000;
      steps.push({ step: name, status: outcome.skipped ? "skipped" : "done", rows: outcome.rows, seconds, detail: outcome.detail });
      const rows = outcome.rows === null ? "" : `${format(outcome.rows)} rows`;
      log(`  ${name.padEnd(54, " ")} ${rows.padStart(14)} ${seconds.toFixed(2).padStart(7)} s${outcome.detail ? `  ${outcome.detail}` : ""}`);
      return outcome.value;
    } catch (error) {
      steps.push({ step: name, status: "failed", rows: null, seconds: (performance.now() - t0) / 1000, detail: (error as Error).message });
      log(`  ${name.padEnd(54, " ")} FAILED`);
      throw error;
    }
  };

  try {
    clearLeftovers(options.root, where.warehouseDir, where.site);
    const config = loadCouncilConfig(options.root, options.configPath);
    log(`Run ${runId}: pipelines ${jobName}; council ${config.council}, ${config.comparators.length} comparators`);
    if (existsSync(where.warehouse)) copyFileSync(where.warehouse, buildPath);
    db = await openWarehouse(buildPath);
    await db.run(LOAD_TABLES_SQL);
    await db.run(configAreasSql(config));

    const wanted = [...new Set(pipelines.flatMap((p) => p.sources))].map(sourceById);
    for (const source of wanted) {
      await step(`load ${source.id}`, async () => {
        const previous = await db!.all<InputRecord>(
          `select source, file, sha256, rows_read as "rowsRead", rows_loaded as "rowsLoaded", rows_rejected as "rowsRejected" from loads where source = ${literal(source.id)}`,
        );
        if (!options.full && (await isUnchanged(db!, source, options.root))) {
          inputs.push(...previous);
          return { rows: previous.reduce((sum, load) => sum + load.rowsLoaded, 0), detail: "unchanged, kept", skipped: true };
        }
        const loads = await loadSource(db!, source, { root: options.root, runId });
        inputs.push(...loads);
        const rejected = loads.reduce((sum, load) => sum + load.rowsRejected, 0);
        return {
          rows: loads.reduce((sum, load) => sum + load.rowsLoaded, 0),
          detail: `${loads.length} file(s)${rejected ? `, ${format(rejected)} rows REJECTED (see rejects table)` : ""}`,
        };
      });
    }
    const missing = SOURCES.filter((source) => !wanted.includes(source));
    for (const source of missing) {
      const [exists] = await db.all(`select 1 from information_schema.tables where table_name = ${literal(source.table)}`);
      if (!exists) throw new Error(`source '${source.id}' has never been loaded: run its pipeline first (npm run pipeline -- run)`);
    }

    const models = sortModels(discoverModels(options.root));
    for (const model of models) {
      await step(`model ${model.name}`, async () => ({ rows: await buildModel(db!, model) }));
    }
    await step("model tests", async () => {
      const result = await runModelTests(db!, models);
      testsRun = result.run;
      if (result.failures.length > 0) {
        const lines = result.failures.map(
          (f) => `  ${f.path}: test '${f.test}' failed on ${f.failingRows}${f.failingRows >= 1000 ? "+" : ""} row(s), e.g. ${JSON.stringify(f.sample[0])}`,
        );
        throw new Error(`${result.failures.length} of ${result.run} model tests failed; nothing was published:\n${lines.join("\n")}`);
      }
      return { rows: null, detail: `${result.run} passed` };
    });

    // Indicators use TypeScript statistics, so they are computed after the SQL models have
    // been built and tested; they read only tested models.
    await step("indicators", async () => ({ rows: await computeIndicators(db!, INDICATORS), detail: `${INDICATORS.length} indicators` }));
    await step("contract KPI ratings", async () => ({ rows: await computeContractKpiRatings(db!) }));

    const rejected = inputs.reduce((sum, input) => sum + input.rowsRejected, 0);
    await db.run(`create or replace table meta_run as select ${literal(runId)} as run_id, now() as finished_at, ${rejected} as rows_rejected`);
    db.close();
    db = null;

    if (buildSiteDir) {
      await step("site build", async () => {
        await buildSite({ root: options.root, warehousePath: buildPath, outDir: buildSiteDir, runId });
        return { rows: null };
      });
    }
    // Publish: each rename is atomic. The warehouse goes first so that a site is never newer
    // than the warehouse beside it.
    renameSync(buildPath, where.warehouse);
    if (buildSiteDir) publishSite(buildSiteDir, where.site);

    const seconds = (performance.now() - started) / 1000;
    appendRunEvent(where.runLog, { eventType: "COMPLETE", eventTime: new Date().toISOString(), run: { runId }, job: { namespace: "commissioning", name: jobName }, steps, inputs });
    return { runId, status: "COMPLETE", steps, inputs, rejected, testsRun, warehousePath: where.warehouse, siteDir: buildSiteDir ? where.site : null, seconds };
  } catch (error) {
    const message = (error as Error).message;
    db?.close();
    rmSync(buildPath, { force: true });
    rmSync(`${buildPath}.wal`, { force: true });
    if (buildSiteDir) rmSync(buildSiteDir, { recursive: true, force: true });
    appendRunEvent(where.runLog, { eventType: "FAIL", eventTime: new Date().toISOString(), run: { runId }, job: { namespace: "commissioning", name: jobName }, steps, inputs, error: message });
    const seconds = (performance.now() - started) / 1000;
    return { runId, status: "FAIL", steps, inputs, rejected: 0, testsRun, warehousePath: where.warehouse, siteDir: null, seconds, error: message };
  } finally {
    releaseLock(where.lock);
  }
}
