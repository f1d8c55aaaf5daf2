// A corpus of malformed inputs, each with the outcome a council analyst should get from the
// loader. Inputs are built here, byte by byte, so the damage is exact and visible in review.
//
// Three outcomes:
// - loaded: every row loaded, none rejected (and, where the case is about values, the values);
// - rejected: the good rows loaded, each bad row kept in `rejects` naming file, line (or sheet
//   and row), column and reason, and rows read = rows loaded + rows rejected;
// - structural: the load stops with a StructuralError naming the file and the row or column
//   (and the sheet for workbooks), because loading part of the file would publish wrong figures.
//
// Decisions a reader may question, stated once:
// - Money. The corpus column `amount` is DOUBLE, as a publisher's data dictionary would promise.
//   "£1,234.56", "1,234" and "(12.50)" are then counted rejects naming line and column, so a
//   format change in a new edition shows up on the rejects report instead of being coerced.
//   Money parsing belongs in staging SQL: a source known to publish formatted money declares the
//   column VARCHAR and its staging model parses it, where the rule is visible and tested.
// - Rules (a count not negative, a real area code, unique keys) are enforced for CSV sources by
//   the staging model's tests, which fail the run; the CSV loader keeps such rows exactly as
//   published so the test can see them. The header-row workbook reader takes value checks, so
//   in workbooks the same faults are rejects at load time.
// - Markers ("NA", "-", "[x]") in a numeric column are rejects: a source that publishes markers
//   declares the column VARCHAR (as ASCOF does) and staging turns them into nulls with reasons.
import * as XLSX from "@e965/xlsx";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import type { Column, Coverage } from "../../sources/declaration.ts";

export const CSV_COLUMNS: Column[] = [
  { name: "area_code", type: "VARCHAR", required: true, description: "ONS code of the council" },
  { name: "year", type: "INTEGER", required: true, description: "Financial year starting" },
  { name: "count", type: "INTEGER", required: true, description: "People supported", rule: "a whole number, 0 or more (staging test)" },
  { name: "amount", type: "DOUBLE", required: false, description: "Gross spend, pounds" },
  { name: "date", type: "DATE", required: false, description: "Date of the snapshot" },
  { name: "note", type: "VARCHAR", required: false, description: "Publisher's note, free text" },
];

export const XLSX_COLUMNS: Column[] = [
  { name: "area_code", type: "VARCHAR", required: true, header: "Area Code", description: "ONS code of the council" },
  { name: "year", type: "INTEGER", required: true, header: "Year", description: "Financial year starting" },
  { name: "count", type: "INTEGER", required: true, header: "Count", description: "People supported", rule: "0 or more" },
  { name: "amount", type: "DOUBLE", required: false, header: "Amount", description: "Gross spend, pounds" },
];
/** The sheet the workbook source declares. */
export const XLSX_SHEET = "Data";

export interface ExpectedReject {
  /** "line 3" for CSV; "sheet 'Data' row 5" for workbooks. */
  location: string;
  line: number;
  /** Part of the column name reported (CSV: the declared name; workbooks: "B (Year)"); null when none is. */
  column: string | null;
  /** Part of the reason. */
  reason: string;
}

export type Expected =
  | { outcome: "loaded"; rows: number; values?: Record<string, unknown>[] }
  | { outcome: "rejected"; rows: number; rejects: ExpectedReject[] }
  | { outcome: "structural"; parts: string[] }
  /** The load stops with a CoverageError naming source, file and the missing entities. */
  | { outcome: "coverage"; missing: string[]; parts: string[] };

export interface CorpusCase {
  id: string;
  description: string;
  loader: "csv" | "xlsx";
  input: () => Buffer;
  /** Declaration fields the case changes (e.g. the encoding). */
  declare?: { encoding?: "utf-8" | "windows-1252"; amount?: string; coverage?: Coverage[] };
  /**
   * A real source whose declaration (columns, coverage) the case loads its bytes under, instead
   * of the corpus columns; its bytes are then usually the bundled file with one change.
   */
  source?: string;
  expected: Expected;
  /**
   * Set where the loader does not yet give the expected outcome: the case runs as an expected
   * failure (it.fails), so it turns red the day the loader is fixed and the mark can go.
   */
  knownGap?: string;
}

const HEADER = "area_code,year,count,amount,date,note";
const ROW1 = "E06000051,2021,120,1500.5,2021-03-31,";
const ROW2 = "E06000052,2021,80,900,2021-03-31,";
const csv = (...lines: string[]) => () => Buffer.from(lines.join("\n") + "\n");
const bytes = (...parts: (string | number[])[]) => () => Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part) : Buffer.from(part))));
const GOOD = [
  { area_code: "E06000051", year: 2021, count: 120, amount: 1500.5, date: "2021-03-31", note: null },
  { area_code: "E06000052", year: 2021, count: 80, amount: 900, date: "2021-03-31", note: null },
];
const cast = (line: number, column: string, value: string): ExpectedReject => ({ location: `line ${line}`, line, column, reason: `Could not convert string "${value}"` });

