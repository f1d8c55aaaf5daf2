// The MYE2 reader against every bundled edition's real layout, and against small workbooks
// built here to break it in the ways a new edition might.
import * as XLSX from "@e965/xlsx";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { StructuralError } from "../../sources/declaration.ts";
import onsMye2 from "../../sources/ons-mye2.ts";
import onsMye2022 from "../../sources/ons-mye-2022.ts";
import { MYE2_COLUMNS, readMye2Workbook } from "../../sources/readers/mye2-workbook.ts";

const root = resolve(import.meta.dirname, "../..");
const column = (name: string) => MYE2_COLUMNS.findIndex((c) => c.name === name);

// Published all-ages totals for Shropshire (E06000051), from each file's PROVENANCE.md.
const SHROPSHIRE = {
  "mid-2015": 311_380,
  "mid-2016": 313_373,
  "mid-2017": 317_459,
  "mid-2018": 320_274,
  "mid-2019": 323_136,
  "mid-2020": 325_415,
  "mid-2021": 324_716,
  "mid-2022": 327_178,
} as const;

describe("each bundled MYE2 edition", () => {
  for (const file of [...onsMye2.files, ...onsMye2022.files]) {
    it(`${file.edition}: finds all three sheets and Shropshire's published total`, () => {
      const result = readMye2Workbook(file, resolve(root, file.path));
      expect(result.rejects).toEqual([]);
      expect(result.rowsRead).toBe(result.rows.length);
      const shropshire = result.rows.filter((row) => row[column("code")] === "E06000051");
      expect(shropshire.map((row) => row[column("sex")]).sort()).toEqual(["female", "male", "persons"]);
      const persons = shropshire.find((row) => row[column("sex")] === "persons")!;
      expect(persons[column("all_ages")]).toBe(SHROPSHIRE[file.edition as keyof typeof SHROPSHIRE]);
      // The single ages, 0 to 90+, add up to the all-ages column as published.
      const ages = MYE2_COLUMNS.map((c, i) => (c.name.startsWith("age_") ? Number(persons[i]) : 0));
      expect(ages.reduce((a, b) => a + b, 0)).toBe(persons[column("all_ages")]);
    });
  }

  it("skips footnotes below the table rather than loading or rejecting them (mid-2017)", () => {
    const file = onsMye2.files.find((f) => f.edition === "mid-2017")!;
    const result = readMye2Workbook(file, resolve(root, file.path));
    expect(result.rows.every((row) => /^[A-Z]\d{8}$/.test(String(row[column("code")])))).toBe(true);
    expect(result.rowsSkipped).toBeGreaterThan(3 * 5); // title rows above, blanks and a footnote below
  });

  it("reads the geography column where the edition has one, and leaves it empty where not", () => {
    const f2015 = onsMye2.files[0]!;
    const f2022 = onsMye2022.files[0]!;
    const old = readMye2Workbook(f2015, resolve(root, f2015.path)).rows.find((r) => r[column("code")] === "E06000051")!;
    const recent = readMye2Workbook(f2022, resolve(root, f2022.path)).rows.find((r) => r[column("code")] === "E06000051")!;
    expect(old[column("geography")]).toBeNull();
    expect(recent[column("geography")]).toBe("Unitary Authority");
  });
});

/** Writes a small MYE2-style workbook: title rows, a header on `headerRow`, then data rows. */
function workbook(options: {
  sheets?: string[];
  headerRow?: number;
  header?: (string | number)[];
  rows?: (string | number | null)[][];
  /** Formula error cells (SheetJS type 'e') to put on every sheet, by address: "#REF!" etc. */
  errors?: Record<string, { code: number; text: string }>;
}) {
  const header = options.header ?? ["Code", "Name", "Geography", "All ages", ...Array.from({ length: 90 }, (_, i) => String(i)), "90+"];
  const ages = (total: number) => [total, ...Array.from({ length: 91 }, (_, i) => (i === 0 ? total : 0))];
  const rows = options.rows ?? [["E06000051", "Shropshire", "Unitary Authority", ...ages(100)]];
  const book = XLSX.utils.book_new();
  for (const name of options.sheets ?? ["MYE2 - Persons", "MYE2 - Males", "MYE2 - Females"]) {
    const aoa: unknown[][] = [["MYE2: test workbook"]];
    while (aoa.length < (options.headerRow ?? 8) - 1) aoa.push([]);
    aoa.push(header, ...rows, [], ["1. A footnote."]);
    const sheet = XLSX.utils.aoa_to_sheet(aoa);
    for (const [address, { code, text }] of Object.entries(options.errors ?? {})) sheet[address] = { t: "e", v: code, w: text };
    XLSX.utils.book_append_sheet(book, sheet, name);
  }
  const dir = mkdtempSync(join(tmpdir(), "mye2-"));
  const path = join(dir, "test.xlsx");
  writeFileSync(path, XLSX.write(book, { type: "buffer", bookType: "xlsx" }));
  return { file: { path: "sources/data/test/test.xlsx", edition: "mid-2099", released: "2099-06-30" }, path };
}

