// The sheet-per-index reader against small workbooks built here (a label per sheet, optional
// columns, a missing sheet or column, a bad value), through the loader's reconciliation, and
// against the bundled IoD2019 Files 10 and 11.
import * as XLSX from "@e965/xlsx";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadSource } from "../../pipelines/load/index.ts";
import { openWarehouse, type Warehouse } from "../../pipelines/warehouse.ts";
import { defineSpreadsheetSource, OGL, StructuralError, type Column, type SheetReadResult } from "../../sources/declaration.ts";
import ltla from "../../sources/iod2019-ltla-summaries.ts";
import utla from "../../sources/iod2019-utla-summaries.ts";
import { LABEL, readSheetPerIndexWorkbook, sheetPerIndexReader } from "../../sources/readers/sheet-per-index-workbook.ts";

const repo = resolve(import.meta.dirname, "../..");
const FILE = { path: "sources/data/test/summary.xlsx", edition: "2099", released: "2099-01-01" };
let db: Warehouse | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

const COLUMNS: Column[] = [
  { name: "index_name", type: "VARCHAR", required: true, description: "sheet" },
  { name: "area_code", type: "VARCHAR", required: true, header: "Area code", description: "code" },
  { name: "score", type: "DOUBLE", required: true, header: `${LABEL} - Average score`, description: "score" },
  { name: "scale", type: "DOUBLE", required: false, header: `${LABEL} scale`, description: "only some sheets" },
];
const SHEETS = { IMD: "IMD", Education: "Education, Skills and Training" };

type Aoa = (string | number | null)[][];

function workbook(sheets: Record<string, Aoa>): string {
  const book = XLSX.utils.book_new();
  for (const [name, aoa] of Object.entries(sheets)) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), name);
  const path = join(mkdtempSync(join(tmpdir(), "sheet-per-index-")), "summary.xlsx");
  writeFileSync(path, XLSX.write(book, { type: "buffer", bookType: "xlsx" }));
  return path;
}

const GOOD = {
  Notes: [["Text only, never read"]],
  IMD: [
    ["Area code", "IMD - Average score ", "IMD scale"],
    ["E06000051", 17.153, 1000],
    ["E06000052", 23.072, 2000],
  ],
  Education: [
    ["Area code", "Education, Skills and Training - Average score"],
    ["E06000051", 18.5],
  ],
};

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("a workbook with one table per sheet", () => {
  it("reads each declared sheet with its own label, long, the sheet name first", () => {
    const result = readSheetPerIndexWorkbook(FILE, workbook(GOOD), COLUMNS, { sheets: SHEETS });
    expect(result.rows).toEqual([
      ["IMD", "E06000051", 17.153, 1000],
      ["IMD", "E06000052", 23.072, 2000],
      ["Education", "E06000051", 18.5, null],
    ]);
    expect(result.rejects).toEqual([]);
    expect(result).toMatchObject({ rowsRead: 3, rowsSkipped: 2 });
  });

  it("names the sheet when a declared sheet is missing", () => {
    const path = workbook({ IMD: GOOD.IMD });
    const error = caught(() => readSheetPerIndexWorkbook(FILE, path, COLUMNS, { sheets: SHEETS }));
    expect(error).toBeInstanceOf(StructuralError);
    expect((error as Error).message).toBe("sources/data/test/summary.xlsx, sheet 'Education': sheet not found (found: 'IMD')");
  });

  it("names sheet, row and column when a sheet lacks its labelled column", () => {
    // The Education sheet headed with the IMD label: the wrong label for that sheet.
    const path = workbook({ ...GOOD, Education: [["Area code", "IMD - Average score"], ["E06000051", 18.5]] });
    expect(() => readSheetPerIndexWorkbook(FILE, path, COLUMNS, { sheets: SHEETS })).toThrow(
      "sources/data/test/summary.xlsx, sheet 'Education', row 1, column 'Education, Skills and Training - Average score': " +
        "required column 'Education, Skills and Training - Average score' not found in the header row",
    );
  });

  it("rejects a bad cell with its sheet and row, and keeps the other rows", () => {
    const path = workbook({ ...GOOD, IMD: [...GOOD.IMD, ["E06000053", "[x]", null]] });
    const result = readSheetPerIndexWorkbook(FILE, path, COLUMNS, { sheets: SHEETS });
    expect(result.rows).toHaveLength(3);
    expect(result.rowsRead).toBe(4);
    expect(result.rejects).toEqual([
      { file: FILE.path, location: "sheet 'IMD' row 4", line: 4, column: "B (IMD - Average score)", reason: "'[x]' is not a number", raw: "E06000053,[x]," },
    ]);
  });

  it("refuses a declaration whose first column is read from the sheet, or with no labelled header", () => {
    expect(() => sheetPerIndexReader(COLUMNS.slice(1), { sheets: SHEETS })).toThrow("the first column of a sheet-per-index source holds the sheet name");
    const unlabelled = COLUMNS.map((column) => (column.header?.includes(LABEL) ? { ...column, header: "Average score" } : column));
    expect(() => sheetPerIndexReader(unlabelled, { sheets: SHEETS })).toThrow(`no column header holds ${LABEL}`);
    expect(() => sheetPerIndexReader(COLUMNS, { sheets: {} })).toThrow("names at least one sheet");
  });

  it("through the loader: the rejected row is counted once and the counts reconcile", async () => {
    const root = mkdtempSync(join(tmpdir(), "sheet-per-index-load-"));
    mkdirSync(dirname(join(root, FILE.path)), { recursive: true });
    copyFileSync(workbook({ ...GOOD, IMD: [...GOOD.IMD, ["E06000053", "[x]", "n/a"]] }), join(root, FILE.path));
    const source = defineSpreadsheetSource(
      {
        id: "test-summary",
        title: "Test summary",
        publisher: "Test",
        licence: OGL,
        edition: "2099",
        url: "https://example.org/",
        format: "xlsx",
        cadenceMonths: 12,
        classification: "public",
        table: "raw_test_summary",
        files: [FILE],
        columns: COLUMNS,
      },
      sheetPerIndexReader(COLUMNS, { sheets: SHEETS }),
    );
    db = await openWarehouse(":memory:");
    const [load] = await loadSource(db, source, { root, runId: "test" });
    expect(load).toMatchObject({ rowsRead: 4, rowsLoaded: 3, rowsRejected: 1, rowsSkipped: 2 });
    expect(await db.all(`select index_name, count(*)::integer as n from raw_test_summary group by 1 order by 1`)).toEqual([
      { index_name: "Education", n: 1 },
      { index_name: "IMD", n: 2 },
    ]);
    expect(await db.all(`select location, column_name from rejects order by column_name`)).toEqual([
      { location: "sheet 'IMD' row 4", column_name: "B (IMD - Average score)" },
      { location: "sheet 'IMD' row 4", column_name: "C (IMD scale)" },
    ]);
  });
});