type Aoa = (string | number | null)[][];
const XLSX_HEADER = ["Area Code", "Year", "Count", "Amount"];
function workbook(sheets: Record<string, Aoa>): () => Buffer {
  return () => {
    const book = XLSX.utils.book_new();
    for (const [name, aoa] of Object.entries(sheets)) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), name);
    return XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer;
  };
}
/** A workbook with formula error cells (SheetJS type 'e', the error's text in .w) at the given cells. */
function workbookWithErrors(aoa: Aoa, errors: Record<string, string>): () => Buffer {
  const codes: Record<string, number> = { "#NULL!": 0x00, "#DIV/0!": 0x07, "#VALUE!": 0x0f, "#REF!": 0x17, "#NAME?": 0x1d, "#NUM!": 0x24, "#N/A": 0x2a };
  return () => {
    const sheet = XLSX.utils.aoa_to_sheet(aoa);
    for (const [address, text] of Object.entries(errors)) sheet[address] = { t: "e", v: codes[text]!, w: text };
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, XLSX_SHEET);
    return XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer;
  };
}
/** A good workbook with a few bytes inside its sheet's compressed data overwritten, from a fixed seed. */
function corruptedWorkbook(seed: number): () => Buffer {
  return () => {
    const rows: Aoa = [XLSX_HEADER, ...Array.from({ length: 200 }, (_, i) => [`E0600${String(i).padStart(4, "0")}`, 2021, i, i * 1.5])];
    const good = workbook({ [XLSX_SHEET]: rows })();
    const bad = Buffer.from(good);
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const header = bad.indexOf(name);
    const start = header + name.length + bad.readUInt16LE(header - 2);
    const size = bad.readUInt32LE(header - 12);
    let state = seed;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 4; k++) bad[start + 10 + Math.floor(random() * (size - 20))] = Math.floor(random() * 256);
    return bad;
  };
}
const sheetRow = (row: number, column: string, reason: string): ExpectedReject => ({
  location: `sheet '${XLSX_SHEET}' row ${row}`,
  line: row,
  column,
  reason,
});

/**
 * One row whose amount, in the declared money column, is not a plain amount to the penny, and one
 * good row: the bad row is rejected on line 2, its amount counted as unparsed on both sides.
 */
const badAmount = (id: string, description: string, amount: string, reason?: string): CorpusCase => ({
  id,
  description,
  loader: "csv",
  declare: { amount: "amount" },
  input: csv(HEADER, `E06000051,2021,120,${amount.includes(",") ? `"${amount}"` : amount},2021-03-31,`, ROW2),
  expected: { outcome: "rejected", rows: 1, rejects: [{ ...cast(2, "amount", amount), ...(reason ? { reason } : {}) }] },
});

