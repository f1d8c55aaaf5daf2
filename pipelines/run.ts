// One run: copy the published warehouse, reload changed sources, rebuild and test the models,
// build the site from the new warehouse, then swap warehouse and site into place. Until the
// swap nothing a reader sees has changed, so a failed or killed run leaves the last good
// warehouse and site as they were.
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { SOURCES, sourceById } from "../sources/index.ts";
import { classifySources, classifyTable, columnsOf, runTable, unclassifiedTables, writeClassifications, type Declared, type TableClass } from "./build/classification.ts";
import { configAreasSql, loadCouncilConfig } from "./config.ts";
import { INDICATORS } from "../models/indicators/index.ts";
import { selectPipelines } from "./definitions.ts";
import { applyDisclosureControl, DISCLOSURE_REASON } from "./disclosure.ts";
import { computeContractKpiRatings } from "./contract-kpis.ts";
import { computeIndicators } from "./indicators.ts";
import { isUnchanged, LOAD_TABLES_SQL, loadSource } from "./load/index.ts";
import { buildModel, discoverModels, runModelTests, sortModels } from "./build/models.ts";
import { releaseLock, takeLock } from "./lock.ts";
import { RELEASE_FIGURE_INPUTS, recordRelease } from "./releases.ts";
import { appendRunEvent, type InputRecord, type StepRecord } from "./run-log.ts";
import { buildSites, publishSite, SOURCE_COPY_PREFIX } from "./site/build.ts";
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
  internalSiteDir: string | null;
  seconds: number;
  error?: string;
}

/**
 * Tables written by TypeScript steps rather than SQL models, with the tables each reads, so
 * that their classification flows like a model's.
 */
const DERIVED_TABLES: { tables: string[]; inputs: string[]; declared?: Declared }[] = [
  {
    tables: ["outcomes_indicator_values", "outcomes_indicator_funnel", "outcomes_indicator_summary"],
    inputs: [...new Set([...INDICATORS.map((indicator) => indicator.model), "stg_oflog__asc_measures"])],
    declared: { classification: "internal", reason: "counts of people before disclosure control; public pages read the _protected copies" },
  },
  { tables: ["outcomes_indicator_trend"], inputs: ["stg_oflog__asc_measures"] },
  {
    tables: ["outcomes_indicator_values_protected", "outcomes_indicator_funnel_protected", "outcomes_indicator_summary_protected"],
    inputs: ["outcomes_indicator_values", "outcomes_indicator_funnel", "outcomes_indicator_summary"],
    declared: { classification: "public", reason: DISCLOSURE_REASON },
  },
  { tables: ["market_asc_activity_protected"], inputs: ["market_asc_activity"], declared: { classification: "public", reason: DISCLOSURE_REASON } },
  {
    tables: ["contracts_kpi_monthly", "contracts_kpi_ratings", "contracts_prompt_payment", "contracts_decommissioning_candidates"],
    inputs: ["int_kpi_returns__configured", "int_invoices__configured", "int_invoices__payment_counts", "contracts_register"],
  },
];

/** Classifies every raw table, model and derived table, and writes meta_classification. */
async function classifyAll(db: Warehouse, models: ReturnType<typeof sortModels>): Promise<Map<string, TableClass>> {
  const known = new Map(classifySources(SOURCES).map((item) => [item.table, item]));
  for (const model of models) {
    known.set(model.name, classifyTable(model.name, model.path, [...model.rawReads, ...model.dependsOn], known, await columnsOf(db, model.name), model.declared));
  }
  for (const { tables, inputs, declared } of DERIVED_TABLES) {
    for (const table of tables) known.set(table, classifyTable(table, `table ${table}`, inputs, known, await columnsOf(db, table), declared ?? null));
  }
  known.set("meta_run", runTable("meta_run", "the run's id and time"));
  known.set("meta_release_sources", runTable("meta_release_sources", "publication history: source titles, editions and file checksums"));
  // The figures tracked across releases are as restricted as the tables they come from.
  known.set("meta_release_figures", classifyTable("meta_release_figures", "pipelines/releases.ts", RELEASE_FIGURE_INPUTS, known, [], null));
  const unclassified = await unclassifiedTables(db, known);
  if (unclassified.length > 0) {
    throw new Error(`tables with no classification (add them to DERIVED_TABLES in pipelines/run.ts): ${unclassified.join(", ")}`);
  }
  await writeClassifications(db, known.values());
  return known;
}

