// CSV downloads never carry a formula a spreadsheet would run, even one followed by a line
// break, which papaparse's own escapeFormulae check let through.
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { spreadsheetCsv } from "../../reports/components/spreadsheet-csv.js";

describe("spreadsheetCsv", () => {
  it("escapes formula-like text cells, including one with a line break inside", () => {
    const trap = '=HYPERLINK("http://example.invalid","Click")\nmore';
    expect(Papa.unparse([{ a: trap }], { escapeFormulae: true })).toContain('"=HYPERLINK'); // the library's check misses it
    const csv = spreadsheetCsv([{ a: trap, b: "+44 1743", c: "-5", d: "@sum", e: "plain", f: 12 }]);
    const [row] = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    expect(row).toEqual({ a: `'${trap}`, b: "'+44 1743", c: "'-5", d: "'@sum", e: "plain", f: "12" });
  });
});
