// Reads the MYE2 tables (population by single year of age and sex, one row per area) out of
// ONS mid-year estimate workbooks. Every edition from mid-2015 to mid-2022 lays the table out
// a little differently (sheet names, header row, `CODE`/`Code`, `Geography`/`Geography1`,
// top age `90` or `90+`, ages stored as numbers or text), so the reader finds each piece by
// its label rather than by position.
import * as XLSX from "@e965/xlsx";
import { StructuralError, type Column, type RawValue, type SheetReadResult, type SourceFile } from "../declaration.ts";
import { FormulaError, readWorkbookFile } from "./workbook-file.ts";

export const SEX_SHEETS = [
  { sex: "persons", pattern: /^(MYE2\s*-\s*(All|Persons)|Persons UK)$/i },
  { sex: "male", pattern: /^(MYE2\s*-\s*(M|Males)|Males UK)$/i },
  { sex: "female", pattern: /^(MYE2\s*-\s*(F|Females)|Females UK)$/i },
] as const;

export const AGES = Array.from({ length: 91 }, (_, age) => age);
export const ageColumn = (age: number) => (age === 90 ? "age_90_plus" : `age_${age}`);

/** Columns of the raw table, in order. Shared by the mid-2015…2021 and mid-2022 sources. */
export const MYE2_COLUMNS: Column[] = [
  { name: "edition", type: "VARCHAR", required: true, description: "Reference date of the estimates, e.g. mid-2019" },
  { name: "sheet", type: "VARCHAR", required: true, description: "Worksheet name as published" },
  { name: "sheet_row", type: "INTEGER", required: true, description: "1-based spreadsheet row" },
  { name: "sex", type: "VARCHAR", required: true, description: "persons, male or female (from the sheet)", rule: "one of persons, male, female" },
  { name: "code", type: "VARCHAR", required: true, description: "ONS area code", rule: "9 characters: a letter and 8 digits" },
  { name: "name", type: "VARCHAR", required: true, description: "Area name as published" },
  { name: "geography", type: "VARCHAR", required: false, description: "Area type (absent before mid-2017)" },
  { name: "all_ages", type: "INTEGER", required: true, description: "All ages", rule: "whole number, 0 or more" },
  ...AGES.map(
    (age): Column => ({
      name: ageColumn(age),
      type: "INTEGER",
      required: true,
      description: age === 90 ? "Aged 90 and over" : `Aged ${age}`,
      rule: "whole number, 0 or more",
    }),
  ),
];

const HEADER_SEARCH_ROWS = 20;
const AREA_CODE = /^[A-Z]\d{8}$/;

type Cell = string | number | boolean | Date | FormulaError | null | undefined;

function text(cell: Cell): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

function isEmpty(cell: Cell): boolean {
  return text(cell) === "";
}

/** Finds the column index of each label in the header row; throws naming the first one missing. */
function mapHeader(header: Cell[], file: string, sheet: string, row: number) {
  const labels = header.map((cell) => text(cell).toLowerCase());
  const find = (pattern: RegExp) => labels.findIndex((label) => pattern.test(label));
  const need = (pattern: RegExp, label: string) => {
    const index = find(pattern);
    if (index < 0) throw new StructuralError(file, { sheet, row, column: label }, `required column '${label}' not found in the header row`);
    return index;
  };
  const ages = AGES.map((age) =>
    need(age === 90 ? /^90\+?$/ : new RegExp(`^${age}(\\.0)?$`), age === 90 ? "90+" : String(age)),
  );
  const geography = find(/^geography1?$/);
  return {
    code: need(/^code$/, "Code"),
    name: need(/^name$/, "Name"),
    geography: geography < 0 ? null : geography,
    allAges: need(/^all ages$/, "All ages"),
    ages,
  };
}

function wholeNumber(cell: Cell): number | null {
  if (typeof cell === "number") return Number.isInteger(cell) && cell >= 0 ? cell : null;
  const value = text(cell).replace(/,/g, "");
  return /^\d+$/.test(value) ? Number(value) : null;
}

