// The scaling generator at N=2 on small inputs: rows double, headers and formats stay as
// published (the project's own loaders read the output), area codes stay unique, and the same
// seed gives the same bytes.
import * as XLSX from "@e965/xlsx";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadSource } from "../../pipelines/load/index.ts";
import { rewriteCodes, scaleCsv, scaleWorkbook, SCALED_SOURCES, syntheticCode, syntheticLocationId } from "../../pipelines/bench/scale-generate.ts";
import { growthExponent } from "../../pipelines/bench/scale.ts";
import { openWarehouse, type Warehouse } from "../../pipelines/warehouse.ts";
import cqc from "../../sources/cqc-care-homes-england-2021.ts";
import type { Source } from "../../sources/declaration.ts";
import iod, { IOD2019_LSOA_COLUMNS } from "../../sources/iod2019-lsoa-domains.ts";

const repo = resolve(import.meta.dirname, "../..");
let db: Warehouse | null = null;
const roots: string[] = [];
afterEach(() => {
  db?.close();
  db = null;
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Writes files into a throwaway root and loads them with the source's own declaration. */
async function loadScaled(source: Source, outputs: { path: string; bytes: Buffer | string }[]) {
  const root = mkdtempSync(join(tmpdir(), "scale-test-"));
  roots.push(root);
  for (const output of outputs) {
    mkdirSync(dirname(join(root, output.path)), { recursive: true });
    writeFileSync(join(root, output.path), output.bytes);
  }
  db = await openWarehouse(":memory:");
  const files = outputs.map((output) => ({ ...source.files[0]!, path: output.path }));
  const loads = await loadSource(db, { ...source, files }, { root, runId: "test" });
  return { loads, db };
}

const CQC_RECORDS = 60;
const cqcSample = () => {
  const lines = readFileSync(resolve(repo, cqc.files[0]!.path), "utf8").split("\n");
  // The first records, and an NHS site (its ID is a trust site code, not "1-" and digits).
  const nhs = lines.find((line) => /^R[A-Z0-9]+,/.test(line));
  expect(nhs).toBeDefined();
  return `${[...lines.slice(0, CQC_RECORDS), nhs!].join("\n")}\n`;
};
const cqcRewrite = SCALED_SOURCES.find((input) => input.source === cqc.id)!;

describe("scaling the CQC care homes CSV", () => {
  const scale = (seed: number) => scaleCsv(cqcSample(), { n: 2, seed, rewrite: "csv" in cqcRewrite ? cqcRewrite.csv : rewriteCodes });

  it("keeps the header and the published records byte for byte, and adds one rewritten copy of each", () => {
    const sample = cqcSample().split("\n").slice(0, -1);
    const out = scale(7).split("\n");
    expect(out.pop()).toBe("");
    expect(out).toHaveLength(1 + 2 * (CQC_RECORDS));
    expect(out.slice(0, sample.length)).toEqual(sample);
    const copies = out.slice(sample.length);
    // Same fields bar the IDs and codes: compare with the codes masked.
    const mask = (line: string) => line.replace(/^[^,]+/, "ID").replace(/E\d{8}/g, "CODE");
    expect(copies.map(mask).sort()).toEqual(sample.slice(1).map(mask).sort());
  });

  it("loads through the project's CSV loader with twice the rows, none rejected, and unique IDs", async () => {
    const { loads, db } = await loadScaled(cqc, [{ path: cqc.files[0]!.path, bytes: scale(7) }]);
    expect(loads[0]).toMatchObject({ rowsRead: 2 * CQC_RECORDS, rowsLoaded: 2 * CQC_RECORDS, rowsRejected: 0 });
    const [counts] = await db.all<{ ids: number; lads: number; copies: number }>(
      `select count(distinct location_id)::integer as ids, count(distinct lad)::integer as lads,
              count(*) filter (where lad like 'E06001%' or lad like 'E07001%' or lad like 'E08001%' or lad like 'E09001%')::integer as copies
       from raw_cqc_care_homes_england_2021`,
    );
    const [original] = await db.all<{ lads: number }>(`select count(distinct lad)::integer as lads from raw_cqc_care_homes_england_2021 where lad not like 'E0_001%'`);
    expect(counts).toEqual({ ids: 2 * CQC_RECORDS, lads: 2 * original!.lads, copies: CQC_RECORDS });
  });

  it("gives the same bytes for the same seed, and another order for another seed", () => {
    expect(scale(7)).toBe(scale(7));
    expect(scale(8)).not.toBe(scale(7));
    expect(scale(8).split("\n").sort()).toEqual(scale(7).split("\n").sort());
  });

  it("refuses a record that runs onto the next line, naming the line", () => {
    expect(() => scaleCsv('a,b\n1,"x\ny"\n', { n: 2, seed: 1, rewrite: rewriteCodes, file: "f.csv" })).toThrow("f.csv, line 2: a quoted value runs onto the next line");
  });
});

/** A small workbook laid out like IoD2019 File 2: a Notes sheet and the table sheet. */
function smallIod(): Buffer {
  const header = IOD2019_LSOA_COLUMNS.map((column) => column.header!);
  const rows = Array.from({ length: 25 }, (_, i) => [
    `E0100${String(1000 + i).padStart(4, "0")}`,
    `Shropshire ${String(1 + Math.floor(i / 4)).padStart(3, "0")}${"ABCD"[i % 4]}`,
    i < 20 ? "E06000051" : "E07000242",
    i < 20 ? "Shropshire" : "East Hertfordshire",
    ...Array.from({ length: 8 }, (_, d) => {
      const rank = 1 + ((i * 1300 + d * 97) % 32844);
      return [rank, Math.ceil((rank * 10) / 32844)];
    }).flat(),
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["Notes on the data"], ["Ranks run 1 to 32,844."]]), "Notes");
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([header, ...rows]), "IoD2019 Domains");
  return XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

describe("scaling the IoD2019 LSOA workbook", () => {
  const input = smallIod();
  const scale = (seed: number) => scaleWorkbook(input, { n: 2, seed, sheets: (name) => name === "IoD2019 Domains", file: "small.xlsx" });

  it("keeps the sheets, the notes and the header row, and doubles the LSOA rows", () => {
    const parts = scale(3);
    expect(parts).toHaveLength(1);
    const before = XLSX.read(input);
    const after = XLSX.read(parts[0]!);
    expect(after.SheetNames).toEqual(before.SheetNames);
    expect(XLSX.utils.sheet_to_json(after.Sheets.Notes!, { header: 1 })).toEqual(XLSX.utils.sheet_to_json(before.Sheets.Notes!, { header: 1 }));
    const rowsBefore = XLSX.utils.sheet_to_json<unknown[]>(before.Sheets["IoD2019 Domains"]!, { header: 1 });
    const rowsAfter = XLSX.utils.sheet_to_json<unknown[]>(after.Sheets["IoD2019 Domains"]!, { header: 1 });
    expect(rowsAfter).toHaveLength(1 + 2 * 25);
    expect(rowsAfter.slice(0, 26)).toEqual(rowsBefore);
  });

  it("loads through the IoD2019 reader with twice the rows, none rejected, unique LSOA codes and the ranks unchanged", async () => {
    const { loads, db } = await loadScaled(iod, [{ path: iod.files[0]!.path, bytes: scale(3)[0]! }]);
    expect(loads[0]).toMatchObject({ rowsRead: 50, rowsLoaded: 50, rowsRejected: 0 });
    const [counts] = await db.all(
      `select count(distinct lsoa_code)::integer as lsoas, count(distinct lad_code)::integer as lads,
              count(distinct (lsoa_name, imd_rank, income_decile, living_environment_rank))::integer as contents
       from raw_iod2019_lsoa_domains`,
    );
    expect(counts).toEqual({ lsoas: 50, lads: 4, contents: 25 });
    // Copy 1 of a Shropshire LSOA sits in copy 1 of Shropshire, in both columns.
    const [copy] = await db.all(`select lsoa_code, lad_code from raw_iod2019_lsoa_domains where lsoa_code = '${syntheticCode("E01001000", 1)}'`);
    expect(copy).toEqual({ lsoa_code: "E30041000", lad_code: "E06001051" });
  });

  it("gives the same bytes for the same seed", () => {
    expect(Buffer.compare(scale(3)[0]!, scale(3)[0]!)).toBe(0);
  });

  it("splits a sheet past the size limit into parts that load together, each with the header", async () => {
    // 30 rows of 20 cells per part: the header and one copy of 25 LSOAs fit, two do not.
    const parts = scaleWorkbook(input, { n: 3, seed: 3, sheets: (name) => name === "IoD2019 Domains", maxCellsPerPart: 600 });
    expect(parts).toHaveLength(3);
    const path = (part: number) => iod.files[0]!.path.replace(/\.xlsx$/, part === 0 ? ".xlsx" : `-part${part + 1}.xlsx`);
    const { loads, db } = await loadScaled(iod, parts.map((bytes, part) => ({ path: path(part), bytes })));
    expect(loads.map((load) => load.rowsLoaded)).toEqual([25, 25, 25]);
    const [counts] = await db.all(`select count(distinct lsoa_code)::integer as lsoas, count(distinct _source_file)::integer as files from raw_iod2019_lsoa_domains`);
    expect(counts).toEqual({ lsoas: 75, files: 3 });
  });
});

describe("splitting a workbook whose table holds rows for other countries", () => {
  it("writes the titles, header and footnote into every part, but the UK, Welsh and Scottish rows into the first only", () => {
    const book = XLSX.utils.book_new();
    const rows = [
      ["Population by area"],
      ["Code", "Name", "All ages"],
      ["K02000001", "United Kingdom", 6],
      ["E06000051", "Shropshire", 1],
      ["W06000001", "Isle of Anglesey", 2],
      ["E06000052", "Cornwall", 3],
      ["S12000005", "Clackmannanshire", 4],
      ["Source: a footnote"],
    ];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), "Table");
    const input = XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer;
    const parts = scaleWorkbook(input, { n: 3, seed: 1, sheets: () => true, maxCellsPerPart: 27 });
    const read = parts.map((part) => XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(part).Sheets.Table!, { header: 1 }));
    expect(read).toHaveLength(3);
    expect(read[0]).toEqual(rows);
    for (const part of read.slice(1)) {
      expect(part.slice(0, 2)).toEqual(rows.slice(0, 2));
      expect(part.slice(2).map((row) => String(row[0]).slice(0, 3))).toEqual(["E06", "E06", "Sou"]);
    }
    const codes = read.flatMap((part) => part.slice(2, -1).map((row) => row[0]));
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe("synthetic codes", () => {
  it("are well formed, unique over 50 copies, and keep a council's entity (E06 stays E06)", () => {
    const real = ["E01000001", "E01033768", "E02006934", "E00176774", "E06000051", "E07000242", "E10000034", "E12000009", "E92000001"];
    const all = real.flatMap((code) => Array.from({ length: 50 }, (_, copy) => syntheticCode(code, copy)));
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((code) => /^E\d{8}$/.test(code))).toBe(true);
    expect(syntheticCode("E06000051", 49)).toBe("E06049051");
    expect(syntheticCode("E07000242", 3).slice(0, 3)).toBe("E07");
  });

  it("say so when a copy no longer fits", () => {
    expect(() => syntheticCode("E00176774", 50)).toThrow("cannot make copy 50 of area code E00176774");
    expect(() => syntheticCode("W01000001", 1)).toThrow("'W01000001' is not an English area code");
  });

  it("keep CQC location IDs apart across copies", () => {
    const ids = ["1-112951275", "1-1000012345", "RQX41"].flatMap((id) => Array.from({ length: 20 }, (_, copy) => syntheticLocationId(id, copy)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(syntheticLocationId("1-112951275", 2)).toBe("1-002112951275");
  });
});

describe("the growth exponent", () => {
  it("is 1 for linear growth, 2 for quadratic and about 0 for a constant", () => {
    const xs = [1, 2, 5, 10, 25, 50];
    expect(growthExponent(xs.map((x) => ({ x, y: 3 * x })))).toBeCloseTo(1, 10);
    expect(growthExponent(xs.map((x) => ({ x, y: x * x })))).toBeCloseTo(2, 10);
    expect(growthExponent(xs.map((x) => ({ x, y: 7 })))).toBeCloseTo(0, 10);
  });
});
