// Reads DHSC's ASCOF time-series workbook (ODS): one `Table_<measure>` sheet per measure, each
// with a few note lines, then a header row starting "Local authority code", "Local authority",
// "ONS area code" and one column per year and figure ("2024 to 2025 - numerator", "... -
// margin of error", "... - 6b outcome"). Rows come out long, one per area, measure, year and
// figure, with the cell as published text (a number, or a marker such as [x], [c], [z]), so
// that staging decides what each marker means. The file is parsed once for all sheets.
import * as XLSX from "@e965/xlsx";
import { StructuralError, type RawValue, type Reject, type SheetReadResult, type SourceFile } from "../declaration.ts";
import { FormulaError, readWorkbookFile } from "./workbook-file.ts";

const LEADING = ["Local authority code", "Local authority", "ONS area code"] as const;
const YEAR_FIGURE = /^(\d{4}) to (\d{4}) - (.+)$/;

/** 'Table_2d(1)' → '2D(1)', 'Table_3d(2a)' → '3D(2a)': the measure code as the Contents sheet prints it. */
export function measureOfSheet(sheet: string): string {
  const code = sheet.replace(/^Table_/, "");
  return code.replace(/^(\d)([a-z])/, (_, digit: string, letter: string) => `${digit}${letter.toUpperCase()}`);
}

const text = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof FormulaError) return value.text;
  const s = String(value).trim();
  return s === "" ? null : s;
};

/**
 * Columns out: sheet, measure_code, la_code, la_name, area_code, year ("2024-25"), figure
 * ("numerator", "margin of error", "6b outcome", …), value (published text).
 */
export function readAscofTimeseries(file: SourceFile, absolutePath: string): SheetReadResult {
  const workbook = readWorkbookFile(file.path, absolutePath);
  const sheets = workbook.SheetNames.filter((name) => name.startsWith("Table_"));
  if (sheets.length === 0) throw new StructuralError(file.path, {}, "no Table_ sheets: is this the ASCOF time-series workbook?");
  const result: SheetReadResult = { rows: [], rejects: [], rowsRead: 0, rowsSkipped: 0 };
  for (const sheet of sheets) {
    const grid = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[sheet]!, { header: 1, raw: true, defval: null, blankrows: true });
    const headerAt = grid.findIndex((row) => text(row[0]) === LEADING[0]);
    if (headerAt < 0) throw new StructuralError(file.path, { sheet }, `no header row starting '${LEADING[0]}'`);
    const header = grid[headerAt]!.map(text);
    LEADING.forEach((label, index) => {
      if (header[index] !== label) throw new StructuralError(file.path, { sheet, row: headerAt + 1 }, `column ${index + 1} is '${header[index]}', expected '${label}'`);
    });
    const columns = header.slice(3).map((label, index) => {
      const match = label === null ? null : YEAR_FIGURE.exec(label);
      if (!match) throw new StructuralError(file.path, { sheet, row: headerAt + 1, column: label ?? `(blank, column ${index + 4})` }, "not a '<year> to <year> - <figure>' column");
      if (Number(match[2]) !== Number(match[1]) + 1) throw new StructuralError(file.path, { sheet, column: label! }, "a year column must span one financial year");
      return { year: `${match[1]}-${match[2]!.slice(2)}`, figure: match[3]!.trim().toLowerCase() };
    });
    const measure = measureOfSheet(sheet);
    result.rowsSkipped += headerAt + 1;
    for (let r = headerAt + 1; r < grid.length; r++) {
      const row = grid[r]!;
      const laCode = text(row[0]);
      if (laCode === null && row.every((cell) => text(cell) === null)) {
        result.rowsSkipped++;
        continue;
      }
      const laName = text(row[1]);
      const areaCode = text(row[2]);
      const location = `sheet '${sheet}' row ${r + 1}`;
      const reject = (reason: string): Reject => ({ file: file.path, location, line: r + 1, column: null, reason, raw: JSON.stringify(row) });
      if (laCode === null || laName === null) {
        result.rejects.push(reject("a row without a local authority code or name"));
        result.rowsRead++;
        continue;
      }
      // One long row per cell: the load reconciles cells read with rows loaded and rejected.
      result.rowsRead += columns.length;
      columns.forEach(({ year, figure }, index) => {
        const value: RawValue = text(row[index + 3]);
        result.rows.push([sheet, measure, laCode, laName, areaCode, year, figure, value]);
      });
    }
  }
  return result;
}
