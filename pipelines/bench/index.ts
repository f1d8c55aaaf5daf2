// npm run bench: a first run of `npm start` as a user makes it on a fresh clone (its own
// process, an empty warehouse folder, both sites), with the wall time of each step; a re-run
// with nothing changed; and how the project's CSV load path (header check, record count,
// read_csv with store_rejects, reject copy, reconciliation) compares with a bare DuckDB
// read_csv of the same generated file. `npm run bench -- pages` measures each published
// public page's transfer size and time to first chart in headless Chromium; `npm run bench --
// scale` how load and models grow with the inputs scaled from 1x to 50x (pipelines/bench/scale.ts,
// 15-20 minutes); `npm run bench -- all` runs every section.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineCsvSource, OGL } from "../../sources/declaration.ts";
import { parseCommandArgs } from "../args.ts";
import { readSettings } from "../config.ts";
import { loadSource } from "../load/index.ts";
import { measurePages } from "./page-weight.ts";
import { latestRuns, readRunEvents } from "../run-log.ts";
import { queryWarehouse } from "../warehouse.ts";
import { measureScaling } from "./scale.ts";
import { openWarehouse } from "../warehouse.ts";

/** Each public page's weight and time to first chart, against the budget for readers on phones. */
async function printPageWeights(siteDir: string): Promise<void> {
  const BUDGET_BYTES = 500 * 1024;
  const BUDGET_MS = 1500;
  console.log(`\nPublic pages in headless Chromium over loopback (first visit, cache off):`);
  console.log(`  ${"page".padEnd(30)} ${"requests".padStart(8)} ${"raw KB".padStart(9)} ${"gzip KB".padStart(9)} ${"first chart".padStart(12)}  budget (${BUDGET_BYTES / 1024} KB, ${BUDGET_MS / 1000} s)`);
  for (const weight of await measurePages(siteDir)) {
    const kb = (bytes: number) => (bytes / 1024).toFixed(0).padStart(9);
    const chart = weight.firstChartMs === null ? "no chart" : `${(weight.firstChartMs / 1000).toFixed(2)} s`;
    const met = weight.compressed <= BUDGET_BYTES && (weight.firstChartMs ?? 0) <= BUDGET_MS;
    console.log(`  ${weight.page.padEnd(30)} ${String(weight.requests).padStart(8)} ${kb(weight.bytes)} ${kb(weight.compressed)} ${chart.padStart(12)}  ${met ? "MET" : "NOT MET"}`);
  }
}

const settings = readSettings(process.env);
const [section, ...extra] = parseCommandArgs("bench", process.argv.slice(2), {}, true).positionals;
if (extra.length > 0 || (section !== undefined && section !== "scale" && section !== "pages" && section !== "all")) {
  throw new Error("usage: npm run bench [-- pages | scale | all]");
}
if (section === "scale") {
  await measureScaling({ ns: settings.bench.scaleNs, councilConfig: settings.councilConfig });
  process.exit(0);
}
// `npm run bench -- pages`: the page weights of the published public site (SITE_DIR) alone.
if (section === "pages") {
  await printPageWeights(settings.siteDir);
  process.exit(0);
}

const ROWS = settings.bench.rows;
const REPEATS = 5;
const root = process.cwd();
const dir = mkdtempSync(join(tmpdir(), "bench-"));

/**
 * Runs `npm start`'s entry as its own process, as a user does, into `dir`; returns its wall
 * time (process start to exit, tsx's start-up included) and the steps its run logged.
 */
function timedStart(dir: string, args: string[] = ["pipelines/start.ts"]) {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ["--import", "tsx", ...args], {
    cwd: root,
    env: { ...process.env, WAREHOUSE_DIR: join(dir, "warehouse"), SITE_DIR: join(dir, "dist"), INTERNAL_SITE_DIR: join(dir, "dist-internal") },
    encoding: "utf8",
  });
  const seconds = (performance.now() - t0) / 1000;
  if (child.status !== 0) throw new Error(`npm start failed in the bench:\n${child.stdout}\n${child.stderr}`);
  const [run] = latestRuns(readRunEvents(join(dir, "warehouse", "runs.jsonl")));
  return { seconds, steps: run?.steps ?? [] };
}

