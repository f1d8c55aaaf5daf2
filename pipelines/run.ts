// One run: copy the published warehouse, reload changed sources, rebuild and test the models,
// build the site from the new warehouse, then swap warehouse and site into place. Until the
// swap nothing a reader sees has changed, so a failed or killed run leaves the last good
// warehouse and site as they were.
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { SOURCES, sourceById } from "../sources/index.ts";
import { TYPESCRIPT_MODELS } from "../models/index.ts";
import { classifySources, classifyTable, columnsOf, runTable, unclassifiedTables, writeClassifications, type TableClass } from "./build/classification.ts";
import { buildModel, discoverModels, runModelTests, sortModels, type Model } from "./build/models.ts";
import { SEED_TABLES, writeRunHistory, writeSourceSeeds } from "./build/seeds.ts";
import { configAreasSql, DEFAULT_SETTINGS, internalSiteBeside, loadCouncilConfig } from "./config.ts";
import { PIPELINES, selectPipelines } from "./definitions.ts";
import { readPublished, runFingerprint, writePublished } from "./fingerprint.ts";
import { isUnchanged, LOAD_TABLES_SQL, loadSource } from "./load/index.ts";
import { prefetchWorkbooks } from "./load/prefetch.ts";
import { describeReject, keepFailedRun, rejectsOfRun } from "./failed-runs.ts";
import { releaseLock, takeLock } from "./lock.ts";
import { appendRunEvent, readRunEvents, type InputRecord, type RunEvent, type StepRecord } from "./run-log.ts";
import { publish } from "./publish.ts";
import { buildSites, SOURCE_COPY_PREFIX } from "./site/build.ts";
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
  /** Where the commissioners' internal site is published (default dist-internal). */
  internalSiteDir?: string;
  /** Council configuration file (default: the councilConfig setting, pipelines/config.ts). */
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
  internalSiteDir: string | null;
  seconds: number;
  /** Set when nothing had changed since that run, so nothing was done. */
  unchangedSince?: string;
  error?: string;
}

/** Tables the run itself writes before any model: the seeds and the load records. */
const RUN_TABLES: Record<string, string> = {
  config_areas: "the council configuration: the council, its comparators and England",
  seed_england: "England's area code, for models that compute for every council",
  seed_council_postcode_districts: "council facts (sources/council-facts.json): each council's postcode districts",
  loads: "load records: files, checksums and row counts",
  ...SEED_TABLES,
  meta_run: "the run's id and time",
};
// Run history names failed runs' errors: for commissioners, not the public site.
const INTERNAL_RUN_TABLES = new Set(["meta_runs"]);

/** Classifies every raw table, seed and model output, in graph order, and writes meta_classification. */
async function classifyAll(db: Warehouse, models: Model[]): Promise<Map<string, TableClass>> {
  const known = new Map(classifySources(SOURCES).map((item) => [item.table, item]));
  for (const [table, reason] of Object.entries(RUN_TABLES)) {
    known.set(table, INTERNAL_RUN_TABLES.has(table) ? { ...runTable(table, reason), classification: "internal" } : runTable(table, reason));
  }
  for (const model of models) {
    const inputs = [...model.rawReads, ...model.dependsOn.flatMap((dep) => models.find((other) => other.name === dep)!.outputs.map((output) => output.table))];
    for (const output of model.outputs) {
      known.set(output.table, classifyTable(output.table, model.path, inputs, known, await columnsOf(db, output.table), output.declared));
    }
  }
  const unclassified = await unclassifiedTables(db, known);
  if (unclassified.length > 0) {
    throw new Error(`tables with no classification (write them as a model under models/, or as a seed in pipelines/build/seeds.ts): ${unclassified.join(", ")}`);
  }
  await writeClassifications(db, known.values());
  return known;
}

export function paths(options: Pick<RunOptions, "root" | "warehouseDir" | "siteDir" | "internalSiteDir">) {
  // The folders come from the operator's settings (pipelines/config.ts) through the options, so
  // tests and schedulers keep their runs apart from yours; unset, the defaults.
  const warehouseDir = resolve(options.root, options.warehouseDir ?? DEFAULT_SETTINGS.warehouseDir);
  const site = resolve(options.root, options.siteDir ?? DEFAULT_SETTINGS.siteDir);
  return {
    warehouseDir,
    warehouse: join(warehouseDir, "warehouse.duckdb"),
    runLog: join(warehouseDir, "runs.jsonl"),
    // What the run that published the warehouse (and sites) depended on (pipelines/fingerprint.ts).
    published: join(warehouseDir, "published.json"),
    lock: join(warehouseDir, "run.lock"),
    site,
    // Beside the public site unless told otherwise: dist and dist-internal.
    internalSite: resolve(options.root, options.internalSiteDir ?? internalSiteBeside(site)),
  };
}

