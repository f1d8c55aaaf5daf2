// CSV sources go through DuckDB's read_csv with explicit columns and store_rejects; these pin
// the BOM, the header check, rejected lines and the reconciliation of counts.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { countCsvRecords, LineCounter } from "../../pipelines/load/bytes.ts";
import { loadSource } from "../../pipelines/load/index.ts";
import { openWarehouse, type Warehouse } from "../../pipelines/warehouse.ts";
import { defineCsvSource, type CsvSource } from "../../sources/declaration.ts";
import lookup from "../../sources/ons-ltla-utla-2022.ts";
import snpp from "../../sources/ons-snpp-2022.ts";

const repo = resolve(import.meta.dirname, "../..");
let db: Warehouse | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

/** A throwaway project root holding a copy of one source file, optionally edited. */
function copyOf(source: CsvSource, edit?: (text: string) => string) {
  const root = mkdtempSync(join(tmpdir(), "load-csv-"));
  const file = source.files[0]!;
  mkdirSync(join(root, file.path, ".."), { recursive: true });
  if (edit) writeFileSync(join(root, file.path), edit(readFileSync(resolve(repo, file.path), "utf8")));
  else copyFileSync(resolve(repo, file.path), join(root, file.path));
  return { root, source: defineCsvSource({ ...source, files: [file] }) };
}

async function load(root: string, source: CsvSource) {
  db = await openWarehouse(":memory:");
  return loadSource(db, source, { root, runId: "test" });
}

describe("the lookup CSV, which starts with a byte-order mark", () => {
  it("loads every row with the first column named correctly", async () => {
    const { root, source } = copyOf(lookup);
    expect(readFileSync(join(root, source.files[0]!.path)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [result] = await load(root, source);
    expect(result).toMatchObject({ rowsRead: 331, rowsLoaded: 331, rowsRejected: 0 });
    const rows = await db!.all(`select ltla22cd, utla22cd from raw_ons_ltla_utla_2022 where ltla22nm = 'Shropshire'`);
    expect(rows).toEqual([{ ltla22cd: "E06000051", utla22cd: "E06000051" }]);
  });
});

describe("a copy of the projections with a broken row", () => {
  const breakLine = (lineNumber: number, replace: (line: string) => string) => (text: string) =>
    text
      .split("\n")
      .map((line, index) => (index === lineNumber - 1 ? replace(line) : line))
      .join("\n");

  it("keeps the good rows, rejects the bad one and names file, line and column", async () => {
    // Line 5 is Shropshire, persons, age 3: put text where the 2030 projection should be.
    const { root, source } = copyOf(
      snpp,
      breakLine(5, (line) => line.split(",").map((cell, i) => (i === 13 ? "n/a" : cell)).join(",")),
    );
    const [result] = await load(root, source);
    expect(result).toMatchObject({ rowsRead: 736, rowsLoaded: 735, rowsRejected: 1 });
    const rejects = await db!.all(`select source, file, location, line, column_name, reason, raw from rejects`);
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({
      source: "ons-snpp-2022",
      file: "sources/data/ons-snpp-2022/2022_SNPP_Population_persons_E06000051.csv",
      location: "line 5",
      line: 5,
      column_name: "y2030",
    });
    expect(String(rejects[0]!.reason)).toContain(`Could not convert string "n/a"`);
    expect(String(rejects[0]!.raw)).toMatch(/^E06000051,Shropshire,Population,persons,3,/);
  });

  it("rejects a short row as missing columns, counted once", async () => {
    const { root, source } = copyOf(snpp, breakLine(10, (line) => line.split(",").slice(0, 6).join(",")));
    const [result] = await load(root, source);
    expect(result).toMatchObject({ rowsRead: 736, rowsLoaded: 735, rowsRejected: 1 });
    const [reject] = await db!.all(`select line, reason from rejects`);
    expect(reject).toMatchObject({ line: 10 });
    expect(String(reject!.reason)).toMatch(/^MISSING COLUMNS/);
  });
});

describe("a structural problem stops the load with file, row and column", () => {
  it("a renamed header column", async () => {
    const { root, source } = copyOf(snpp, (text) => text.replace('"AGE_GROUP"', '"AGE"'));
    await expect(load(root, source)).rejects.toThrow(
      "sources/data/ons-snpp-2022/2022_SNPP_Population_persons_E06000051.csv, row 1, column 'AGE_GROUP': required column 'AGE_GROUP' missing from the header (position 5 reads 'AGE')",
    );
  });

  it("columns in a different order", async () => {
    const { root, source } = copyOf(lookup, (text) => text.replace("LTLA22CD,LTLA22NM", "LTLA22NM,LTLA22CD"));
    await expect(load(root, source)).rejects.toThrow(/row 1, column 'LTLA22CD': column 'LTLA22CD' expected in position 1 but found in position 2/);
  });

  it("a missing file", async () => {
    const { root, source } = copyOf(lookup);
    const gone = defineCsvSource({ ...source, files: [{ ...source.files[0]!, path: "sources/data/nowhere.csv" }] });
    db = await openWarehouse(":memory:");
    await expect(loadSource(db, gone, { root, runId: "t" })).rejects.toThrow(/^sources\/data\/nowhere\.csv: cannot read file/);
  });
});

describe("counting records", () => {
  it("ignores the header, blank lines, CRLF endings and a missing final newline", () => {
    expect(countCsvRecords(Buffer.from("a,b\r\n1,2\r\n\r\n3,4"))).toBe(2);
    expect(countCsvRecords(Buffer.from("a,b\n"))).toBe(0);
    expect(countCsvRecords(Buffer.from(""))).toBe(0);
  });

  it("gives the same count whichever way a streamed file is cut into chunks", () => {
    const text = Buffer.from("a,b\r\n1,2\r\n\r\n3,4\n\n5,6\r\n");
    for (let cut = 0; cut <= text.length; cut++) {
      const counter = new LineCounter();
      counter.push(text.subarray(0, cut));
      counter.push(text.subarray(cut));
      expect(counter.finish() - 1, `cut at byte ${cut}`).toBe(3);
    }
  });

  it("counts a quoted value with newlines (and escaped quotes) as one record, wherever the chunks are cut", () => {
    const text = Buffer.from('a,b\r\n1,"two\r\nlines, ""quoted"""\n"x\n\ny",3\n4,5\n');
    for (let cut = 0; cut <= text.length; cut++) {
      const counter = new LineCounter();
      counter.push(text.subarray(0, cut));
      counter.push(text.subarray(cut));
      expect(counter.finish() - 1, `cut at byte ${cut}`).toBe(3);
      expect(counter.openQuote, `cut at byte ${cut}`).toBeNull();
    }
  });

  it("notes a quote left open at the end, the first NUL byte and the first change of line ending", () => {
    const counter = new LineCounter();
    counter.push(Buffer.from('a,b\r\n1,2\n3,"open\n4,5\n'));
    counter.finish();
    expect(counter.openQuote).toEqual({ line: 3, offset: 11 });
    expect(counter.mixedEndingLine).toBe(2);
    const nul = new LineCounter();
    nul.push(Buffer.from("a,b\n1,2\n3\u0000,4\n"));
    expect(nul.nulLine).toBe(3);
  });
});
