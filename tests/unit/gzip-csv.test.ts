// The gzipped CSV reader (sources/readers/gzip-csv.ts): a bad value rejects its row and names the
// line and column; a header that differs from the declaration stops the read; a file that is not
// gzip is a structural error naming it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { StructuralError, type Column } from "../../sources/declaration.ts";
import { readGzipCsv } from "../../sources/readers/gzip-csv.ts";

const dir = mkdtempSync(join(tmpdir(), "gzip-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const columns: Column[] = [
  { name: "area_code", type: "VARCHAR", required: true, header: "AREA_CODE", description: "code" },
  { name: "y2018", type: "INTEGER", required: true, header: "2018", description: "count" },
  { name: "rate", type: "DOUBLE", required: false, header: "RATE", description: "rate" },
];
const file = (name: string, text: string, zip = true) => {
  const path = join(dir, name);
  writeFileSync(path, zip ? gzipSync(text) : text);
  return { path, file: { path: `sources/data/x/${name}`, edition: "test", released: "2020-03-24" } };
};

describe("readGzipCsv", () => {
  it("reads typed rows and rejects a row whose value is not a whole number, naming line and column", () => {
    const { path, file: declared } = file("ok.csv.gz", "AREA_CODE,2018,RATE\r\nE1,10,0.5\r\nE2,1.5,\r\nE3,7,\r\n");
    const result = readGzipCsv(columns, declared, path);
    expect(result.rows).toEqual([
      ["E1", 10, 0.5],
      ["E3", 7, null],
    ]);
    expect(result.rowsRead).toBe(3);
    expect(result.rejects).toEqual([{ file: declared.path, location: "line 3", line: 3, column: "2018", reason: "'1.5' is not a whole number", raw: "E2,1.5," }]);
  });

  it("rejects an empty required value and a row with too few fields", () => {
    const { path, file: declared } = file("short.csv.gz", "AREA_CODE,2018,RATE\n,3,1\nE2\n");
    const reasons = readGzipCsv(columns, declared, path).rejects.map((reject) => `${reject.location}: ${reject.reason}`);
    expect(reasons).toEqual(["line 2: required value is empty", "line 3: 1 fields, 3 declared", "line 3: required value is empty"]);
  });

  it("stops on a header that differs from the declaration", () => {
    const { path, file: declared } = file("header.csv.gz", "AREA_CODE,2019,RATE\nE1,1,1\n");
    expect(() => readGzipCsv(columns, declared, path)).toThrow(StructuralError);
    expect(() => readGzipCsv(columns, declared, path)).toThrow("column '2018' expected in position 2 (found '2019')");
  });

  it("names a file that is not gzip", () => {
    const { path, file: declared } = file("plain.csv.gz", "AREA_CODE,2018,RATE\n", false);
    expect(() => readGzipCsv(columns, declared, path)).toThrow(/sources\/data\/x\/plain\.csv\.gz: cannot read the gzipped file/);
  });
});
