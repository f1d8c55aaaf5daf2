// How load and models grow with the data: for each N, the scaled inputs (generate.ts) are
// loaded and every model is built and tested, in a child process of its own so that its peak
// memory is that run's alone. Prints one row per N and the fitted growth exponent.
//
//   npx tsx pipelines/bench/scale.ts            (or: npm run bench -- scale)
//   SCALE_NS=1,2,5 npx tsx pipelines/bench/scale.ts   (SCALE_NS: pipelines/config.ts)
//
// Only the inputs that carry areas are scaled (SCALED_SOURCES). The rest are loaded once into a
// base warehouse that each run starts from, as a scheduled run keeps unchanged sources. The site
// build is left out: it reads small pre-aggregated marts, whose size does not follow N.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { SOURCES, sourceById } from "../../sources/index.ts";
import { parseCommandArgs } from "../args.ts";
import { DEFAULT_SETTINGS, readSettings, seedsSql } from "../config.ts";
import { LOAD_TABLES_SQL, loadSource } from "../load/index.ts";
import { buildModel, discoverModels, runModelTests, sortModels } from "../build/models.ts";
import { openWarehouse } from "../warehouse.ts";
import { SCALED_SOURCES, type ScaledManifest } from "./scale-generate.ts";

const SEED = 1;
const here = import.meta.filename;

/** What one child run reports on its last line of output. */
interface ChildReport {
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  loadSeconds: number;
  modelSeconds: number;
  testSeconds: number;
  testsRun: number;
  failedTests: string[];
  /** Peak resident set of the child process, in bytes. */
  maxRss: number;
  cpuSeconds: number;
}

export interface ScalePoint extends ChildReport {
  n: number;
  generateSeconds: number;
  wallSeconds: number;
}

const scaledIds = SCALED_SOURCES.map((input) => input.source as string);

/** Loads every source that is not scaled into a warehouse file: the start of every run. */
async function buildBase(root: string, path: string, councilConfig?: string): Promise<void> {
  const db = await openWarehouse(path);
  try {
    await db.run(LOAD_TABLES_SQL);
    await db.run(seedsSql());
    for (const source of SOURCES.filter((s) => !scaledIds.includes(s.id))) await loadSource(db, source, { root, runId: "scale-base" });
  } finally {
    db.close();
  }
}

/** The child: loads the scaled sources named by a manifest, builds and tests every model. */
async function runChild(root: string, scaledDir: string, warehouse: string): Promise<ChildReport> {
  const manifest = JSON.parse(readFileSync(join(scaledDir, "manifest.json"), "utf8")) as ScaledManifest;
  const db = await openWarehouse(warehouse);
  try {
    let t0 = performance.now();
    const loads = [];
    for (const [id, files] of Object.entries(manifest)) {
      // The declaration as published, pointed at the scaled file(s); a workbook past the row
      // limit is split into parts, each read by the same reader into the same raw table.
      loads.push(...(await loadSource(db, { ...sourceById(id), files }, { root: scaledDir, runId: "scale" })));
    }
    const loadSeconds = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const models = sortModels(discoverModels(root));
    for (const model of models) await buildModel(db, model);
    const modelSeconds = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const tests = await runModelTests(db, models);
    const testSeconds = (performance.now() - t0) / 1000;
    const usage = process.resourceUsage();
    return {
      rowsRead: loads.reduce((sum, load) => sum + load.rowsRead, 0),
      rowsLoaded: loads.reduce((sum, load) => sum + load.rowsLoaded, 0),
      rowsRejected: loads.reduce((sum, load) => sum + load.rowsRejected, 0),
      loadSeconds,
      modelSeconds,
      testSeconds,
      testsRun: tests.run,
      failedTests: tests.failures.map((failure) => `${failure.path}: ${failure.test}`),
      maxRss: usage.maxRSS * 1024,
      cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    };
  } finally {
    db.close();
  }
}

/** Runs this file again as a child; returns its last output line, parsed, and its wall time. */
function child(args: string[], heapMb: number): { report: unknown; seconds: number } {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, "--import", "tsx", here, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (result.status !== 0) throw new Error(`scale child '${args[0]}' failed (exit ${result.status ?? result.signal}):\n${result.stderr.slice(-4000)}`);
  const last = result.stdout.trim().split("\n").pop() ?? "null";
  return { report: JSON.parse(last), seconds };
}

/** Least-squares slope of log(y) on log(x): 1 means y grows in proportion to x. */
export function growthExponent(points: { x: number; y: number }[]): number {
  const xs = points.map((p) => Math.log(p.x));
  const ys = points.map((p) => Math.log(p.y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const sxy = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i]! - my), 0);
  const sxx = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  return sxy / sxx;
}