export function paths(options: Pick<RunOptions, "root" | "warehouseDir" | "siteDir" | "internalSiteDir">) {
  // WAREHOUSE_DIR and SITE_DIR let tests and schedulers keep their runs apart from yours.
  const warehouseDir = resolve(options.root, options.warehouseDir ?? process.env.WAREHOUSE_DIR ?? "warehouse");
  const site = resolve(options.root, options.siteDir ?? process.env.SITE_DIR ?? "dist");
  return {
    warehouseDir,
    warehouse: join(warehouseDir, "warehouse.duckdb"),
    runLog: join(warehouseDir, "runs.jsonl"),
    lock: join(warehouseDir, "run.lock"),
    site,
    // Beside the public site unless told otherwise: dist and dist-internal.
    internalSite: resolve(options.root, options.internalSiteDir ?? process.env.INTERNAL_SITE_DIR ?? `${site}-internal`),
  };
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
  const pipelines = selectPipelines(options.pipelines ?? []);
  const jobName = pipelines.map((p) => p.name).join("+");
  const steps: StepRecord[] = [];
  const inputs: InputRecord[] = [];
  const buildPath = join(where.warehouseDir, `build-${runId}.duckdb`);
  const buildSiteDir = options.site === false ? null : `${where.site}.build-${runId}`;
  const buildInternalDir = options.site === false ? null : `${where.internalSite}.build-${runId}`;
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
    clearLeftovers(options.root, where.warehouseDir, [where.site, where.internalSite]);
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
    // Public pages read only the protected copies of tables that count people.
    await step("disclosure control", async () => ({ rows: await applyDisclosureControl(db!, INDICATORS) }));

    await step("contract KPI ratings", async () => ({ rows: await computeContractKpiRatings(db!) }));
    await step("release record", async () => ({ rows: await recordRelease(db!, runId, inputs), detail: "sources and headline figures, for the release log" }));
    await step("classification", async () => {
      const classes = await classifyAll(db!, models);
      const counts = [...classes.values()].reduce<Record<string, number>>((tally, item) => ({ ...tally, [item.classification]: (tally[item.classification] ?? 0) + 1 }), {});
      return { rows: classes.size, detail: Object.entries(counts).map(([level, n]) => `${n} ${level}`).join(", ") };
    });

    const rejected = inputs.reduce((sum, input) => sum + input.rowsRejected, 0);
    await db.run(`create or replace table meta_run as select ${literal(runId)} as run_id, now() as finished_at, ${rejected} as rows_rejected`);
    db.close();
    db = null;

    if (buildSiteDir && buildInternalDir) {
      // --- site builds (pipelines/site/build.ts): both sites from one snapshot, at the same time ---
      await step("site builds (public and internal)", async () => {
        const timings = await buildSites({ root: options.root, warehousePath: buildPath, publicDir: buildSiteDir, internalDir: buildInternalDir, runId, runLogPath: where.runLog });
        return { rows: null, detail: `${timings}; public: public tables only, scanned for restricted values` };
      });
      // --- end of site builds ---
    }
    // Publish: each rename is atomic. The warehouse goes first so that a site is never newer
    // than the warehouse beside it.
    renameSync(buildPath, where.warehouse);
    if (buildSiteDir) publishSite(buildSiteDir, where.site);
    if (buildInternalDir) publishSite(buildInternalDir, where.internalSite);

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
    const message = (error as Error).message;
    db?.close();
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
