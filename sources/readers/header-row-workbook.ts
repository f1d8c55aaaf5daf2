// Reads a workbook laid out as one plain table: a header row, possibly below title rows, and
// one record per row beneath it. Each declared column is found by its header label (the
// declaration's `header`, else its name), so reordered or extra columns in a new edition do
// not shift values into the wrong place. Only wholly blank rows, and rows a source declares as
// layout (a unit row under the header, a footnote; see `layoutRows`), are skipped: any other
// half-filled row below the table fails a column rule and is rejected, so it stays visible.
// A CSV with title rows above its header reads the same way (SheetJS parses it as one sheet).
import * as XLSX from "@e965/xlsx";
import {
  StructuralError,
  type Column,
  type RawValue,
  type SheetReadResult,
  type SourceFile,
  type SpreadsheetSource,
} from "../declaration.ts";
import { FormulaError, readWorkbookFile } from "./workbook-file.ts";

export { readWorkbookFile };

export const HEADER_SEARCH_ROWS = 20;

/** The loader appends these types natively; others would need their own conversion. */
const SUPPORTED_TYPES = new Set<Column["type"]>(["VARCHAR", "INTEGER", "DOUBLE"]);

/** Returns why a value breaks a column's rule, or null when it is acceptable. */
export type ValueCheck = (value: string | number) => string | null;

export interface HeaderRowOptions {
  /** The sheet holding the table; the first sheet when omitted. */
  sheet?: string;
  /** Rules beyond type and required, by column name; run on non-empty values after conversion. */
  checks?: Record<string, ValueCheck>;
  /**
   * Rows the publisher adds inside or below the table that are not records: a row whose only
   * non-empty cell matches one of these patterns (e.g. a unit row "(%)", a footnote) is counted
   * as skipped. Keep the patterns exact: a record with gaps must still be rejected.
   */
  layoutRows?: RegExp[];
}

type Cell = string | number | boolean | Date | FormulaError | null | undefined;

function text(cell: Cell): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

/** Header labels compare without case or repeated spaces: "Measure  value" is "Measure Value". */
function normalise(label: string): string {
  return label.trim().replace(/\s+/g, " ").toLowerCase();
}

const labelOf = (column: Column) => column.header ?? column.name;

const WHOLE_NUMBER = /^-?\d+$/;
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Converts one non-empty cell to the column's type: the value, or the reason it cannot be. */
function convert(cell: Cell, type: Column["type"]): { value: string | number } | { reason: string } {
  const raw = text(cell);
  if (type === "VARCHAR") return { value: raw };
  const number = typeof cell === "number" ? cell : DECIMAL.test(raw) ? Number(raw) : Number.NaN;
  if (type === "INTEGER") {
    const whole = typeof cell === "number" ? Number.isInteger(cell) : WHOLE_NUMBER.test(raw);
    return whole && Number.isSafeInteger(number) ? { value: number } : { reason: `'${raw}' is not a whole number` };
  }
  return Number.isFinite(number) ? { value: number } : { reason: `'${raw}' is not a number` };
}

/** Finds the header row: the row among the first few that holds the most declared labels. */
function findHeader(rows: Cell[][], columns: Column[], file: string, sheet: string): number {
  const wanted = new Set(columns.map((column) => normalise(labelOf(column))));
  let best = -1;
  let bestCount = 0;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const count = new Set(row.map((cell) => normalise(text(cell))).filter((label) => wanted.has(label))).size;
    if (count > bestCount) [best, bestCount] = [index, count];
  });
  if (best < 0) {
    const first = labelOf(columns.find((column) => column.required) ?? columns[0]!);
    throw new StructuralError(
      file,
      { sheet, column: first },
      `header row not found: none of the first ${HEADER_SEARCH_ROWS} rows holds any of the labels ${columns.map((c) => `'${labelOf(c)}'`).join(", ")}`,
    );
  }
  return best;
}

/** The sheet column index of each declared column (null if optional and absent). */
function mapColumns(header: Cell[], columns: Column[], file: string, sheet: string, row: number): (number | null)[] {
  const labels = header.map((cell) => normalise(text(cell)));
  return columns.map((column) => {
    const label = normalise(labelOf(column));
    const index = labels.indexOf(label);
    if (index < 0) {
      if (!column.required) return null;
      throw new StructuralError(file, { sheet, row, column: labelOf(column) }, `required column '${labelOf(column)}' not found in the header row`);
    }
    const again = labels.indexOf(label, index + 1);
    if (again >= 0) {
      throw new StructuralError(
        file,
        { sheet, row, column: labelOf(column) },
        `column '${labelOf(column)}' appears twice (columns ${XLSX.utils.encode_col(index)} and ${XLSX.utils.encode_col(again)})`,
      );
    }
    return index;
  });
}

