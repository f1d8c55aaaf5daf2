// The header-row reader against small workbooks built here (title rows, reordered and extra
// columns, blank rows, bad values) and through the loader's reconciliation. (The bundled ASCOF
// time series has its own reader: tests/unit/ascof-timeseries.test.ts.)
import * as XLSX from "@e965/xlsx";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadSource } from "../../pipelines/load/index.ts";
import { openWarehouse, type Warehouse } from "../../pipelines/warehouse.ts";
import { defineSpreadsheetSource, OGL, StructuralError, type Column } from "../../sources/declaration.ts";
import { headerRowReader, readHeaderRowWorkbook } from "../../sources/readers/header-row-workbook.ts";

const repo = resolve(import.meta.dirname, "../..");
let db: Warehouse | null = null;
afterEach(() => {
  db?.close();
  db = null;
});
const FILE = { path: "sources/data/test/table.xlsx", edition: "2099", released: "2099-01-01" };

const COLUMNS: Column[] = [
  { name: "area_code", type: "VARCHAR", required: true, header: "Area Code", description: "code" },
  { name: "people", type: "INTEGER", required: true, header: "People", description: "count" },
  { name: "rate", type: "DOUBLE", required: true, header: "Rate", description: "rate" },
  { name: "note", type: "VARCHAR", required: false, header: "Note", description: "optional" },
];

type Aoa = (string | number | null)[][];

/** Writes a workbook whose sheets hold the given rows; returns its path in a fresh temp folder. */
function workbook(sheets: Record<string, Aoa>): string {
  const book = XLSX.utils.book_new();
  for (const [name, aoa] of Object.entries(sheets)) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), name);
  const path = join(mkdtempSync(join(tmpdir(), "header-row-")), "table.xlsx");
  writeFileSync(path, XLSX.write(book, { type: "buffer", bookType: "xlsx" }));
  return path;
}

/** Title rows 1-2, a blank row 3, the header on row 4 (columns out of declared order, one extra). */
const TITLE: Aoa = [["Table 1: people by area"], ["Source: a test"], []];
const HEADER = ["Rate", "Area Code", "Unused", "People", "Note"];

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("a table below title rows", () => {
  const path = workbook({
    in: [
      ...TITLE,
      HEADER,
      [1.5, "E06000051", "x", 10, "first"],
      [],
      ["2.25", "E06000052", null, "20", null],
      ["", " ", null, null, null],
    ],
  });

  it("finds the header by its labels and returns values in declared order, typed", () => {
    const result = readHeaderRowWorkbook(FILE, path, COLUMNS);
    expect(result.rows).toEqual([
      ["E06000051", 10, 1.5, "first"],
      ["E06000052", 20, 2.25, null],
    ]);
    expect(result.rejects).toEqual([]);
  });

  it("skips blank rows and the rows above the data, and counts them", () => {
    const result = readHeaderRowWorkbook(FILE, path, COLUMNS);
    expect(result.rowsRead).toBe(2);
    // Two title rows, the blank row and the header above; two blank rows among and below the data.
    expect(result.rowsSkipped).toBe(4 + 2);
  });

  it("fills an optional column the file lacks with nulls", () => {
    const noNote = workbook({ in: [["Area Code", "People", "Rate"], ["E06000051", 1, 2]] });
    expect(readHeaderRowWorkbook(FILE, noNote, COLUMNS).rows).toEqual([["E06000051", 1, 2, null]]);
  });

  it("matches labels regardless of case and repeated spaces", () => {
    const loose = workbook({ in: [["AREA  CODE", " people ", "rate"], ["E06000051", 1, 2]] });
    expect(readHeaderRowWorkbook(FILE, loose, COLUMNS).rows).toEqual([["E06000051", 1, 2, null]]);
  });
});