export const CASES: CorpusCase[] = [
  // ---- Well-formed variations: every row loads, values exact. ----
  {
    id: "csv-clean",
    description: "the baseline: header and two good rows",
    loader: "csv",
    input: csv(HEADER, ROW1, ROW2),
    expected: { outcome: "loaded", rows: 2, values: GOOD },
  },
  {
    id: "utf8-bom",
    description: "a UTF-8 byte-order mark before the header (Excel's 'CSV UTF-8')",
    loader: "csv",
    input: bytes([0xef, 0xbb, 0xbf], `${HEADER}\n${ROW1}\n${ROW2}\n`),
    expected: { outcome: "loaded", rows: 2, values: GOOD },
  },
  {
    id: "crlf",
    description: "Windows CRLF line endings throughout",
    loader: "csv",
    input: bytes(`${HEADER}\r\n${ROW1}\r\n${ROW2}\r\n`),
    expected: { outcome: "loaded", rows: 2, values: GOOD },
  },
  {
    id: "mixed-line-endings",
    description: "a CRLF header and LF rows (two exports joined by hand)",
    loader: "csv",
    input: bytes(`${HEADER}\r\n${ROW1}\n${ROW2}\r\n`),
    expected: { outcome: "loaded", rows: 2, values: GOOD },
  },
  {
    id: "trailing-blank-lines",
    description: "blank lines after the last row are not records",
    loader: "csv",
    input: bytes(`${HEADER}\n${ROW1}\n${ROW2}\n\n\r\n\n`),
    expected: { outcome: "loaded", rows: 2, values: GOOD },
  },
  {
    id: "no-final-newline",
    description: "the last row has no newline",
    loader: "csv",
    input: bytes(`${HEADER}\n${ROW1}\n${ROW2}`),
    expected: { outcome: "loaded", rows: 2, values: GOOD },
  },
  {
    id: "header-only",
    description: "a header and no rows: an edition with nothing to report",
    loader: "csv",
    input: csv(HEADER),
    expected: { outcome: "loaded", rows: 0, values: [] },
  },
  {
    id: "whitespace-padded",
    description: "values padded with spaces: numbers and dates are read, text is kept as published (staging trims)",
    loader: "csv",
    input: csv(HEADER, " E06000051 , 2021 , 120 , 1500.5 , 2021-03-31 , padded "),
    expected: { outcome: "loaded", rows: 1, values: [{ area_code: " E06000051 ", year: 2021, count: 120, amount: 1500.5, date: "2021-03-31", note: " padded " }] },
  },
  {
    id: "quoted-everything",
    description: "every field quoted, with an escaped quote and a comma inside a value",
    loader: "csv",
    input: csv(HEADER, `"E06000051","2021","120","1500.5","2021-03-31","says ""hello"", twice"`),
    expected: { outcome: "loaded", rows: 1, values: [{ ...GOOD[0], note: 'says "hello", twice' }] },
  },
  {
    id: "embedded-newline",
    description: "a quoted note running over two lines is one record, not two",
    loader: "csv",
    input: csv(HEADER, `E06000051,2021,120,1500.5,2021-03-31,"first line\nsecond line"`, ROW2),
    expected: { outcome: "loaded", rows: 2, values: [{ ...GOOD[0], note: "first line\nsecond line" }, GOOD[1]!] },
  },
  {
    id: "embedded-crlf-then-bad-row",
    description: "a bad row after a two-line record is named by its physical line (4), not its record number (3)",
    loader: "csv",
    input: csv(HEADER, `E06000051,2021,120,1500.5,2021-03-31,"first\nsecond"`, "E06000052,2021,eighty,900,2021-03-31,"),
    expected: { outcome: "rejected", rows: 1, rejects: [cast(4, "count", "eighty")] },
  },
  {
    id: "duplicate-keys",
    description: "the same council and year twice: kept for the staging unique test to catch",
    loader: "csv",
    input: csv(HEADER, ROW1, ROW1),
    expected: { outcome: "loaded", rows: 2, values: [GOOD[0]!, GOOD[0]!] },
  },
  {
    id: "negative-count",
    description: "a negative count breaks the rule; kept as published for the staging test",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,-5,1500.5,2021-03-31,"),
    expected: { outcome: "loaded", rows: 1, values: [{ ...GOOD[0], count: -5 }] },
  },
  {
    id: "wrong-area-code",
    description: "an area code that is no ONS code (rule violation); kept for the staging relationships test",
    loader: "csv",
    input: csv(HEADER, "E0600005,2021,120,1500.5,2021-03-31,"),
    expected: { outcome: "loaded", rows: 1, values: [{ ...GOOD[0], area_code: "E0600005" }] },
  },
  {
    id: "marker-in-text",
    description: "a '[x]' marker in a text column is data: staging decides what it means",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,120,,,[x]"),
    expected: { outcome: "loaded", rows: 1, values: [{ ...GOOD[0], amount: null, date: null, note: "[x]" }] },
  },
  {
    id: "empty-optional",
    description: "empty optional values load as nulls",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,120,,,"),
    expected: { outcome: "loaded", rows: 1, values: [{ ...GOOD[0], amount: null, date: null }] },
  },
  {
    id: "scientific-double",
    description: "scientific notation in a DOUBLE column is a number (1.5e3 = 1500)",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,120,1.5e3,2021-03-31,"),
    expected: { outcome: "loaded", rows: 1, values: [{ ...GOOD[0], amount: 1500 }] },
  },
  {
    id: "long-field",
    description: "a 100,000-character note (well under DuckDB's 2 MB line limit) loads whole",
    loader: "csv",
    input: csv(HEADER, `${ROW1}${"x".repeat(100_000)}`),
    expected: { outcome: "loaded", rows: 1, values: [{ ...GOOD[0], note: "x".repeat(100_000) }] },
  },
  {
    id: "stray-quote-inside-value",
    description: "a quote inside an unquoted value is read as a character, not a field boundary",
    loader: "csv",
    input: csv(HEADER, 'E06000051,2021,120,1500.5,2021-03-31,the "Shire" area', ROW2),
    expected: { outcome: "loaded", rows: 2, values: [{ ...GOOD[0], note: 'the "Shire" area' }, GOOD[1]!] },
  },
  {
    id: "windows-1252-declared",
    description: "a declared Windows-1252 file: £ (0xA3), € (0x80) and an en dash (0x96) arrive as those characters",
    loader: "csv",
    declare: { encoding: "windows-1252" },
    input: bytes(`${HEADER}\n${ROW1}\nE06000052,2021,80,900,2021-03-31,fees `, [0xa3], "12 ", [0x96], " ", [0x80], "15\n"),
    expected: { outcome: "loaded", rows: 2, values: [GOOD[0]!, { ...GOOD[1], note: "fees £12 – €15" }] },
  },

  // ---- Bad values: the row is rejected with its line and column; the rest loads. ----
  {
    id: "ragged-too-few",
    description: "a row with three fields of six",
    loader: "csv",
    input: csv(HEADER, ROW1, "E06000052,2021,80"),
    expected: {
      outcome: "rejected",
      rows: 1,
      rejects: ["amount", "date", "note"].map((column) => ({ location: "line 3", line: 3, column, reason: "MISSING COLUMNS" })),
    },
  },
  {
    id: "ragged-too-many",
    description: "a row with an extra field",
    loader: "csv",
    input: csv(HEADER, ROW1, `${ROW2},surplus`, ROW2),
    expected: { outcome: "rejected", rows: 2, rejects: [{ location: "line 3", line: 3, column: null, reason: "TOO MANY COLUMNS" }] },
  },
  {
    id: "dd-mm-yyyy-date",
    description: "a British dd/mm/yyyy date in an ISO DATE column",
    loader: "csv",
    input: csv(HEADER, ROW1, "E06000052,2021,80,900,31/03/2021,"),
    expected: { outcome: "rejected", rows: 1, rejects: [cast(3, "date", "31/03/2021")] },
  },
  {
    id: "impossible-date",
    description: "30 February",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,120,1500.5,2021-02-30,", ROW2),
    expected: { outcome: "rejected", rows: 1, rejects: [cast(2, "date", "2021-02-30")] },
  },
  {
    id: "money-pound-quoted",
    description: '"£1,234.56" in a DOUBLE column (money formatting belongs in staging)',
    loader: "csv",
    input: csv(HEADER, ROW1, 'E06000052,2021,80,"£1,234.56",2021-03-31,'),
    expected: { outcome: "rejected", rows: 1, rejects: [cast(3, "amount", "£1,234.56")] },
  },
  {
    id: "money-pound-unquoted",
    description: "£1234.56 with no thousands separator",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,120,£1234.56,2021-03-31,", ROW2),
    expected: { outcome: "rejected", rows: 1, rejects: [cast(2, "amount", "£1234.56")] },
  },
  {
    id: "money-thousands-unquoted",
    description: "1,234 unquoted splits into two fields: the row is rejected, never loaded as 1 and a shifted date",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,120,1,234,2021-03-31,", ROW2),
    // DuckDB reports the first fault it meets in the shifted row ("234" is no date); the raw line
    // kept with the reject shows the cause.
    expected: { outcome: "rejected", rows: 1, rejects: [cast(2, "date", "234")] },
  },
  {
    id: "thousands-double",
    description: '"1,234" in a DOUBLE column: a thousands separator (or a European decimal comma)',
    loader: "csv",
    input: csv(HEADER, 'E06000051,2021,120,"1,234",2021-03-31,', ROW2),
    expected: { outcome: "rejected", rows: 1, rejects: [cast(2, "amount", "1,234")] },
  },
  {
    id: "thousands-integer",
    description: '"1,234" in an INTEGER column',
    loader: "csv",
    input: csv(HEADER, 'E06000051,2021,"1,234",1500.5,2021-03-31,', ROW2),
    expected: { outcome: "rejected", rows: 1, rejects: [cast(2, "count", "1,234")] },
  },
  {
    id: "accounting-negative",
    description: "(12.50), an accountant's negative",
    loader: "csv",
    input: csv(HEADER, ROW1, "E06000052,2021,80,(12.50),2021-03-31,"),
    expected: { outcome: "rejected", rows: 1, rejects: [cast(3, "amount", "(12.50)")] },
  },
  {
    id: "markers-in-numbers",
    description: '"NA", "-" and "[x]" in numeric columns: one row, three rejected cells',
    loader: "csv",
    input: csv(HEADER, ROW1, "E06000052,NA,-,[x],2021-03-31,"),
    expected: { outcome: "rejected", rows: 1, rejects: [cast(3, "year", "NA"), cast(3, "count", "-"), cast(3, "amount", "[x]")] },
  },
  {
    id: "integer-overflow",
    description: "3,000,000,000 does not fit an INTEGER",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,3000000000,1500.5,2021-03-31,", ROW2),
    expected: { outcome: "rejected", rows: 1, rejects: [cast(2, "count", "3000000000")] },
  },
  {
    id: "decimal-in-integer",
    description: "12.5 in an INTEGER column must be rejected, not rounded to 13",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,12.5,1500.5,2021-03-31,", ROW2),
    expected: { outcome: "rejected", rows: 1, rejects: [cast(2, "count", "12.5")] },
  },
  {
    id: "empty-required",
    description: "an empty area code, declared required: the row should be rejected",
    loader: "csv",
    input: csv(HEADER, ",2021,120,1500.5,2021-03-31,", ROW2),
    expected: { outcome: "rejected", rows: 1, rejects: [{ location: "line 2", line: 2, column: "area_code", reason: "empty" }] },
  },
  {
    id: "truncated-mid-row",
    description: "a download cut off in the middle of the last row",
    loader: "csv",
    input: bytes(`${HEADER}\n${ROW1}\nE06000052,20`),
    expected: {
      outcome: "rejected",
      rows: 1,
      rejects: ["count", "amount", "date", "note"].map((column) => ({ location: "line 3", line: 3, column, reason: "MISSING COLUMNS" })),
    },
  },
  {
    id: "truncated-mid-quote",
    description: "a download cut off inside a quoted value on the last line",
    loader: "csv",
    input: bytes(`${HEADER}\n${ROW1}\nE06000052,2021,80,900,2021-03-31,"the note was cu`),
    expected: { outcome: "rejected", rows: 1, rejects: [{ location: "line 3", line: 3, column: "note", reason: "unterminated quote" }] },
  },
  {
    id: "over-long-line",
    description: "a 3 MB line, over DuckDB's 2 MB limit: rejected, the next row still loads",
    loader: "csv",
    input: csv(HEADER, `${ROW1}${"x".repeat(3_000_000)}`, ROW2),
    expected: { outcome: "rejected", rows: 1, rejects: [{ location: "line 2", line: 2, column: null, reason: "LINE SIZE OVER MAXIMUM" }] },
  },

  // ---- Exact values: nothing DuckDB would round, pad or invent loads without a reject. ----
  {
    id: "nan-inf-in-double",
    description: "nan, inf, -inf and NaN in a DOUBLE column: DuckDB reads them as numbers, which pass `value >= 0`",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,120,nan,2021-03-31,", "E06000051,2021,120,inf,2021-03-31,", "E06000051,2021,120,-inf,2021-03-31,", "E06000051,2021,120,NaN,2021-03-31,", ROW2),
    expected: { outcome: "rejected", rows: 1, rejects: [cast(2, "amount", "nan"), cast(3, "amount", "inf"), cast(4, "amount", "-inf"), cast(5, "amount", "NaN")] },
  },
  {
    id: "nan-in-integer",
    description: "nan in an INTEGER column",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,nan,1500.5,2021-03-31,", ROW2),
    expected: { outcome: "rejected", rows: 1, rejects: [cast(2, "count", "nan")] },
  },
  {
    id: "hex-in-integer",
    description: "0x1F in an INTEGER column: DuckDB's integer reader reads hexadecimal as 31",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,0x1F,1500.5,2021-03-31,", ROW2),
    expected: { outcome: "rejected", rows: 1, rejects: [{ ...cast(2, "count", "0x1F"), reason: `Could not convert string "0x1F" to 'INTEGER'` }] },
  },
  {
    id: "exponent-in-integer",
    description: "12e3 in an INTEGER column is exactly 12000: loaded",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,12e3,1500.5,2021-03-31,"),
    expected: { outcome: "loaded", rows: 1, values: [{ ...GOOD[0], count: 12000 }] },
  },
  {
    id: "underscore-digits",
    description: "1_000 in a count: DuckDB's number parser reads digit-group underscores, and 1000 is exact: loaded (README, Known limitations)",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,1_000,1500.5,2021-03-31,"),
    expected: { outcome: "loaded", rows: 1, values: [{ ...GOOD[0], count: 1000 }] },
  },
  {
    id: "whole-decimal-in-integer",
    description: "120.0 in an INTEGER column is a whole number: loaded as 120",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,120.0,1500.5,2021-03-31,"),
    expected: { outcome: "loaded", rows: 1, values: [GOOD[0]!] },
  },
  {
    id: "empty-required-integer",
    description: "an empty count, declared required",
    loader: "csv",
    input: csv(HEADER, ROW1, "E06000052,2021,,900,2021-03-31,"),
    expected: { outcome: "rejected", rows: 1, rejects: [{ location: "line 3", line: 3, column: "count", reason: "value is empty" }] },
  },
  {
    id: "quoted-empty-required",
    description: 'a quoted empty area code ("") is as empty as an unquoted one',
    loader: "csv",
    input: csv(HEADER, '"",2021,120,1500.5,2021-03-31,', ROW2),
    expected: { outcome: "rejected", rows: 1, rejects: [{ location: "line 2", line: 2, column: "area_code", reason: "value is empty" }] },
  },
  {
    id: "decimal-after-embedded-newline",
    description: "12.5 in a count after a two-line record is named by its physical line (4)",
    loader: "csv",
    input: csv(HEADER, `E06000051,2021,120,1500.5,2021-03-31,"first\nsecond"`, "E06000052,2021,12.5,900,2021-03-31,", ROW2),
    expected: { outcome: "rejected", rows: 2, rejects: [cast(4, "count", "12.5")] },
  },
  {
    id: "stray-quote-swallows-lines",
    description: "a stray quote on line 2 swallows the next six lines: one rejected row naming lines 2 to 8, the row after it loads",
    loader: "csv",
    input: csv(HEADER, 'E06000051,2021,120,1500.5,2021-03-31,"stray', ...Array<string>(5).fill(ROW2), 'E06000052,2021,80,900,"2021-03-31",x', ROW2),
    expected: {
      outcome: "rejected",
      rows: 1,
      rejects: [
        { location: "lines 2 to 8", line: 2, column: "note", reason: "UNQUOTED VALUE" },
        { location: "lines 2 to 8", line: 2, column: null, reason: "TOO MANY COLUMNS" },
      ],
    },
  },
  {
    id: "bad-row-after-blank-lines",
    description: "blank lines before a bad row do not shift its line number",
    loader: "csv",
    input: csv(HEADER, ROW1, "", "", "E06000052,2021,eighty,900,2021-03-31,"),
    expected: { outcome: "rejected", rows: 1, rejects: [cast(5, "count", "eighty")] },
  },
  {
    id: "date-with-time",
    description: "2021-03-31 10:30:00 in a DATE column: DuckDB would drop the time",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,120,1500.5,2021-03-31 10:30:00,", ROW2),
    expected: { outcome: "rejected", rows: 1, rejects: [{ ...cast(2, "date", "2021-03-31 10:30:00"), reason: "holds a time of day" }] },
  },
  {
    id: "date-midnight",
    description: "2021-03-31 00:00:00 in a DATE column is the date exactly: loaded",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,120,1500.5,2021-03-31 00:00:00,"),
    expected: { outcome: "loaded", rows: 1, values: [GOOD[0]!] },
  },
  {
    id: "date-before-year-one",
    description: "-2021-03-31 would load as 2022 BC",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,120,1500.5,-2021-03-31,", ROW2),
    expected: { outcome: "rejected", rows: 1, rejects: [cast(2, "date", "-2021-03-31")] },
  },
  {
    id: "date-compact",
    description: "20210331 with no separators in an ISO DATE column",
    loader: "csv",
    input: csv(HEADER, "E06000051,2021,120,1500.5,20210331,", ROW2),
    expected: { outcome: "rejected", rows: 1, rejects: [{ ...cast(2, "date", "20210331"), reason: `Could not convert string "20210331" to 'DATE'` }] },
  },

  // ---- Money, with `amount` declared: reconciled to the penny, so only plain amounts load. ----
  badAmount("money-exponent", "12e3 in the money column: a double would hold it, but it is not a plain amount to the penny", "12e3", "plain amounts to the penny"),
  badAmount("money-half-pence", "12.345 in the money column: half a penny cannot be summed in pence", "12.345"),
  badAmount("money-pound-comma-declared", '"£1,234.50" in the declared money column', "£1,234.50"),
  badAmount("money-accounting-declared", "(12.00) in the declared money column", "(12.00)"),
  badAmount("money-21-digits", "a 21-digit amount: a double cannot hold it to the penny", "123456789012345678901"),
  {
    id: "money-trailing-zeros",
    description: "1500.500 and .5 are plain amounts: loaded and reconciled",
    loader: "csv",
    declare: { amount: "amount" },
    input: csv(HEADER, "E06000051,2021,120,1500.500,2021-03-31,", "E06000052,2021,80,.5,2021-03-31,"),
    expected: { outcome: "loaded", rows: 2, values: [GOOD[0]!, { ...GOOD[1], amount: 0.5 }] },
  },
  {
    id: "money-empty-optional",
    description: 'an empty and a quoted empty ("") optional amount load as null, adding nothing either side',
    loader: "csv",
    declare: { amount: "amount" },
    input: csv(HEADER, "E06000051,2021,120,,2021-03-31,", 'E06000052,2021,80,"",2021-03-31,'),
    expected: { outcome: "loaded", rows: 2, values: [{ ...GOOD[0], amount: null }, { ...GOOD[1], amount: null }] },
  },

  // ---- Not CSV at all: say what the file is. ----
  {
    id: "gzip-as-csv",
    description: "a gzip-compressed file saved with a .csv name",
    loader: "csv",
    input: () => gzipSync(Buffer.from(`${HEADER}\n${ROW1}\n`)),
    expected: { outcome: "structural", parts: ["row 1", "gzip-compressed", "not CSV text"] },
  },
  {
    id: "zip-as-csv",
    description: "a workbook (a zip) saved with a .csv name",
    loader: "csv",
    input: workbook({ [XLSX_SHEET]: [XLSX_HEADER, ["E06000051", 2021, 120, 1500.5]] }),
    expected: { outcome: "structural", parts: ["row 1", "zip archive", "not CSV text"] },
  },

  // ---- Structural: the file's shape is wrong; the load stops naming file, row and column. ----
  {
    id: "empty-file",
    description: "a zero-byte file (a failed download)",
    loader: "csv",
    input: () => Buffer.alloc(0),
    expected: { outcome: "structural", parts: ["row 1", "the file is empty"] },
  },
  {
    id: "header-renamed",
    description: "a new edition renames 'count' to 'people'",
    loader: "csv",
    input: csv(HEADER.replace("count", "people"), ROW1),
    expected: { outcome: "structural", parts: ["row 1", "column 'count'", "missing from the header", "position 3 reads 'people'"] },
  },
  {
    id: "header-reordered",
    description: "year and count swapped: values would land in the wrong columns",
    loader: "csv",
    input: csv("area_code,count,year,amount,date,note", ROW1),
    expected: { outcome: "structural", parts: ["row 1", "column 'year'", "expected in position 2 but found in position 3"] },
  },
  {
    id: "header-missing-column",
    description: "the amount column dropped",
    loader: "csv",
    input: csv("area_code,year,count,date,note", "E06000051,2021,120,2021-03-31,"),
    expected: { outcome: "structural", parts: ["row 1", "column 'amount'", "missing from the header"] },
  },
  {
    id: "header-extra-column",
    description: "a new column appended",
    loader: "csv",
    input: csv(`${HEADER},region`, `${ROW1},West Midlands`),
    expected: { outcome: "structural", parts: ["row 1", "column 'region'", "unexpected extra column"] },
  },
  {
    id: "header-duplicate",
    description: "'area_code' twice in the header",
    loader: "csv",
    input: csv("area_code,area_code,count,amount,date,note", ROW1),
    expected: { outcome: "structural", parts: ["row 1", "column 'area_code'", "appears twice (positions 1 and 2)"] },
  },
  {
    id: "header-case-changed",
    description: "'Area_Code' for 'area_code': CSV headers are matched exactly",
    loader: "csv",
    input: csv(HEADER.replace("area_code", "Area_Code"), ROW1),
    expected: { outcome: "structural", parts: ["row 1", "column 'area_code'", "position 1 reads 'Area_Code'"] },
  },
  {
    id: "tab-delimited",
    description: "a tab-separated file saved with a .csv name",
    loader: "csv",
    input: csv(HEADER.replaceAll(",", "\t"), ROW1.replaceAll(",", "\t")),
    expected: { outcome: "structural", parts: ["row 1", "looks tab-delimited"] },
  },
  {
    id: "semicolon-delimited",
    description: "a European-locale export with semicolons",
    loader: "csv",
    input: csv(HEADER.replaceAll(",", ";"), ROW1.replaceAll(",", ";")),
    expected: { outcome: "structural", parts: ["row 1", "looks semicolon-delimited"] },
  },
  {
    id: "windows-1252-undeclared",
    description: "an undeclared Windows-1252 file with a £ in a note: stop, naming the first bad byte's line and column",
    loader: "csv",
    input: bytes(`${HEADER}\n${ROW1}\nE06000052,2021,80,900,2021-03-31,fees `, [0xa3], "12\n"),
    expected: { outcome: "structural", parts: ["row 3", "column 'note'", "byte 0xA3 ('£' in Windows-1252) is not UTF-8", 'encoding: "windows-1252"'] },
  },
  {
    id: "windows-1252-in-number",
    description: "an undeclared Windows-1252 £ in an amount: an encoding problem, not a bad number",
    loader: "csv",
    input: bytes(`${HEADER}\n${ROW1}\nE06000052,2021,80,`, [0xa3], "900,2021-03-31,\n"),
    expected: { outcome: "structural", parts: ["row 3", "column 'amount'", "byte 0xA3"] },
  },
  {
    id: "utf-16",
    description: "a UTF-16 export (Excel's 'Unicode text')",
    loader: "csv",
    input: () => Buffer.from(`\ufeff${HEADER}\r\n${ROW1}\r\n`, "utf16le"),
    expected: { outcome: "structural", parts: ["row 1", "UTF-16"] },
  },
  {
    id: "nul-byte",
    description: "a NUL byte inside an area code (a damaged file)",
    loader: "csv",
    input: bytes(`${HEADER}\n${ROW1}\nE0600`, [0], "52,2021,80,900,2021-03-31,\n"),
    expected: { outcome: "structural", parts: ["row 3", "column 'area_code'", "NUL byte"] },
  },
  {
    id: "unterminated-quote",
    description: "a quote opened on line 2 and never closed would swallow the rest of the file into one value",
    loader: "csv",
    input: csv(HEADER, 'E06000051,2021,120,1500.5,2021-03-31,"open', ROW2, ROW2),
    expected: { outcome: "structural", parts: ["row 2", "column 'note'", "never closed", "lines 2 to 4"] },
  },

  // ---- Workbooks through the header-row reader (declared sheet 'Data', checks on code and count). ----
  {
    id: "xlsx-clean",
    description: "a workbook with the header on row 1",
    loader: "xlsx",
    input: workbook({ [XLSX_SHEET]: [XLSX_HEADER, ["E06000051", 2021, 120, 1500.5], ["E06000052", 2021, 80, 900]] }),
    expected: {
      outcome: "loaded",
      rows: 2,
      values: [
        { area_code: "E06000051", year: 2021, count: 120, amount: 1500.5 },
        { area_code: "E06000052", year: 2021, count: 80, amount: 900 },
      ],
    },
  },
  {
    id: "xlsx-extra-sheet",
    description: "a notes sheet added before the data sheet: the declared sheet is read",
    loader: "xlsx",
    input: workbook({ Notes: [["About this table"], ["Area Code", "means the ONS code"]], [XLSX_SHEET]: [XLSX_HEADER, ["E06000051", 2021, 120, 1500.5]] }),
    expected: { outcome: "loaded", rows: 1, values: [{ area_code: "E06000051", year: 2021, count: 120, amount: 1500.5 }] },
  },
  {
    id: "xlsx-header-moved-down",
    description: "title rows and a blank row push the header to row 4; found by its labels",
    loader: "xlsx",
    input: workbook({ [XLSX_SHEET]: [["Table 1: people supported"], ["Source: a council"], [], XLSX_HEADER, ["E06000051", 2021, 120, 1500.5]] }),
    expected: { outcome: "loaded", rows: 1, values: [{ area_code: "E06000051", year: 2021, count: 120, amount: 1500.5 }] },
  },
  {
    id: "xlsx-text-numbers",
    description: "numbers stored as text load as numbers, but text '1,234' in Count is rejected, not read as 1234",
    loader: "xlsx",
    input: workbook({ [XLSX_SHEET]: [XLSX_HEADER, ["E06000051", "2021", "120", "1500.5"], ["E06000052", 2021, "1,234", 900]] }),
    expected: { outcome: "rejected", rows: 1, rejects: [sheetRow(3, "C (Count)", "'1,234' is not a whole number")] },
  },
  {
    id: "xlsx-wrong-area-code",
    description: "an area code that breaks the declared check is rejected naming sheet, row and column",
    loader: "xlsx",
    input: workbook({ [XLSX_SHEET]: [XLSX_HEADER, ["E06000051", 2021, 120, 1500.5], ["Shropshire", 2021, 80, 900]] }),
    expected: { outcome: "rejected", rows: 1, rejects: [sheetRow(3, "A (Area Code)", "'Shropshire' is not an ONS area code")] },
  },
  {
    id: "xlsx-negative-count",
    description: "a negative count breaks the declared check",
    loader: "xlsx",
    input: workbook({ [XLSX_SHEET]: [XLSX_HEADER, ["E06000051", 2021, -5, 1500.5], ["E06000052", 2021, 80, 900]] }),
    expected: { outcome: "rejected", rows: 1, rejects: [sheetRow(2, "C (Count)", "-5 is negative")] },
  },
  {
    id: "xlsx-markers",
    description: "'[x]' in Count and '-' in Amount: one row, two rejected cells",
    loader: "xlsx",
    input: workbook({ [XLSX_SHEET]: [XLSX_HEADER, ["E06000051", 2021, "[x]", "-"], ["E06000052", 2021, 80, 900]] }),
    expected: {
      outcome: "rejected",
      rows: 1,
      rejects: [sheetRow(2, "C (Count)", "'[x]' is not a whole number"), sheetRow(2, "D (Amount)", "'-' is not a number")],
    },
  },
  {
    id: "xlsx-missing-column",
    description: "the Count column dropped from the header",
    loader: "xlsx",
    input: workbook({ [XLSX_SHEET]: [["Area Code", "Year", "Amount"], ["E06000051", 2021, 1500.5]] }),
    expected: { outcome: "structural", parts: [`sheet '${XLSX_SHEET}'`, "row 1", "column 'Count'", "not found in the header row"] },
  },
  {
    id: "xlsx-duplicate-header",
    description: "'Year' twice in the header",
    loader: "xlsx",
    input: workbook({ [XLSX_SHEET]: [["Area Code", "Year", "Count", "Amount", "Year"], ["E06000051", 2021, 120, 1500.5, 2022]] }),
    expected: { outcome: "structural", parts: [`sheet '${XLSX_SHEET}'`, "row 1", "column 'Year'", "appears twice (columns B and E)"] },
  },
  {
    id: "xlsx-sheet-renamed",
    description: "the data sheet renamed in a new edition",
    loader: "xlsx",
    input: workbook({ Table1: [XLSX_HEADER, ["E06000051", 2021, 120, 1500.5]] }),
    expected: { outcome: "structural", parts: [`sheet '${XLSX_SHEET}'`, "sheet not found (found: 'Table1')"] },
  },
  {
    id: "xlsx-ref-error-optional",
    description: "#REF! in the optional Amount: a counted reject keeping the error, not a null",
    loader: "xlsx",
    input: workbookWithErrors([XLSX_HEADER, ["E06000051", 2021, 120, 0], ["E06000052", 2021, 80, 900]], { D2: "#REF!" }),
    expected: { outcome: "rejected", rows: 1, rejects: [sheetRow(2, "D (Amount)", "formula error #REF!")] },
  },
  {
    id: "xlsx-na-error-required",
    description: "#N/A in the required Count: the reject names the error, not 'value is empty'",
    loader: "xlsx",
    input: workbookWithErrors([XLSX_HEADER, ["E06000051", 2021, 0, 1500.5], ["E06000052", 2021, 80, 900]], { C2: "#N/A" }),
    expected: { outcome: "rejected", rows: 1, rejects: [sheetRow(2, "C (Count)", "formula error #N/A")] },
  },
  {
    id: "xlsx-errors-everywhere",
    description: "#DIV/0! in Amount, #VALUE! in Count and #NAME? in the text Area Code: three rejected cells",
    loader: "xlsx",
    input: workbookWithErrors([XLSX_HEADER, ["x", 2021, 0, 0], ["E06000052", 2021, 80, 900]], { A2: "#NAME?", C2: "#VALUE!", D2: "#DIV/0!" }),
    expected: {
      outcome: "rejected",
      rows: 1,
      rejects: [sheetRow(2, "A (Area Code)", "formula error #NAME?"), sheetRow(2, "C (Count)", "formula error #VALUE!"), sheetRow(2, "D (Amount)", "formula error #DIV/0!")],
    },
  },
  {
    id: "xlsx-nan-inf-text",
    description: "'nan' in Amount and 'inf' in Count, as text: rejects naming the value",
    loader: "xlsx",
    input: workbook({ [XLSX_SHEET]: [XLSX_HEADER, ["E06000051", 2021, "inf", "nan"], ["E06000052", 2021, 80, 900]] }),
    expected: { outcome: "rejected", rows: 1, rejects: [sheetRow(2, "C (Count)", "'inf' is not a whole number"), sheetRow(2, "D (Amount)", "'nan' is not a number")] },
  },
  {
    id: "xlsx-truncated",
    description: "a workbook download cut off half way",
    loader: "xlsx",
    input: () => workbook({ [XLSX_SHEET]: [XLSX_HEADER, ["E06000051", 2021, 120, 1500.5]] })().subarray(0, 2000),
    expected: { outcome: "structural", parts: ["the file is truncated or not a workbook: download it again"] },
  },
  {
    id: "xlsx-corrupted-deflate",
    description: "four bytes overwritten inside the sheet's compressed data (seed 3): SheetJS reads it without a word; the zip check refuses it",
    loader: "xlsx",
    input: corruptedWorkbook(3),
    expected: { outcome: "structural", parts: ["the file is truncated or not a workbook: download it again", "damaged"] },
  },
  {
    id: "xlsx-corrupted-checksum",
    description: "overwritten bytes that still inflate (seed 1): the part's CRC-32 catches them",
    loader: "xlsx",
    input: corruptedWorkbook(1),
    expected: { outcome: "structural", parts: ["the file is truncated or not a workbook: download it again", "damaged"] },
  },
  {
    id: "xlsx-gzip",
    description: "a gzip-compressed file saved as .xlsx",
    loader: "xlsx",
    input: () => gzipSync(Buffer.from("Area Code,Year\n")),
    expected: { outcome: "structural", parts: ["gzip-compressed, not a workbook"] },
  },
  {
    id: "xlsx-not-a-workbook",
    description: "an HTML error page saved as .xlsx (a failed download)",
    loader: "xlsx",
    input: () => Buffer.from("<html><body>502 Bad Gateway</body></html>"),
    expected: { outcome: "structural", parts: ["the file is truncated or not a workbook: download it again"] },
  },
];