/** Checks the columns and checks once, when a source is declared, not on every load. */
export function validateDeclaration(columns: Column[], options: HeaderRowOptions): void {
  for (const column of columns) {
    if (!SUPPORTED_TYPES.has(column.type)) {
      throw new Error(`column '${column.name}': type ${column.type} is not supported by the header-row reader (${[...SUPPORTED_TYPES].join(", ")})`);
    }
  }
  for (const name of Object.keys(options.checks ?? {})) {
    if (!columns.some((column) => column.name === name)) throw new Error(`a check names column '${name}', which is not declared`);
  }
}

function pickSheet(workbook: XLSX.WorkBook, file: string, wanted: string | undefined): string {
  const sheet = wanted === undefined ? workbook.SheetNames[0] : workbook.SheetNames.find((name) => name.trim() === wanted);
  if (sheet === undefined) {
    const found = workbook.SheetNames.map((name) => `'${name}'`).join(", ") || "none";
    throw new StructuralError(file, { sheet: wanted ?? "(first)" }, `sheet not found (found: ${found})`);
  }
  return sheet;
}

/** True for a row whose only non-empty cell is a declared layout label (unit row, footnote). */
function isLayoutRow(row: Cell[], patterns: RegExp[]): boolean {
  const filled = row.map(text).filter((value) => value !== "");
  return filled.length === 1 && patterns.some((pattern) => pattern.test(filled[0]!));
}

/** Reads one file into rows in declared column order, rejecting rows that break a column rule. */
export function readHeaderRowWorkbook(file: SourceFile, absolutePath: string, columns: Column[], options: HeaderRowOptions = {}): SheetReadResult {
  validateDeclaration(columns, options);
  const workbook = readWorkbookFile(file.path, absolutePath);
  return readHeaderRowSheet(workbook, file, columns, options);
}

/**
 * Reads the table on one sheet of a parsed workbook (options.sheet, else the first), so that a
 * reader of several sheets parses the file once.
 */
export function readHeaderRowSheet(workbook: XLSX.WorkBook, file: SourceFile, columns: Column[], options: HeaderRowOptions = {}): SheetReadResult {
  const sheet = pickSheet(workbook, file.path, options.sheet);
  const worksheet = workbook.Sheets[sheet]!;
  const ref = worksheet["!ref"];
  if (!ref) throw new StructuralError(file.path, { sheet }, "the sheet is empty");
  const firstRow = XLSX.utils.decode_range(ref).s.r + 1;
  const rows: Cell[][] = XLSX.utils.sheet_to_json(worksheet, { header: 1, blankrows: true, defval: null, raw: true });

  const headerIndex = findHeader(rows, columns, file.path, sheet);
  const header = rows[headerIndex] ?? [];
  const indexes = mapColumns(header, columns, file.path, sheet, firstRow + headerIndex);
  // Title rows above the header, and the header itself, are layout rather than data.
  const result: SheetReadResult = { rows: [], rejects: [], rowsRead: 0, rowsSkipped: headerIndex + 1 };

  for (let index = headerIndex + 1; index < rows.length; index++) {
    const row = rows[index] ?? [];
    if (row.every((cell) => text(cell) === "") || isLayoutRow(row, options.layoutRows ?? [])) {
      result.rowsSkipped++;
      continue;
    }
    result.rowsRead++;
    const sheetRow = firstRow + index;
    const values: RawValue[] = [];
    const problems: { column: number; reason: string }[] = [];
    columns.forEach((column, position) => {
      const at = indexes[position]!;
      // An optional column this edition lacks: every row holds null for it.
      if (at === null) {
        values.push(null);
        return;
      }
      const cell = row[at];
      // A formula that failed in the publisher's workbook (#REF!, #N/A): no value, and not an empty one.
      if (cell instanceof FormulaError) {
        problems.push({ column: at, reason: `the cell holds the formula error ${cell.text}, not a value` });
        values.push(null);
        return;
      }
      if (text(cell) === "") {
        if (column.required) problems.push({ column: at, reason: "value is empty" });
        values.push(null);
        return;
      }
      const converted = convert(cell, column.type);
      if ("reason" in converted) {
        problems.push({ column: at, reason: converted.reason });
        values.push(null);
        return;
      }
      const broken = options.checks?.[column.name]?.(converted.value) ?? null;
      if (broken !== null) problems.push({ column: at, reason: broken });
      values.push(converted.value);
    });
    if (problems.length === 0) {
      result.rows.push(values);
      continue;
    }
    // One reject per broken cell; the loader counts the row once (by location).
    const raw = row.map(text).join(",");
    for (const problem of problems) {
      result.rejects.push({
        file: file.path,
        location: `sheet '${sheet}' row ${sheetRow}`,
        line: sheetRow,
        column: `${XLSX.utils.encode_col(problem.column)} (${text(header[problem.column]) || "?"})`,
        reason: problem.reason,
        raw,
      });
    }
  }
  return result;
}

/** A `read` function for defineSpreadsheetSource; checks the declaration straight away. */
export function headerRowReader(columns: Column[], options: HeaderRowOptions = {}): SpreadsheetSource["read"] {
  validateDeclaration(columns, options);
  return (file, absolutePath) => readHeaderRowWorkbook(file, absolutePath, columns, options);
}
