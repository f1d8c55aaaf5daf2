// Outcome indicators from the default run (tests/setup/pipeline.ts), checked against the
// published ASCOF 2024-25 time series read independently here with SheetJS, and intervals
// against the PHEindicatormethods formulas written out here.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as XLSX from "@e965/xlsx";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { INDICATORS } from "../../models/indicators/index.ts";
import { queryWarehouse } from "../../pipelines/warehouse.ts";

const root = resolve(import.meta.dirname, "../..");
const setup = inject("pipeline");

const query = <T>(sql: string) => queryWarehouse<T>(join(setup.warehouseDir, "warehouse.duckdb"), sql);

/** Cells of the published workbook, keyed "measure|ONS code|year|figure" (e.g. "2A|E06000051|2024-25|outcome"). */
function publishedAscof(): Map<string, unknown> {
  const book = XLSX.read(readFileSync(join(root, "sources/data/ascof-2024-25/ascof_2024_25.ods")));
  const out = new Map<string, unknown>();
  for (const sheet of book.SheetNames.filter((name) => name.startsWith("Table_"))) {
    const measure = sheet.replace("Table_", "").replace(/^(\d)([a-z])/, (_, d: string, l: string) => d + l.toUpperCase());
    const grid = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[sheet]!, { header: 1, raw: true, defval: null });
    const at = grid.findIndex((row) => row[0] === "Local authority code");
    const header = grid[at] as string[];
    for (const row of grid.slice(at + 1)) {
      header.forEach((label, c) => {
        const match = /^(\d{4}) to \d{2}(\d{2}) - (.+)$/.exec(label ?? "");
        if (match && row[2]) out.set(`${measure}|${row[2]}|${match[1]}-${match[2]}|${match[3]!.trim()}`, row[c]);
      });
    }
  }
  return out;
}

/** PHEindicatormethods wilson_lower / wilson_upper, written out. */
const wilson = (x: number, n: number, z: number) => [
  (2 * x + z ** 2 - z * Math.sqrt(z ** 2 + 4 * x * (1 - x / n))) / 2 / (n + z ** 2),
  (2 * x + z ** 2 + z * Math.sqrt(z ** 2 + 4 * x * (1 - x / n))) / 2 / (n + z ** 2),
];
const Z95 = 1.959963984540054;

interface Value {
  indicator_id: string; period: string; area_code: string; value: number | null; numerator: number | null; denominator: number | null;
  lower95: number | null; upper95: number | null; method: string | null; comparison: string; quintile: number | null; national_median: number | null;
}

