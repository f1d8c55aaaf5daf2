// Outcome indicators from the default run (tests/setup/pipeline.ts), checked against the
// published ASCOF file read independently here, cell by cell.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as XLSX from "@e965/xlsx";
import { describe, expect, inject, it } from "vitest";
import { INDICATORS } from "../../models/indicators/index.ts";
import { queryWarehouse } from "../../pipelines/warehouse.ts";

const root = resolve(import.meta.dirname, "../..");
const setup = inject("pipeline");

const query = <T>(sql: string) => queryWarehouse<T>(join(setup.warehouseDir, "warehouse.duckdb"), sql);

/** Outcome cells of the published ASCOF workbook, keyed "ONS code|measure code". */
function publishedAscofOutcomes(): Map<string, string | number> {
  const book = XLSX.read(readFileSync(join(root, "sources/data/ascof-2020-21/meas-from-asc-of-eng-2021-open-data-csv_v2.xlsx")));
  const rows = XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets["in"]!, { header: 1, raw: true });
  const [header, ...body] = rows;
  const col = (label: string) => header!.indexOf(label);
  const out = new Map<string, string | number>();
  for (const row of body) {
    if (row[col("Measure Type")] === "Outcome") out.set(`${row[col("ONS Code")]}|${row[col("ASCOF Measure Code")]}`, row[col("Measure Value")]!);
  }
  return out;
}

describe("ASCOF indicators for Shropshire", () => {
  const ascof = INDICATORS.filter((indicator) => indicator.framework === "ASCOF");

  it("equal the values in the published file, for the council and England", async () => {
    const published = publishedAscofOutcomes();
    const rows = await query<{ indicator_id: string; area_code: string; value: number | null }>(
      `select indicator_id, area_code, value from outcomes_indicator_values
       where area_code in ('E06000051', 'E92000001') and indicator_id like 'ascof-%'`,
    );
    expect(rows.length).toBe(ascof.length * 2);
    for (const indicator of ascof) {
      for (const area of ["E06000051", "E92000001"]) {
        const mine = rows.find((row) => row.indicator_id === indicator.id && row.area_code === area);
        expect(mine?.value, `${indicator.code} ${area}`).toBe(published.get(`${area}|${indicator.code}`));
      }
    }
  });

  it("include the figures a commissioner would quote", async () => {
    const rows = await query<{ indicator_id: string; value: number; numerator: number; denominator: number; comparison: string }>(
      `select indicator_id, value, numerator, denominator, comparison from outcomes_indicator_values where area_code = 'E06000051'`,
    );
    const byId = new Map(rows.map((row) => [row.indicator_id, row]));
    // meas-from-asc-of-eng-2021-open-data-csv_v2.xlsx, Shropshire (CASSR 417).
    expect(byId.get("ascof-2a2")).toMatchObject({ value: 402.6, numerator: 327, denominator: 81_216, comparison: "better" });
    expect(byId.get("ascof-2b1")).toMatchObject({ value: 83.2, numerator: 436, denominator: 524 });
    expect(byId.get("ascof-1c2a")).toMatchObject({ value: 15.9, comparison: "worse" });
  });

  it("agree with numerator / denominator × multiplier to the published rounding, for every council", async () => {
    const rows = await query<{ indicator_id: string; area_code: string; value: number; computed_value: number }>(
      `select indicator_id, area_code, value, computed_value from outcomes_indicator_values
       where value is not null and computed_value is not null`,
    );
    expect(rows.length).toBeGreaterThan(1000);
    const off = rows.filter((row) => Math.abs(row.value - row.computed_value) > 0.05 + 1e-9);
    expect(off).toEqual([]);
  });

  it("keep [x] and [c] as missing with a reason, never as zero", async () => {
    const [staged] = await query<{ markers: number; zeros: number }>(
      `select count(*) filter (where missing_reason is not null)::integer as markers,
              count(*) filter (where missing_reason is not null and outcome is not null)::integer as zeros
       from stg_ascof_2020_21__measures`,
    );
    expect(staged!.markers).toBeGreaterThan(0);
    expect(staged!.zeros).toBe(0);
    const [values] = await query<{ n: number }>(
      `select count(*)::integer as n from outcomes_indicator_values where missing_reason is not null and value is not null`,
    );
    expect(values!.n).toBe(0);
  });

  it("give every council with a value a quintile, one fifth of councils in each", async () => {
    const rows = await query<{ quintile: number; n: number }>(
      `select quintile, count(*)::integer as n from outcomes_indicator_values
       where indicator_id = 'ascof-2a2' and role <> 'england' and value is not null group by quintile order by quintile`,
    );
    expect(rows.map((row) => row.quintile)).toEqual([1, 2, 3, 4, 5]);
    for (const row of rows) expect(row.n).toBeGreaterThanOrEqual(29);
  });
});

describe("Oflog trends", () => {
  it("carry Shropshire's published series and the stated trend rule", async () => {
    const series = await query<{ period: string; value: number }>(
      `select period, value from outcomes_indicator_trend where indicator_id = 'oflog-asc3' and area_code = 'E06000051' order by period`,
    );
    // ASC_data.csv, Shropshire, ASC3: no survey in 2020-21.
    expect(series.map((row) => [row.period, row.value])).toEqual([
      ["2015-16", 69.3], ["2016-17", 71.5], ["2017-18", 70.9], ["2018-19", 71.5], ["2019-20", 75.5], ["2021-22", 68], ["2022-23", 64.1],
    ]);
    const [summary] = await query<{ trend: string; comparison: string }>(
      `select trend, comparison from outcomes_indicator_summary where indicator_id = 'oflog-asc3' and area_code = 'E06000051'`,
    );
    expect(summary).toEqual({ trend: "worsening", comparison: "worse" });
  });

  it("treat Oflog's zero quality-of-life scores as missing, not as published zeros", async () => {
    const rows = await query<{ n: number }>(
      `select count(*)::integer as n from stg_oflog__asc_measures where measure_code = 'ASC2' and missing_reason = 'recorded as 0' and value is null`,
    );
    expect(rows[0]!.n).toBe(5);
  });
});