describe("layout problems stop the load with file, sheet, row and column", () => {
  it("names the header row and the missing required column", () => {
    const path = workbook({ in: [...TITLE, ["Area Code", "Rate", "Note"], ["E06000051", 1, "x"]] });
    const error = caught(() => readHeaderRowWorkbook(FILE, path, COLUMNS));
    expect(error).toBeInstanceOf(StructuralError);
    expect((error as Error).message).toBe(
      "sources/data/test/table.xlsx, sheet 'in', row 4, column 'People': required column 'People' not found in the header row",
    );
  });

  it("says so when no row in the first 20 holds the labels", () => {
    const path = workbook({ in: [...Array.from({ length: 20 }, () => ["title"]), HEADER, [1, "E06000051", null, 1, null]] });
    expect(() => readHeaderRowWorkbook(FILE, path, COLUMNS)).toThrow(
      "sources/data/test/table.xlsx, sheet 'in', column 'Area Code': header row not found: none of the first 20 rows holds any of the labels 'Area Code', 'People', 'Rate', 'Note'",
    );
  });

  it("refuses a header that holds a label twice", () => {
    const path = workbook({ in: [["Area Code", "People", "Rate", "People"], ["E06000051", 1, 2, 3]] });
    expect(() => readHeaderRowWorkbook(FILE, path, COLUMNS)).toThrow(
      "sources/data/test/table.xlsx, sheet 'in', row 1, column 'People': column 'People' appears twice (columns B and D)",
    );
  });

  it("names a missing sheet and lists those found", () => {
    const path = workbook({ data: [HEADER] });
    expect(() => readHeaderRowWorkbook(FILE, path, COLUMNS, { sheet: "in" })).toThrow(
      "sources/data/test/table.xlsx, sheet 'in': sheet not found (found: 'data')",
    );
  });

  it("refuses, when declared, a column type it cannot convert or a check on an undeclared column", () => {
    const dated: Column[] = [{ name: "day", type: "DATE", required: true, description: "date" }];
    expect(() => headerRowReader(dated)).toThrow("column 'day': type DATE is not supported by the header-row reader (VARCHAR, INTEGER, DOUBLE)");
    expect(() => headerRowReader(COLUMNS, { checks: { typo: () => null } })).toThrow("a check names column 'typo', which is not declared");
  });
});

describe("a row that breaks a column rule is rejected with its place, not dropped", () => {
  const path = workbook({
    in: [
      ...TITLE,
      HEADER,
      [1, "E06000051", null, 10, null],
      ["[x]", "E06000052", null, 2.5, null], // row 6: rate is a marker, people is not whole
      [3, null, null, 30, null], // row 7: the area code is empty
      [4, "E06000054", null, 40, null],
    ],
  });

  it("rejects each broken cell, naming sheet, row, column, reason and raw row", () => {
    const result = readHeaderRowWorkbook(FILE, path, COLUMNS);
    expect(result.rows.map((row) => row[0])).toEqual(["E06000051", "E06000054"]);
    expect(result.rowsRead).toBe(4);
    expect(result.rejects).toEqual([
      { file: FILE.path, location: "sheet 'in' row 6", line: 6, column: "D (People)", reason: "'2.5' is not a whole number", raw: "[x],E06000052,,2.5," },
      { file: FILE.path, location: "sheet 'in' row 6", line: 6, column: "A (Rate)", reason: "'[x]' is not a number", raw: "[x],E06000052,,2.5," },
      { file: FILE.path, location: "sheet 'in' row 7", line: 7, column: "B (Area Code)", reason: "value is empty", raw: "3,,,30," },
    ]);
  });

  it("applies a declared check after conversion", () => {
    const read = headerRowReader(COLUMNS, { checks: { area_code: (value) => (/^E\d{8}$/.test(String(value)) ? null : `'${value}' is not an area code`) } });
    const bad = workbook({ in: [HEADER, [1, "E0600005", null, 1, null]] });
    expect(read(FILE, bad).rejects.map((reject) => reject.reason)).toEqual(["'E0600005' is not an area code"]);
  });

  it("through the loader: two bad cells are one rejected row, and the counts reconcile", async () => {
    const root = mkdtempSync(join(tmpdir(), "header-row-load-"));
    mkdirSync(dirname(join(root, FILE.path)), { recursive: true });
    copyFileSync(path, join(root, FILE.path));
    const source = defineSpreadsheetSource(
      {
        id: "test-table",
        title: "Test table",
        publisher: "Test",
        licence: OGL,
        edition: "2099",
        url: "https://example.org/",
        format: "xlsx",
        cadenceMonths: 12,
        classification: "public",
        table: "raw_test_table",
        files: [FILE],
        columns: COLUMNS,
      },
      headerRowReader(COLUMNS),
    );
    db = await openWarehouse(":memory:");
    const [load] = await loadSource(db, source, { root, runId: "test" });
    expect(load).toMatchObject({ rowsRead: 4, rowsLoaded: 2, rowsRejected: 2, rowsSkipped: 4 });
    expect(await db.all(`select area_code, people, rate from raw_test_table order by area_code`)).toEqual([
      { area_code: "E06000051", people: 10, rate: 1 },
      { area_code: "E06000054", people: 40, rate: 4 },
    ]);
    expect(await db.all(`select location, column_name from rejects order by location, column_name`)).toEqual([
      { location: "sheet 'in' row 6", column_name: "A (Rate)" },
      { location: "sheet 'in' row 6", column_name: "D (People)" },
      { location: "sheet 'in' row 7", column_name: "B (Area Code)" },
    ]);
  });
});