describe("ASCOF 2024-25 indicators", () => {
  const ascof = INDICATORS.filter((indicator) => indicator.framework === "ASCOF");
  let published: Map<string, unknown>;
  let values: Value[];
  beforeAll(async () => {
    published = publishedAscof();
    values = await query<Value>(`select * from outcomes_indicator_values where indicator_id like 'ascof-%'`);
  }, 60_000);
  const at = (id: string, area: string, period = "2024-25") => values.find((row) => row.indicator_id === id && row.area_code === area && row.period === period);

  it("register every measure the workbook publishes", () => {
    const measures = new Set([...published.keys()].map((key) => key.split("|")[0]));
    expect(new Set(ascof.map((indicator) => indicator.code))).toEqual(measures);
  });

  it("equal the published outcome for Shropshire and England in every year, markers as missing", () => {
    let checked = 0;
    for (const indicator of ascof) {
      for (const row of values.filter((v) => v.indicator_id === indicator.id && (v.area_code === "E06000051" || v.area_code === "E92000001"))) {
        const figure = indicator.code === "6B" ? "6b outcome" : "outcome";
        const cell = published.get(`${indicator.code}|${row.area_code}|${row.period}|${figure}`);
        expect(row.value, `${indicator.code} ${row.area_code} ${row.period}`).toBe(typeof cell === "number" ? cell : null);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("give Shropshire's 2024-25 reablement, 65+ admissions and good-or-outstanding share as published", () => {
    expect(at("ascof-2a", "E06000051")).toMatchObject({ value: 81.5, numerator: 1695, denominator: 2081, method: "Wilson" });
    expect(published.get("2A|E06000051|2024-25|numerator")).toBe(1695);
    expect(at("ascof-2c", "E06000051")).toMatchObject({ value: 618.5, numerator: 543, denominator: 87_796, method: "Byars" });
    expect(at("ascof-6b", "E06000051")).toMatchObject({ value: 78.5, numerator: 84, denominator: 107 });
    expect(published.get("6B|E06000051|2024-25|6b numerator")).toBe(84);
    expect(at("ascof-6a", "E06000051")).toMatchObject({ value: 25.2, comparison: "worse", lower95: null });
  });

  it("compute Wilson intervals as phe_proportion and survey intervals from the published margin of error", () => {
    const reablement = at("ascof-2a", "E06000051")!;
    const [lower, upper] = wilson(1695, 2081, Z95);
    expect(reablement.lower95).toBeCloseTo(100 * lower!, 10);
    expect(reablement.upper95).toBeCloseTo(100 * upper!, 10);
    // 79.8 to 83.1 lies above England's 77.1: better.
    expect(reablement.comparison).toBe("better");
    const satisfied = at("ascof-1d", "E06000051")!;
    const margin = published.get("1D|E06000051|2024-25|margin of error") as number;
    expect(margin).toBe(4.1);
    expect([satisfied.lower95, satisfied.upper95]).toEqual([67.9 - 4.1, 67.9 + 4.1]);
  });

  it("cover every upper-tier council and England, with a quintile for each council with a value", async () => {
    const councils = await query<{ n: number }>(`select count(*)::integer as n from int_councils__upper_tier`);
    const rows = values.filter((row) => row.indicator_id === "ascof-2c" && row.period === "2024-25");
    expect(rows.filter((row) => row.area_code === "E92000001")).toHaveLength(1);
    expect(rows.length).toBeGreaterThan(140);
    expect(rows.length).toBeLessThanOrEqual(councils[0]!.n + 1);
    const fifths = new Map<number, number>();
    for (const row of rows.filter((r) => r.quintile !== null)) fifths.set(row.quintile!, (fifths.get(row.quintile!) ?? 0) + 1);
    expect([...fifths.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
    for (const n of fifths.values()) expect(n).toBeGreaterThanOrEqual(28);
  });

  it("carry ten years of the survey measures as trends, with the national median, and a summary for every council", async () => {
    const series = await query<{ period: string; value: number | null; median: number | null }>(
      `select period, value, median from outcomes_indicator_trend where indicator_id = 'ascof-1a' and area_code = 'E06000051' order by period`,
    );
    expect(series.map((row) => row.period)).toEqual(["2015-16", "2016-17", "2017-18", "2018-19", "2019-20", "2020-21", "2021-22", "2022-23", "2023-24", "2024-25"]);
    expect(series.map((row) => row.value)).toEqual([19.7, 19.6, 19.5, 19.5, 19.4, null, 18.5, 19.1, 19, 19.3]);
    expect(series.at(-1)!.median).not.toBeNull();
    const [summary] = await query<{ n: number; areas: number }>(
      `select count(*)::integer as n, count(distinct area_code)::integer as areas from outcomes_indicator_summary where indicator_id = 'ascof-1a'`,
    );
    expect(summary!.areas).toBeGreaterThan(140);
    const [mine] = await query<{ trend: string; latest_period: string }>(
      `select trend, latest_period from outcomes_indicator_summary where indicator_id = 'ascof-1a' and area_code = 'E06000051'`,
    );
    // 2022-23 19.1, 2023-24 19.0, 2024-25 19.3: down then up.
    expect(mine).toEqual({ trend: "no clear change", latest_period: "2024-25" });
  });

  it("keep [x], [c] and [z] as missing with a reason, never as zero", async () => {
    const [staged] = await query<{ markers: number; zeros: number }>(
      `select count(*) filter (where missing_reason is not null)::integer as markers,
              count(*) filter (where missing_reason is not null and outcome is not null)::integer as zeros
       from stg_ascof_2024_25__measures`,
    );
    expect(staged!.markers).toBeGreaterThan(0);
    expect(staged!.zeros).toBe(0);
    expect(at("ascof-1c", "E06000051")).toMatchObject({ value: null });
  });
});

describe("Oflog, where it adds a measure ASCOF lacks", () => {
  it("keeps only ASC6, with Shropshire's published series", async () => {
    expect(INDICATORS.filter((indicator) => indicator.framework === "Oflog").map((indicator) => indicator.code)).toEqual(["ASC6"]);
    const series = await query<{ period: string }>(`select period from outcomes_indicator_trend where indicator_id = 'oflog-asc6' and area_code = 'E06000051' order by period`);
    expect(series.length).toBeGreaterThanOrEqual(5);
  });

  it("treat Oflog's zero quality-of-life scores as missing, not as published zeros", async () => {
    const rows = await query<{ n: number }>(
      `select count(*)::integer as n from stg_oflog__asc_measures where measure_code = 'ASC2' and missing_reason = 'recorded as 0' and value is null`,
    );
    expect(rows[0]!.n).toBe(5);
  });
});