function readSheet(
  worksheet: XLSX.WorkSheet,
  sheet: string,
  sex: string,
  file: SourceFile,
  result: SheetReadResult,
): void {
  const ref = worksheet["!ref"];
  if (!ref) throw new StructuralError(file.path, { sheet }, "the sheet is empty");
  const firstRow = XLSX.utils.decode_range(ref).s.r + 1;
  const rows: Cell[][] = XLSX.utils.sheet_to_json(worksheet, { header: 1, blankrows: true, defval: null, raw: true });

  const headerIndex = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => /^code$/i.test(text(row[0])));
  if (headerIndex < 0) {
    throw new StructuralError(
      file.path,
      { sheet, column: "A" },
      `header row not found: no cell reading 'Code' in column A of the first ${HEADER_SEARCH_ROWS} rows`,
    );
  }
  const headerRow = firstRow + headerIndex;
  const header = rows[headerIndex] ?? [];
  const columns = mapHeader(header, file.path, sheet, headerRow);
  result.rowsSkipped += headerIndex + 1;

  for (let index = headerIndex + 1; index < rows.length; index++) {
    const row = rows[index] ?? [];
    const sheetRow = firstRow + index;
    const code = text(row[columns.code]);
    const otherCellsEmpty = row.every((cell, column) => column === columns.code || isEmpty(cell));
    // Blank rows and footnotes ("1. Further information …") sit below the table in some editions.
    if (otherCellsEmpty && !AREA_CODE.test(code)) {
      result.rowsSkipped++;
      continue;
    }
    result.rowsRead++;
    const reject = (columnIndex: number, reason: string) =>
      result.rejects.push({
        file: file.path,
        location: `sheet '${sheet}' row ${sheetRow}`,
        line: sheetRow,
        column: `${XLSX.utils.encode_col(columnIndex)} (${text(header[columnIndex]) || "?"})`,
        reason,
        raw: row.map(text).join(","),
      });

    // A formula that failed in the publisher's workbook (#REF!, #N/A) is no value, and not an empty one.
    const read = [columns.code, columns.name, ...(columns.geography === null ? [] : [columns.geography]), columns.allAges, ...columns.ages];
    const error = read.find((column) => row[column] instanceof FormulaError);
    if (error !== undefined) {
      reject(error, `the cell holds the formula error ${text(row[error])}, not a value`);
      continue;
    }
    if (!AREA_CODE.test(code)) {
      reject(columns.code, `area code '${code}' is not a letter followed by 8 digits`);
      continue;
    }
    const name = text(row[columns.name]);
    if (name === "") {
      reject(columns.name, "area name is empty");
      continue;
    }
    const counts: number[] = [];
    let bad: { column: number; value: string } | null = null;
    for (const column of [columns.allAges, ...columns.ages]) {
      const value = wholeNumber(row[column]);
      if (value === null) {
        bad = { column, value: text(row[column]) };
        break;
      }
      counts.push(value);
    }
    if (bad) {
      reject(bad.column, `'${bad.value}' is not a whole number of people`);
      continue;
    }
    const geography = columns.geography === null ? null : text(row[columns.geography]) || null;
    const values: RawValue[] = [file.edition, sheet, sheetRow, sex, code, name, geography, ...counts];
    result.rows.push(values);
  }
}

/** Reads the persons, male and female MYE2 sheets of one workbook (.xls or .xlsx). */
export function readMye2Workbook(file: SourceFile, absolutePath: string): SheetReadResult {
  const workbook = readWorkbookFile(file.path, absolutePath, (names) => names.filter((name) => SEX_SHEETS.some(({ pattern }) => pattern.test(name.trim()))));
  const result: SheetReadResult = { rows: [], rejects: [], rowsRead: 0, rowsSkipped: 0 };
  for (const { sex, pattern } of SEX_SHEETS) {
    const sheet = workbook.SheetNames.find((name) => pattern.test(name.trim()));
    if (sheet === undefined) {
      throw new StructuralError(
        file.path,
        { sheet: `MYE2 ${sex}` },
        `no MYE2 ${sex} sheet (found: ${workbook.SheetNames.map((name) => `'${name}'`).join(", ")})`,
      );
    }
    readSheet(workbook.Sheets[sheet]!, sheet, sex, file, result);
  }
  return result;
}