describe("a CSV with title rows, a unit row and a footnote (read through SheetJS)", () => {
  /** Writes CSV text to a fresh temp folder and returns its path. */
  function csv(text: string): string {
    const path = join(mkdtempSync(join(tmpdir(), "header-row-")), "table.csv");
    writeFileSync(path, text);
    return path;
  }
  const LAYOUT = { layoutRows: [/^\(%\)$/, /^1 Census usual residents$/] };
  const text = [
    "Table 1: people by area,,,",
    ",,,",
    "Area Code,People,Rate,Note",
    ",,(%),", // unit row under the header
    'E06000051,"1,234",2.5,first',
    ",,,",
    ",1 Census usual residents,,", // footnote
    "",
  ].join("\r\n");

  it("finds the header below the title rows and parses quoted thousands as numbers", () => {
    const result = readHeaderRowWorkbook(FILE, csv(text), COLUMNS, LAYOUT);
    expect(result.rows).toEqual([["E06000051", 1234, 2.5, "first"]]);
    expect(result.rejects).toEqual([]);
    expect(result.rowsRead).toBe(1);
    // Title, blank and header rows above; the unit row, the blank row and the footnote below.
    expect(result.rowsSkipped).toBe(3 + 3);
  });

  it("without the layout patterns, rejects the unit row and the footnote so they stay visible", () => {
    const result = readHeaderRowWorkbook(FILE, csv(text), COLUMNS);
    expect(result.rowsRead).toBe(3);
    expect([...new Set(result.rejects.map((reject) => reject.location))]).toEqual(["sheet 'Sheet1' row 4", "sheet 'Sheet1' row 7"]);
  });

  it("still rejects a half-filled record, and a footnote a pattern does not match exactly", () => {
    const odd = [
      "Area Code,People,Rate,Note",
      ",,(%),",
      ",,(%) of people,", // not the declared unit row
      ",12,,", // a record with gaps
      "1 Census usual residents,12,,", // two cells filled: a record, not a footnote
    ].join("\n");
    const result = readHeaderRowWorkbook(FILE, csv(odd), COLUMNS, LAYOUT);
    expect(result.rowsSkipped).toBe(2);
    expect([...new Set(result.rejects.map((reject) => reject.line))]).toEqual([3, 4, 5]);
  });
});