describe("layout problems stop the load with file, sheet, row and column", () => {
  it("names the missing sheet and lists those found", () => {
    const { file, path } = workbook({ sheets: ["MYE2 - Persons", "MYE2 - Males"] });
    expect(() => readMye2Workbook(file, path)).toThrow(
      "sources/data/test/test.xlsx, sheet 'MYE2 female': no MYE2 female sheet (found: 'MYE2 - Persons', 'MYE2 - Males')",
    );
  });

  it("names the sheet and column when the header row cannot be found", () => {
    const { file, path } = workbook({ headerRow: 30 });
    expect(() => readMye2Workbook(file, path)).toThrow(
      "sources/data/test/test.xlsx, sheet 'MYE2 - Persons', column 'A': header row not found: no cell reading 'Code' in column A of the first 20 rows",
    );
  });

  it("names the header row and the missing column", () => {
    const header = ["Code", "Name", "All ages", ...Array.from({ length: 90 }, (_, i) => (i === 45 ? "Forty-five" : String(i))), "90+"];
    const { file, path } = workbook({ header, headerRow: 5 });
    const error = (() => {
      try {
        readMye2Workbook(file, path);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(StructuralError);
    expect((error as Error).message).toBe(
      "sources/data/test/test.xlsx, sheet 'MYE2 - Persons', row 5, column '45': required column '45' not found in the header row",
    );
  });

  it("reports an unreadable file by name", () => {
    const dir = mkdtempSync(join(tmpdir(), "mye2-"));
    const path = join(dir, "missing.xls");
    expect(() => readMye2Workbook({ path: "sources/data/test/missing.xls", edition: "x", released: "2020-01-01" }, path)).toThrow(
      /^sources\/data\/test\/missing\.xls: cannot read file \(ENOENT/,
    );
  });
});

describe("bad rows are rejected with their place, and counted", () => {
  it("rejects a row whose count is not a whole number, naming sheet, row and column", () => {
    const good = ["E06000051", "Shropshire", "Unitary Authority", 1, 1, ...Array(90).fill(0)];
    const bad = ["E06000052", "Cornwall", "Unitary Authority", 5, 2, 3, "[x]", ...Array(88).fill(0)];
    const { file, path } = workbook({ rows: [good, bad] });
    const result = readMye2Workbook(file, path);
    expect(result.rows).toHaveLength(3);
    expect(result.rowsRead).toBe(6);
    expect(result.rejects).toHaveLength(3);
    expect(result.rejects[0]).toMatchObject({
      file: "sources/data/test/test.xlsx",
      location: "sheet 'MYE2 - Persons' row 10",
      line: 10,
      column: "G (2)",
      reason: "'[x]' is not a whole number of people",
    });
    expect(result.rejects[0]!.raw).toContain("Cornwall");
  });

  it("rejects a malformed area code", () => {
    const { file, path } = workbook({ rows: [["E0600005", "Typo", "Unitary Authority", 0, ...Array(91).fill(0)]] });
    const result = readMye2Workbook(file, path);
    expect(result.rows).toHaveLength(0);
    expect(result.rejects[0]).toMatchObject({ column: "A (Code)", reason: "area code 'E0600005' is not a letter followed by 8 digits" });
  });
});

describe("formula error cells", () => {
  // The header is on row 8; the first data row is row 9. B is Name, E is age 0.
  it("rejects a #N/A name and a #REF! count, keeping the error text in the reason and raw value", () => {
    const ages = [100, 100, ...Array<number>(90).fill(0)];
    const rows = [
      ["E06000051", "Shropshire", "Unitary Authority", ...ages],
      ["E06000052", "Cornwall", "Unitary Authority", ...ages],
      ["E06000053", "Isles of Scilly", "Unitary Authority", ...ages],
    ];
    const { file, path } = workbook({ rows, errors: { B9: { code: 0x2a, text: "#N/A" }, E10: { code: 0x17, text: "#REF!" } } });
    const result = readMye2Workbook(file, path);
    expect(result.rows.map((row) => row[column("code")])).toEqual(["E06000053", "E06000053", "E06000053"]);
    const persons = result.rejects.filter((reject) => reject.location.startsWith("sheet 'MYE2 - Persons'"));
    expect(persons.map(({ location, column, reason }) => ({ location, column, reason }))).toEqual([
      { location: "sheet 'MYE2 - Persons' row 9", column: "B (Name)", reason: "the cell holds the formula error #N/A, not a value" },
      { location: "sheet 'MYE2 - Persons' row 10", column: "E (0)", reason: "the cell holds the formula error #REF!, not a value" },
    ]);
    expect(persons[0]!.raw).toContain("#N/A");
    expect(persons[1]!.raw).toContain("#REF!");
    expect(result.rowsRead).toBe(result.rows.length + result.rejects.length);
  });
});
