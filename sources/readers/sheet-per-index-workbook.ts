// Reads a workbook that holds the same table once per sheet, each sheet's headers starting with
// that sheet's own label: the English Indices of Deprivation local-authority summaries have a
// sheet per index or domain ("IMD - Average score" on sheet IMD, "Education, Skills and
// Training - Average score" on sheet Education). The rows come out long: the first declared
// column holds the sheet name, the rest are read by header-row-workbook.ts, with "{label}" in
// a column's header replaced by the sheet's label. The file is parsed once for all sheets.
import type { Column, SheetReadResult, SourceFile, SpreadsheetSource } from "../declaration.ts";
import { readHeaderRowSheet, readWorkbookFile, validateDeclaration, type HeaderRowOptions } from "./header-row-workbook.ts";

export const LABEL = "{label}";

export interface SheetPerIndexOptions extends Omit<HeaderRowOptions, "sheet"> {
  /** Sheet name → the label its column headers start with; read in this order. */
  sheets: Record<string, string>;
}

/** The first declared column receives the sheet name; it is not read from the sheet. */
function splitColumns(columns: Column[]): { sheetColumn: Column; read: Column[] } {
  const [sheetColumn, ...read] = columns;
  if (!sheetColumn || sheetColumn.type !== "VARCHAR" || sheetColumn.header !== undefined) {
    throw new Error("the first column of a sheet-per-index source holds the sheet name: a VARCHAR column without a header");
  }
  if (!read.some((column) => column.header?.includes(LABEL))) {
    throw new Error(`no column header holds ${LABEL}: every sheet would be read with the same labels`);
  }
  return { sheetColumn, read };
}

/** The columns as labelled on one sheet. */
export function columnsForSheet(columns: Column[], label: string): Column[] {
  return columns.map((column) => (column.header?.includes(LABEL) ? { ...column, header: column.header.replaceAll(LABEL, label) } : column));
}

export function readSheetPerIndexWorkbook(file: SourceFile, absolutePath: string, columns: Column[], options: SheetPerIndexOptions): SheetReadResult {
  const { read } = splitColumns(columns);
  const workbook = readWorkbookFile(file.path, absolutePath);
  const result: SheetReadResult = { rows: [], rejects: [], rowsRead: 0, rowsSkipped: 0 };
  for (const [sheet, label] of Object.entries(options.sheets)) {
    // A missing sheet, header row or column is a StructuralError naming this sheet.
    const part = readHeaderRowSheet(workbook, file, columnsForSheet(read, label), { ...options, sheet });
    result.rows.push(...part.rows.map((row) => [sheet, ...row]));
    result.rejects.push(...part.rejects);
    result.rowsRead += part.rowsRead;
    result.rowsSkipped += part.rowsSkipped;
  }
  return result;
}

/** A `read` function for defineSpreadsheetSource; checks the declaration straight away. */
export function sheetPerIndexReader(columns: Column[], options: SheetPerIndexOptions): SpreadsheetSource["read"] {
  const { read } = splitColumns(columns);
  if (Object.keys(options.sheets).length === 0) throw new Error("a sheet-per-index source names at least one sheet");
  validateDeclaration(read, options);
  return (file, absolutePath) => readSheetPerIndexWorkbook(file, absolutePath, columns, options);
}