// The same damage with the money column declared: the rejected row's amount must be counted on
// both sides of the money reconciliation (amounts.ts), never show as a difference.
for (const [base, id, description] of [
  ["truncated-mid-row", "money-truncated-row", "a download cut off before the amount: a counted reject on both sides of the money reconciliation"],
  ["over-long-line", "money-over-long-line", "a 3 MB note beside an amount: the row is rejected and its amount counted as rejected, not as a difference"],
] as const) {
  CASES.push({ ...CASES.find((corpusCase) => corpusCase.id === base)!, id, description, declare: { amount: "amount" } });
}

// ---- Coverage: a source that loses an entity it declares stops the run naming it. ----
const HEREFORDSHIRE_FILE = "sources/data/iod2025-england-lsoa21/imd2025_england_ltla24.csv";
/** The bundled file with the value in `column` of the row for `code` replaced by `value`. */
function bundledWith(path: string, code: string, column: string, value: string): () => Buffer {
  return () => {
    const [header, ...lines] = readFileSync(path, "utf8").split("\n");
    const index = header!.split(",").map((name) => name.replaceAll('"', "")).indexOf(column);
    if (index < 0) throw new Error(`${path}: no column ${column}`);
    const changed = lines.map((line) => {
      if (!line.includes(`"${code}"`) && !line.startsWith(`${code},`)) return line;
      // Split on commas outside quotes: names such as "Herefordshire, County of" hold one.
      const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, ""));
      cells[index] = value;
      return cells.slice(0, -1).join(",");
    });
    return Buffer.from([header, ...changed].join("\n"));
  };
}
const YEARS: Coverage = { column: "area_code", entities: { codes: ["E06000051", "E06000052"] }, per: { column: "year", values: [2020, 2021] } };
CASES.push(
  {
    id: "coverage-lost-to-reject",
    description: "'not published' in Herefordshire's imd_average_score of the IoD2025 council file: the row is rejected, so the council is lost and the load fails naming it",
    loader: "csv",
    source: "iod2025-england-ltla24",
    input: bundledWith(HEREFORDSHIRE_FILE, "E06000019", "imd_average_score", "not published"),
    expected: { outcome: "coverage", missing: ["E06000019"], parts: ["iod2025-england-ltla24", "lost 1 of lower-tier councils 2024 in England", "E06000019 (its row was rejected", "column imd_average_score", 'Could not convert string "not published"', "Nothing was published"] },
  },
  {
    id: "coverage-year-missing",
    description: "an edition's file without its 2020 rows: every entity of that year is missing",
    loader: "csv",
    declare: { coverage: [YEARS] },
    input: csv(HEADER, ROW1, ROW2),
    expected: { outcome: "coverage", missing: ["year 2020: all 2 missing (no rows at all)"], parts: ["corpus-csv", "per year", "year 2020: all 2 missing"] },
  },
  {
    id: "coverage-one-council-one-year",
    description: "one council missing from one year only: named with its year",
    loader: "csv",
    declare: { coverage: [YEARS] },
    input: csv(HEADER, ROW1, ROW2, ROW1.replace("2021", "2020")),
    expected: { outcome: "coverage", missing: ["year 2020: E06000052"], parts: ["year 2020: E06000052 (not in the file)"] },
  },
  {
    id: "coverage-allowed-missing",
    description: "a council the publisher omits, allowed with a reason: the load passes",
    loader: "csv",
    declare: { coverage: [{ column: "area_code", entities: { codes: ["E06000051", "E06000052", "E06000053"] }, allowMissing: { codes: ["E06000053"], reason: "the publisher suppresses it this year" } }] },
    input: csv(HEADER, ROW1, ROW2),
    expected: { outcome: "loaded", rows: 2, values: GOOD },
  },
  {
    id: "coverage-count-short",
    description: "no reference list: fewer distinct codes than the declared count",
    loader: "csv",
    declare: { coverage: [{ column: "area_code", entities: { count: 3 } }] },
    input: csv(HEADER, ROW1, ROW2),
    expected: { outcome: "coverage", missing: ["2 distinct values of 3 expected"], parts: ["at least 3 distinct values"] },
  },
);