export async function measureScaling(options: { root?: string; ns?: readonly number[]; councilConfig?: string; log?: (line: string) => void } = {}): Promise<ScalePoint[]> {
  const root = options.root ?? process.cwd();
  const log = options.log ?? ((line: string) => console.log(line));
  const ns = options.ns ?? DEFAULT_SETTINGS.bench.scaleNs;
  const dir = mkdtempSync(join(tmpdir(), "scale-"));
  const points: ScalePoint[] = [];
  try {
    const base = join(dir, "base.duckdb");
    await buildBase(root, base, options.councilConfig);
    log(`Scaling: ${scaledIds.join(", ")} repeated N times (seed ${SEED}), then every model built and tested.`);
    log(`Machine: ${cpus().length} x ${cpus()[0]?.model.trim() ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GB; Node ${process.version}.`);
    log(`  ${"N".padStart(3)} ${"input rows".padStart(11)} ${"load s".padStart(7)} ${"models s".padStart(8)} ${"wall s".padStart(7)} ${"CPU s".padStart(7)} ${"peak MB".padStart(8)} ${"s/M rows".padStart(9)} ${"wall vs 1x".padStart(10)}`);
    for (const n of ns) {
      const scaledDir = join(dir, `x${n}`);
      const generated = child(["generate", String(n), scaledDir], 12_000);
      const warehouse = join(dir, `x${n}.duckdb`);
      copyFileSync(base, warehouse);
      const { report } = child(["run", scaledDir, warehouse], 12_000);
      const r = report as ChildReport;
      const wallSeconds = r.loadSeconds + r.modelSeconds + r.testSeconds;
      const point: ScalePoint = { ...r, n, generateSeconds: generated.seconds, wallSeconds };
      points.push(point);
      rmSync(scaledDir, { recursive: true, force: true });
      rmSync(warehouse, { force: true });
      const first = points[0]!;
      log(
        `  ${String(n).padStart(3)} ${r.rowsRead.toLocaleString("en-GB").padStart(11)} ${r.loadSeconds.toFixed(1).padStart(7)} ${(r.modelSeconds + r.testSeconds).toFixed(1).padStart(8)} ` +
          `${wallSeconds.toFixed(1).padStart(7)} ${r.cpuSeconds.toFixed(1).padStart(7)} ${(r.maxRss / 2 ** 20).toFixed(0).padStart(8)} ` +
          `${((wallSeconds / r.rowsRead) * 1e6).toFixed(1).padStart(9)} ${(wallSeconds / first.wallSeconds).toFixed(1).padStart(9)}x` +
          (r.rowsRejected ? `  ${r.rowsRejected} rows REJECTED` : ""),
      );
    }
    if (points.length >= 2) {
      const fit = (pick: (p: ScalePoint) => number) => growthExponent(points.map((p) => ({ x: p.rowsRead, y: pick(p) }))).toFixed(2);
      log(`  Fitted exponent vs input rows (1 = linear): wall ${fit((p) => p.wallSeconds)}, load ${fit((p) => p.loadSeconds)}, CPU ${fit((p) => p.cpuSeconds)}, peak memory ${fit((p) => p.maxRss)}.`);
    }
    const failed = [...new Set(points.flatMap((p) => p.failedTests))];
    if (failed.length) {
      // Expected, and listed rather than fatal: a copy repeats its areas' names and only the
      // lookups in SCALED_SOURCES are scaled, so tests that pin a published count, or that
      // follow a join by name or through an unscaled lookup, see the synthetic copies.
      log(`  Model tests that fail on scaled data (pinned published counts, joins by name, unscaled lookups), with the N they fail at:`);
      for (const test of failed) log(`    ${test}  (at N = ${points.filter((p) => p.failedTests.includes(test)).map((p) => p.n).join(", ")})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return points;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(here)) {
  const [mode, ...args] = parseCommandArgs("scale", process.argv.slice(2), {}, true).positionals;
  if (mode === "generate") {
    const { generateScaledInputs } = await import("./scale-generate.ts");
    generateScaledInputs({ root: process.cwd(), outDir: args[1]!, n: Number(args[0]), seed: SEED });
    console.log(JSON.stringify({ ok: true }));
  } else if (mode === "run") {
    console.log(JSON.stringify(await runChild(process.cwd(), args[0]!, args[1]!)));
  } else {
    const settings = readSettings(process.env);
    await measureScaling({ ns: settings.bench.scaleNs, councilConfig: settings.councilConfig });
  }
}