/** Why the published warehouse cannot be opened and read, or null when it can. */
async function warehouseDamage(path: string): Promise<string | null> {
  try {
    const db = await openWarehouse(path, { readOnly: true });
    try {
      await db.all("select count(*) from information_schema.tables");
    } finally {
      db.close();
    }
    return null;
  } catch (error) {
    return (error as Error).message.split("\n")[0]!;
  }
}

function newRunId(): string {
  return `${new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "")}-${randomBytes(3).toString("hex")}`;
}

/** Build files left by killed runs are never published; clear them away. */
function clearLeftovers(root: string, warehouseDir: string, sites: string[]): void {
  for (const name of readdirSync(warehouseDir)) {
    if (/^build-.*\.duckdb(\.wal)?$/.test(name)) rmSync(join(warehouseDir, name), { force: true });
  }
  for (const site of sites) {
    const siteParent = dirname(site);
    if (!existsSync(siteParent)) continue;
    for (const name of readdirSync(siteParent)) {
      if (name.startsWith(`${basename(site)}.build-`)) rmSync(join(siteParent, name), { recursive: true, force: true });
    }
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
  const startedAt = new Date().toISOString();
  const pipelines = selectPipelines(options.pipelines ?? []);
  const jobName = pipelines.map((p) => p.name).join("+");
  const steps: StepRecord[] = [];
  const inputs: InputRecord[] = [];
  const buildPath = join(where.warehouseDir, `build-${runId}.duckdb`);
  const buildSiteDir = options.site === false ? null : `${where.site}.build-${runId}`;
  const buildInternalDir = options.site === false ? null : `${where.internalSite}.build-${runId}`;
  let db: Warehouse | null = null;
  let testsRun = 0;

  try {
    mkdirSync(where.warehouseDir, { recursive: true });
  } catch (error) {
    // With no warehouse folder there is nowhere to log the run either: say so plainly.
    const message = `cannot create the warehouse folder ${where.warehouseDir} (${(error as Error).message}): set WAREHOUSE_DIR to a folder this user can write`;
    return { runId, status: "FAIL", steps, inputs, rejected: 0, testsRun, warehousePath: where.warehouse, siteDir: null, internalSiteDir: null, seconds: 0, error: message };
  }
  // A run that finds another holding the lock never starts: it throws LockHeldError, unlogged.
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
    clearLeftovers(options.root, where.warehouseDir, [where.site, where.internalSite]);
    // Nothing to do when nothing the result depends on has changed since the run that published
    // the current warehouse and sites. Only a run of every pipeline records its fingerprint: a
    // run of some pipelines leaves other sources' changes unloaded.
    const everything = pipelines.length === PIPELINES.length;
    const fingerprint = runFingerprint(options.root, options.configPath ?? DEFAULT_SETTINGS.councilConfig);
    const published = readPublished(where.published);
    if (!options.full && everything && published?.fingerprint === fingerprint && existsSync(where.warehouse) && (published.sites || options.site === false)) {
      const detail = `nothing changed since run ${published.runId}: nothing loaded, nothing rebuilt, nothing published`;
      steps.push({ step: "unchanged", status: "skipped", rows: null, seconds: (performance.now() - started) / 1000, detail });
      log(`  ${detail}`);
      appendRunEvent(where.runLog, { eventType: "COMPLETE", eventTime: new Date().toISOString(), run: { runId }, job: { namespace: "commissioning", name: jobName }, steps, inputs: published.inputs });
      return {
        runId,
        status: "COMPLETE",
        unchangedSince: published.runId,
        steps,
        inputs: published.inputs,
        rejected: published.inputs.reduce((sum, input) => sum + input.rowsRejected, 0),
        testsRun: published.testsRun,
        warehousePath: where.warehouse,
        siteDir: published.sites ? where.site : null,
        internalSiteDir: published.sites ? where.internalSite : null,
        seconds: (performance.now() - started) / 1000,
      };
    }
    const config = loadCouncilConfig(options.root, options.configPath);
    log(`Run ${runId}: pipelines ${jobName}; council ${config.council}, ${config.comparators.length} comparators`);
    if (existsSync(where.warehouse)) {
      const damage = await warehouseDamage(where.warehouse);
      if (damage === null) copyFileSync(where.warehouse, buildPath);
      else if (options.full) log(`  The published warehouse cannot be opened (${damage}); --full rebuilds it from the sources.`);
      else {
        throw new Error(
          `${where.warehouse} cannot be opened: ${damage}. It is probably damaged (a disk fault or a copy cut short); ` +
            `run with --full to rebuild it from the sources (npm run pipeline -- run --full). The sites are unchanged.`,
        );
      }
    }
    db = await openWarehouse(buildPath);
    await db.run(LOAD_TABLES_SQL);
    await db.run(configAreasSql(config));

    const wanted = [...new Set(pipelines.flatMap((p) => p.sources))].map(sourceById);
    const changed = new Set<string>();
    for (const source of wanted) if (options.full || !(await isUnchanged(db, source, options.root))) changed.add(source.id);
    // Workbooks are parsed in worker threads from the start, while DuckDB loads the CSV files.
    const prefetch = prefetchWorkbooks(options.root, wanted.filter((source) => changed.has(source.id)));
    // CSV sources first: DuckDB loads them on this thread while the workers parse workbooks,
    // which are then ready or nearly so when their turn comes.
    const loadOrder = [...wanted].sort((a, b) => Number(a.kind !== "csv") - Number(b.kind !== "csv"));
    try {
      for (const source of loadOrder) {
        await step(`load ${source.id}`, async () => {
          const previous = await db!.all<InputRecord>(
            `select source, file, sha256, rows_read as "rowsRead", rows_loaded as "rowsLoaded", rows_rejected as "rowsRejected" from loads where source = ${literal(source.id)}`,
          );
          if (!changed.has(source.id)) {
            inputs.push(...previous);
            return { rows: previous.reduce((sum, load) => sum + load.rowsLoaded, 0), detail: "unchanged, kept", skipped: true };
          }
          const loads = await loadSource(db!, source, { root: options.root, runId, readSheet: prefetch.read });
          inputs.push(...loads);
          const rejected = loads.reduce((sum, load) => sum + load.rowsRejected, 0);
          return {
            rows: loads.reduce((sum, load) => sum + load.rowsLoaded, 0),
            detail: `${loads.length} file(s)${rejected ? `, ${format(rejected)} rows REJECTED (see rejects table)` : ""}`,
          };
        });
      }
    } finally {
      await prefetch.close();
    }
    const missing = SOURCES.filter((source) => !wanted.includes(source));
    for (const source of missing) {
      const [exists] = await db.all(`select 1 from information_schema.tables where table_name = ${literal(source.table)}`);
      if (!exists) throw new Error(`source '${source.id}' has never been loaded: run its pipeline first (npm run pipeline -- run)`);
    }

    await writeSourceSeeds(db, SOURCES);

    // One graph of SQL and TypeScript models. Each model's tests run as soon as it is built,
    // so no model reads a table that has not passed its own tests.
    const models = sortModels(discoverModels(options.root, TYPESCRIPT_MODELS, [...Object.keys(RUN_TABLES), ...SOURCES.map((source) => source.table)]));
    const run = { id: runId, startedAt };
    for (const model of models) {
      await step(`model ${model.name}`, async () => {
        const rows = await buildModel(db!, model, run);
        const result = await runModelTests(db!, [model]);
        testsRun += result.run;
        if (result.failures.length > 0) {
          const lines = result.failures.map(
            (f) => `  ${f.path}: test '${f.test}'${f.table === f.model ? "" : ` on ${f.table}`} failed on ${f.failingRows}${f.failingRows >= 1000 ? "+" : ""} row(s), e.g. ${JSON.stringify(f.sample[0])}`,
          );
          throw new Error(`${result.failures.length} of ${result.run} tests of model ${model.name} failed; nothing was published:\n${lines.join("\n")}`);
        }
        return { rows, detail: model.kind === "typescript" ? `${model.outputs.length} tables, ${result.run} tests` : undefined };
      });
    }
    steps.push({ step: "model tests", status: "done", rows: null, seconds: 0, detail: `${testsRun} passed` });
    log(`  ${"model tests".padEnd(54, " ")} ${"".padStart(14)} ${"".padStart(9)}  ${testsRun} passed`);

    await step("classification", async () => {
      const classes = await classifyAll(db!, models);
      const counts = [...classes.values()].reduce<Record<string, number>>((tally, item) => ({ ...tally, [item.classification]: (tally[item.classification] ?? 0) + 1 }), {});
      return { rows: classes.size, detail: Object.entries(counts).map(([level, n]) => `${n} ${level}`).join(", ") };
    });

    const rejected = inputs.reduce((sum, input) => sum + input.rowsRejected, 0);
    await db.run(`create or replace table meta_run as select ${literal(runId)} as run_id, now() as finished_at, ${rejected} as rows_rejected`);
    const current: RunEvent = { eventType: "START", eventTime: startedAt, run: { runId }, job: { namespace: "commissioning", name: jobName }, steps, inputs };
    await writeRunHistory(db, readRunEvents(where.runLog), current);
    db.close();
    db = null;

    if (buildSiteDir && buildInternalDir) {
      // --- site builds (pipelines/site/build.ts): both sites from one snapshot, at the same time ---
      await step("site builds (public and internal)", async () => {
        const timings = await buildSites({ root: options.root, warehousePath: buildPath, site: config, publicDir: buildSiteDir, internalDir: buildInternalDir, runId });
        return { rows: null, detail: `${timings}; public: public tables only, scanned for restricted values` };
      });
      // --- end of site builds ---
    }
    // Publish: the warehouse and both sites together, or none of them (pipelines/publish.ts).
    publish(buildPath, where.warehouse, [
      ...(buildSiteDir ? [{ built: buildSiteDir, site: where.site }] : []),
      ...(buildInternalDir ? [{ built: buildInternalDir, site: where.internalSite }] : []),
    ]);
    writePublished(where.published, { runId, fingerprint: everything ? fingerprint : "", inputs, testsRun, sites: buildSiteDir !== null });

    const seconds = (performance.now() - started) / 1000;
    appendRunEvent(where.runLog, { eventType: "COMPLETE", eventTime: new Date().toISOString(), run: { runId }, job: { namespace: "commissioning", name: jobName }, steps, inputs });
    return {
      runId,
      status: "COMPLETE",
      steps,
      inputs,
      rejected,
      testsRun,
      warehousePath: where.warehouse,
      siteDir: buildSiteDir ? where.site : null,
      internalSiteDir: buildInternalDir ? where.internalSite : null,
      seconds,
    };
  } catch (error) {
    let message = (error as Error).message;
    // Keep what the failed run rejected (its build warehouse goes), and lead with the first
    // reject: a bad cell is usually the cause of a model test failing downstream. Nothing here
    // may hide the first error.
    try {
      db?.close();
    } catch {
      // the connection may already be unusable
    }
    const { loads, rejects } = await rejectsOfRun(buildPath, runId);
    if (rejects.length > 0) {
      const total = loads.reduce((sum, load) => sum + load.rows_rejected, 0);
      message = `${total.toLocaleString("en-GB")} row(s) were rejected while loading, first ${describeReject(rejects[0]!)} (all of them: npm run pipeline -- rejects --run ${runId}).\n${message}`;
    }
    try {
      keepFailedRun(where.warehouseDir, { runId, error: message, loads, rejects });
    } catch {
      // an unwritable warehouse folder: the run log below says why the run failed
    }
    rmSync(buildPath, { force: true });
    rmSync(`${buildPath}.wal`, { force: true });
    if (buildSiteDir) rmSync(buildSiteDir, { recursive: true, force: true });
    if (buildInternalDir) rmSync(buildInternalDir, { recursive: true, force: true });
    appendRunEvent(where.runLog, { eventType: "FAIL", eventTime: new Date().toISOString(), run: { runId }, job: { namespace: "commissioning", name: jobName }, steps, inputs, error: message });
    const seconds = (performance.now() - started) / 1000;
    return { runId, status: "FAIL", steps, inputs, rejected: 0, testsRun, warehousePath: where.warehouse, siteDir: null, internalSiteDir: null, seconds, error: message };
  } finally {
    releaseLock(where.lock);
  }
}
