// Types for spreadsheet-csv.js (plain JS so that Framework pages import it as they are).
export const SPREADSHEET_FORMULA: RegExp;
export function spreadsheetCsv(data: unknown[] | { fields: string[]; data: unknown[][] }): string;
