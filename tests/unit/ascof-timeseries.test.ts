// The ASCOF 2024-25 time-series reader against the bundled ODS, read independently here with
// SheetJS: every Table_ sheet, every area row, every year and figure, as published text.
import * as XLSX from "@e965/xlsx";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import ascof from "../../sources/ascof-2024-25.ts";
import type { SheetReadResult } from "../../sources/declaration.ts";
import { measureOfSheet } from "../../sources/readers/ascof-timeseries-workbook.ts";

const repo = resolve(import.meta.dirname, "../..");
const file = ascof.files[0]!;

describe("the bundled ASCOF 2024-25 time series", () => {
  let result: SheetReadResult;
  let book: XLSX.WorkBook;
  beforeAll(() => {
    result = ascof.read(file, resolve(repo, file.path));
    book = XLSX.read(readFileSync(resolve(repo, file.path)));
  }, 60_000);
  const cell = (measure: string, area: string, year: string, figure: string) =>
    result.rows.find((row) => row[1] === measure && row[4] === area && row[5] === year && row[6] === figure)?.[7];

  it("reads 25 measure tables with no rejects, and reconciles cells read with rows loaded", () => {
    expect(result.rejects).toEqual([]);
    expect(new Set(result.rows.map((row) => row[0])).size).toBe(25);
    expect(result.rowsRead).toBe(result.rows.length);
  });

  it("names measures as the Contents sheet prints them", () => {
    expect(measureOfSheet("Table_2d(1)")).toBe("2D(1)");
    expect(measureOfSheet("Table_3d(2a)")).toBe("3D(2a)");
    expect(measureOfSheet("Table_6b")).toBe("6B");
  });

  it("gives Shropshire's published figures (PROVENANCE.md validation table)", () => {
    expect(cell("2A", "E06000051", "2024-25", "numerator")).toBe("1695");
    expect(cell("2A", "E06000051", "2024-25", "denominator")).toBe("2081");
    expect(cell("2A", "E06000051", "2024-25", "outcome")).toBe("81.5");
    expect(cell("2C", "E06000051", "2024-25", "outcome")).toBe("618.5");
    expect(cell("6B", "E06000051", "2024-25", "6b numerator")).toBe("84");
    expect(cell("6B", "E06000051", "2024-25", "6b denominator")).toBe("107");
    expect(cell("6A", "E06000051", "2024-25", "outcome")).toBe("25.2");
    expect(cell("1C", "E06000051", "2024-25", "outcome")).toBe("[z]");
    expect(cell("1A", "E06000051", "2020-21", "outcome")).toBe("[x]");
  });

  it("holds every cell of every table as SheetJS reads it independently", () => {
    let checked = 0;
    for (const sheet of book.SheetNames.filter((name) => name.startsWith("Table_"))) {
      const grid = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[sheet]!, { header: 1, raw: true, defval: null });
      const at = grid.findIndex((row) => row[0] === "Local authority code");
      const header = grid[at] as string[];
      const mine = new Map(result.rows.filter((row) => row[0] === sheet).map((row) => [`${row[2]}|${row[4]}|${row[5]}|${row[6]}`, row[7]]));
      for (const row of grid.slice(at + 1)) {
        if (row[0] === null) continue;
        for (let c = 3; c < header.length; c++) {
          const [, from, to, figure] = /^(\d{4}) to (\d{4}) - (.+)$/.exec(header[c]!)!;
          const key = `${String(row[0]).trim()}|${row[2] === null ? null : String(row[2]).trim()}|${from}-${to!.slice(2)}|${figure!.trim().toLowerCase()}`;
          const published = row[c] === null ? null : String(row[c]).trim();
          expect(mine.get(key), `${sheet} ${key}`).toBe(published === "" ? null : published);
          checked++;
        }
      }
    }
    expect(checked).toBe(result.rows.length);
  });
});
