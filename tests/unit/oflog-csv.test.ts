// The bundled Oflog adult social care file through the CSV loader: every line accounted for,
// the quoted comma in Measure kept inside its field, and empty values loaded as null.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSource, type FileLoad } from "../../pipelines/load/index.ts";
import { openWarehouse, type Warehouse } from "../../pipelines/warehouse.ts";
import oflog from "../../sources/oflog-asc-measures.ts";

const root = resolve(import.meta.dirname, "../..");
let db: Warehouse;
let load: FileLoad;

beforeAll(async () => {
  db = await openWarehouse(":memory:");
  [load] = (await loadSource(db, oflog, { root, runId: "test" })) as [FileLoad];
});
afterAll(() => db.close());

describe("Oflog ASC_data.csv", () => {
  it("reconciles: 6,376 rows read (PROVENANCE.md) = loaded + rejected, none rejected", () => {
    expect(load.rowsRead).toBe(6_376);
    expect(load.rowsLoaded + load.rowsRejected).toBe(load.rowsRead);
    expect(load.rowsRejected).toBe(0);
  });

  it("holds Shropshire's 42 rows across the 7 measures", async () => {
    const rows = await db.all<{ code: string; n: number }>(
      `select code, count(*)::integer as n from raw_oflog_asc_measures where local_authority_code = 'E06000051' group by code order by code`,
    );
    expect(rows.map((row) => row.code)).toEqual(["ASC1", "ASC2", "ASC3", "ASC4", "ASC5", "ASC6", "ASC7"]);
    expect(rows.reduce((sum, row) => sum + row.n, 0)).toBe(42);
  });

  it("keeps the quoted comma inside Measure, so later columns do not shift", async () => {
    const [row] = await db.all<{ measure: string; value: number; median: number }>(
      `select measure, value, median from raw_oflog_asc_measures
       where local_authority_code = 'E06000051' and code = 'ASC5' and financial_year = '2015-16'`,
    );
    expect(row).toEqual({ measure: "Outcome, Outcome of short-term services: sequel to service", value: 81.3, median: 74.75 });
  });

  it("loads the 298 empty values as null, and only those", async () => {
    // Counted from the file's text, independently of DuckDB.
    const records = Papa.parse<string[]>(readFileSync(resolve(root, oflog.files[0]!.path), "utf8").trim()).data.slice(1);
    const empty = records.filter((record) => record[8] === "").length;
    expect(empty).toBe(298);
    const [row] = await db.all<{ nulls: number }>(`select count(*)::integer as nulls from raw_oflog_asc_measures where value is null`);
    expect(row!.nulls).toBe(empty);
  });
});