describe("the bundled IoD2019 Files 10 and 11", () => {
  let lower: SheetReadResult;
  let upper: SheetReadResult;
  beforeAll(() => {
    lower = ltla.read(ltla.files[0]!, resolve(repo, ltla.files[0]!.path));
    upper = utla.read(utla.files[0]!, resolve(repo, utla.files[0]!.path));
  });
  const column = (name: string) => utla.columns.findIndex((c) => c.name === name);
  const row = (result: SheetReadResult, sheet: string, code: string) => result.rows.find((r) => r[0] === sheet && r[1] === code);

  it("read all ten sheets, one row per council each (317 lower-tier, 151 upper-tier), with no rejects", () => {
    expect(lower.rejects).toEqual([]);
    expect(upper.rejects).toEqual([]);
    expect(lower.rowsRead).toBe(3_170);
    expect(upper.rowsRead).toBe(1_510);
    for (const sheet of ["IMD", "Income", "Employment", "Education", "Health", "Crime", "Barriers", "Living", "IDACI", "IDAOPI"]) {
      expect(lower.rows.filter((r) => r[0] === sheet), sheet).toHaveLength(317);
      expect(upper.rows.filter((r) => r[0] === sheet), sheet).toHaveLength(151);
    }
  });

  it("hold Shropshire's published summary (PROVENANCE.md): IMD score 17.153, rank 110 of 151 and 174 of 317", () => {
    const imd = row(upper, "IMD", "E06000051")!;
    expect(imd[column("average_score")]).toBe(17.153);
    expect(imd[column("rank_of_average_score")]).toBe(110);
    expect(imd[column("proportion_most_deprived_10")]).toBe(0.0104);
    expect(row(lower, "IMD", "E06000051")![column("rank_of_average_score")]).toBe(174);
    expect(row(upper, "IDAOPI", "E06000051")![column("average_score")]).toBe(0.113);
  });

  it("fill the optional columns only on the sheets that publish them, despite File 11's double-spaced labels", () => {
    const filled = (result: SheetReadResult, name: string) => [...new Set(result.rows.filter((r) => r[column(name)] !== null).map((r) => r[0]))];
    for (const result of [lower, upper]) {
      expect(filled(result, "extent")).toEqual(["IMD"]);
      expect(filled(result, "scale")).toEqual(["Income", "Employment"]);
      expect(filled(result, "proportion_most_deprived_10")).toHaveLength(10);
    }
  });
});
