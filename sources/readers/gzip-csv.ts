// Reads a gzipped CSV (a publisher's ".csv.gz") in TypeScript, for as long as the CSV loader
// reads only plain files and zip members: decompressed in memory, parsed with papaparse, each
// value checked against its declared type. The header must match the declaration position by
// position, as the CSV loader requires. A row with a bad value is rejected, never coerced.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import Papa from "papaparse";
import { StructuralError, type Column, type RawValue, type Reject, type SheetReadResult, type SourceFile } from "../declaration.ts";

const WHOLE_NUMBER = /^-?\d+$/;
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A value in its declared type, or why it cannot be. */
function convert(raw: string, column: Column): { value: RawValue } | { reason: string } {
  if (raw === "") return column.required ? { reason: "required value is empty" } : { value: null };
  if (column.type === "VARCHAR") return { value: raw };
  if (column.type === "INTEGER") return WHOLE_NUMBER.test(raw) && Number.isSafeInteger(Number(raw)) ? { value: Number(raw) } : { reason: `'${raw}' is not a whole number` };
  if (column.type === "DOUBLE") return DECIMAL.test(raw) ? { value: Number(raw) } : { reason: `'${raw}' is not a number` };
  throw new Error(`column '${column.name}': type ${column.type} is not supported by the gzip CSV reader`);
}

export function readGzipCsv(columns: Column[], file: SourceFile, absolutePath: string): SheetReadResult {
  let text: string;
  try {
    text = gunzipSync(readFileSync(absolutePath)).toString("utf8").replace(/^\uFEFF/, "");
  } catch (error) {
    throw new StructuralError(file.path, {}, `cannot read the gzipped file (${(error as Error).message})`);
  }
  const parsed = Papa.parse<string[]>(text, { delimiter: ",", skipEmptyLines: true });
  const [header = [], ...records] = parsed.data;
  columns.forEach((column, index) => {
    const expected = column.header ?? column.name;
    if (header[index]?.trim() !== expected) {
      throw new StructuralError(file.path, { row: 1, column: expected }, `column '${expected}' expected in position ${index + 1} (found '${header[index] ?? ""}')`);
    }
  });
  if (header.length > columns.length) throw new StructuralError(file.path, { row: 1, column: header[columns.length] }, `unexpected extra column (the declaration has ${columns.length})`);

  const rows: RawValue[][] = [];
  const rejects: Reject[] = [];
  records.forEach((record, index) => {
    // Records are numbered as lines: the header is line 1 (no value here holds a newline).
    const line = index + 2;
    const problems: Reject[] = [];
    if (record.length !== columns.length) problems.push({ file: file.path, location: `line ${line}`, line, column: null, reason: `${record.length} fields, ${columns.length} declared`, raw: record.join(",") });
    const row = columns.map((column, at) => {
      const result = convert(record[at] ?? "", column);
      if ("value" in result) return result.value;
      problems.push({ file: file.path, location: `line ${line}`, line, column: column.header ?? column.name, reason: result.reason, raw: record.join(",") });
      return null;
    });
    if (problems.length === 0) rows.push(row);
    else rejects.push(...problems);
  });
  return { rows, rejects, rowsRead: records.length, rowsSkipped: 0 };
}