const first = timedStart(dir);
console.log(`First run: npm start on the bundled data into an empty folder (every source loaded, every model built, both sites):`);
// Loads and models are many small steps: show the larger ones and the totals of each kind.
const kinds = new Map<string, number>();
for (const step of first.steps) {
  const kind = step.step.split(" ")[0]!;
  kinds.set(kind, (kinds.get(kind) ?? 0) + step.seconds);
  if (step.seconds >= 0.5 || !["load", "model"].includes(kind)) console.log(`  ${step.step.padEnd(52)} ${step.seconds.toFixed(2).padStart(7)} s`);
}
for (const [kind, seconds] of kinds) if (kind === "load" || kind === "model") console.log(`  ${`all ${kind} steps`.padEnd(52)} ${seconds.toFixed(2).padStart(7)} s`);
console.log(`  ${"whole process (wall)".padEnd(52)} ${first.seconds.toFixed(2).padStart(7)} s  (target: at most 30 s) ${first.seconds <= 30 ? "MET" : "NOT MET"}`);
const again = timedStart(dir);
console.log(`Re-run with nothing changed:`);
console.log(`  ${"whole process (wall)".padEnd(52)} ${again.seconds.toFixed(2).padStart(7)} s  (target: at most 3 s) ${again.seconds <= 3 ? "MET" : "NOT MET"}`);
// Another council from the same warehouse: a county (the first in the data), so its pages roll
// up districts.
const [county] = await queryWarehouse<{ area_code: string; area_name: string }>(
  join(dir, "warehouse", "warehouse.duckdb"),
  "select area_code, area_name from needs_areas where is_upper_tier and area_type = 'County' order by area_code limit 1",
);
const switched = timedStart(dir, ["pipelines/cli.ts", "site", "--council", county!.area_code]);
console.log(`Council switch: npm run pipeline -- site --council ${county!.area_code} (${county!.area_name}; both sites from the published warehouse):`);
console.log(`  ${"whole process (wall)".padEnd(52)} ${switched.seconds.toFixed(2).padStart(7)} s  (target: at most 15 s) ${switched.seconds <= 15 ? "MET" : "NOT MET"}\n`);

// A CSV shaped like the population data: area, year, sex, age, count.
const csvDir = join(dir, "csv");
mkdirSync(csvDir);
const lines = ["area_code,year,sex,age,population"];
for (let i = 0; i < ROWS; i++) {
  lines.push(`E0600${String(i % 10000).padStart(4, "0")},${2015 + (i % 33)},${i % 2 ? "male" : "female"},${i % 91},${(i * 7919) % 5000}`);
}
writeFileSync(join(csvDir, "bench.csv"), `${lines.join("\n")}\n`);
lines.length = 0;

const source = defineCsvSource({
  id: "bench",
  title: "Generated benchmark CSV",
  publisher: "this project",
  licence: OGL,
  edition: "generated",
  url: "https://example.org/bench",
  format: "csv",
  cadenceMonths: 12,
  classification: "public",
  table: "raw_bench",
  files: [{ path: "csv/bench.csv", edition: "generated", released: "2026-01-01" }],
  columns: [
    { name: "area_code", type: "VARCHAR", required: true, description: "area" },
    { name: "year", type: "INTEGER", required: true, description: "year" },
    { name: "sex", type: "VARCHAR", required: true, description: "sex" },
    { name: "age", type: "INTEGER", required: true, description: "age" },
    { name: "population", type: "INTEGER", required: true, description: "count" },
  ],
});
const columns = source.columns.map((c) => `'${c.name}': '${c.type}'`).join(", ");

async function timeIt(work: (db: Awaited<ReturnType<typeof openWarehouse>>) => Promise<void>): Promise<number> {
  const db = await openWarehouse(":memory:");
  const t0 = performance.now();
  await work(db);
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return seconds;
}

const bare: number[] = [];
const project: number[] = [];
for (let i = 0; i < REPEATS; i++) {
  bare.push(await timeIt((db) => db.run(`create table raw_bench as select * from read_csv('${join(csvDir, "bench.csv")}', header = true, auto_detect = false, columns = {${columns}})`)));
  project.push(await timeIt(async (db) => void (await loadSource(db, source, { root: dir, runId: "bench", }))));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ratio = median(project) / median(bare);
console.log(`CSV load, ${ROWS.toLocaleString("en-GB")} rows, median of ${REPEATS}:`);
console.log(`  bare DuckDB read_csv            ${median(bare).toFixed(3)} s`);
console.log(`  project load path               ${median(project).toFixed(3)} s  (header check, read_csv with store_rejects, streamed SHA-256 and record count, reject copy, reconciliation)`);
console.log(`  ratio                           ${ratio.toFixed(2)}x  (target: at most 1.25x) ${ratio <= 1.25 ? "MET" : "NOT MET"}`);

if (section === "all") await printPageWeights(join(dir, "dist"));
rmSync(dir, { recursive: true, force: true });

if (section === "all") {
  console.log(`\nScaling (inputs repeated N times under synthetic area codes; each N in its own process):`);
  await measureScaling({ ns: settings.bench.scaleNs, councilConfig: settings.councilConfig });
}
