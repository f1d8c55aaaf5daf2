// CSV for downloads that people open in a spreadsheet. A text cell that starts with =, +, -, @,
// a tab or a return is given a leading quote so that it never runs as a formula. papaparse's
// own `escapeFormulae: true` tests the whole value with /^[=+\-@\t\r].*$/, which a line break
// inside the value defeats ("=HYPERLINK(...)" then a newline went through unescaped); testing
// the first character alone does not.
import Papa from "papaparse";

export const SPREADSHEET_FORMULA = /^[=+\-@\t\r]/;

/** papaparse's unparse, with every formula-like text cell escaped. */
export function spreadsheetCsv(data) {
  return Papa.unparse(data, { escapeFormulae: SPREADSHEET_FORMULA });
}
