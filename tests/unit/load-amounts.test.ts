// Money reconciliation: a source that declares its amount column has each file's total, read
// from the text in whole pence, checked against the total loaded plus the total rejected, and
// recorded in load_amounts. Also the zip member and optional trailing column the spend files need.
import { zipSync } from "fflate";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatPence, parsePence } from "../../pipelines/load/amounts.ts";
import { loadSource } from "../../pipelines/load/index.ts";
import { openWarehouse, type Warehouse } from "../../pipelines/warehouse.ts";
import { defineCsvSource, OGL, StructuralError, type Column, type SourceFile } from "../../sources/declaration.ts";

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const COLUMNS: Column[] = [
  { name: "supplier", type: "VARCHAR", required: true, header: "Supplier", description: "Supplier" },
  { name: "paid_on", type: "DATE", required: true, header: "Date", description: "Payment date" },
  { name: "amount", type: "DOUBLE", required: true, header: "Amount", description: "Amount in GBP" },
  { name: "spare", type: "VARCHAR", required: false, header: "", description: "Empty trailing column some months have" },
];

function source(files: SourceFile[]) {
  return defineCsvSource({
    id: "money-test",
    title: "Money test",
    publisher: "Test",
    licence: OGL,
    edition: "test",
    url: "https://example.org/",
    format: "csv",
    cadenceMonths: 1,
    classification: "internal",
    table: "raw_money_test",
    amount: "amount",
    files,
    columns: COLUMNS,
  });
}

/** Writes files into a fresh root, loads them, and hands back the warehouse (or the error). */
async function load(files: Record<string, string | Uint8Array>, declared: SourceFile[]) {
  const root = mkdtempSync(join(tmpdir(), "amounts-"));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  const db: Warehouse = await openWarehouse(":memory:");
  try {
    const loads = await loadSource(db, source(declared), { root, runId: "test" });
    return { db, loads, error: null };
  } catch (error) {
    return { db, loads: [], error: error as Error };
  }
}

const file = (path: string, member?: string): SourceFile => ({ path, edition: "test", released: "2024-01-01", ...(member ? { member } : {}) });

async function amounts(db: Warehouse) {
  return db.all<Record<string, string | number>>(
    `select file, amount_in_file::varchar as in_file, amount_loaded::varchar as loaded, amount_rejected::varchar as rejected,
            rejected_unparsed_rows as unparsed from load_amounts order by file`,
  );
}

describe("parsePence", () => {
  it.each([
    ["1234.5", 123450n],
    ["-98.21", -9821n],
    [".5", 50n],
    ["7", 700n],
    ["12.300", 1230n],
    ["", 0n],
  ])("reads '%s' as %s pence", (text, pence) => expect(parsePence(text)).toBe(pence));

  it.each(["£5", "1,000", "12.345", "abc", ".", "1e3"])("refuses '%s' (not a plain amount to the penny)", (text) => expect(parsePence(text)).toBeNull());

  it("formats pence back exactly, negatives included", () => {
    expect(formatPence(-5n)).toBe("-0.05");
    expect(formatPence(56521957374n)).toBe("565219573.74");
  });
});

describe("a file with rejected rows", () => {
  // Line 3's date is not a date (amount 250.25 parseable); line 4's amount is not a number.
  const csv = "Supplier,Date,Amount\nAcme,2024-01-05,1000.10\nBeta,not a date,250.25\nGamma,2024-01-07,lots\nDelta,2024-01-08,-0.35\n";

  it("records the file total, the loaded total and the rejected total, which reconcile", async () => {
    const { db, loads, error } = await load({ "data/jan.csv": csv }, [file("data/jan.csv")]);
    expect(error).toBeNull();
    expect(loads[0]).toMatchObject({ rowsRead: 4, rowsLoaded: 2, rowsRejected: 2 });
    // 1000.10 + 250.25 - 0.35 in the file: 1000.10 - 0.35 loaded, 250.25 rejected; 'lots' counted as unparsed, not summed.
    expect(await amounts(db)).toEqual([{ file: "data/jan.csv", in_file: "1250.00", loaded: "999.75", rejected: "250.25", unparsed: 1 }]);
    db.close();
  });
});

describe("a file whose loaded total differs from its text", () => {
  it("rejects an amount DuckDB would accept but the reconciliation cannot read to the penny, counting it on both sides", async () => {
    const { db, loads, error } = await load({ "data/feb.csv": "Supplier,Date,Amount\nAcme,2024-02-01,10.005\nBeta,2024-02-02,1.50\n" }, [file("data/feb.csv")]);
    expect(error).toBeNull();
    expect(loads[0]).toMatchObject({ rowsRead: 2, rowsLoaded: 1, rowsRejected: 1 });
    expect(await db.all(`select location, column_name, reason from rejects`)).toEqual([
      { location: "line 2", column_name: "amount", reason: expect.stringContaining(`Could not convert string "10.005"`) },
    ]);
    expect(await amounts(db)).toEqual([{ file: "data/feb.csv", in_file: "1.50", loaded: "1.50", rejected: "0.00", unparsed: 1 }]);
    db.close();
  });
});

describe("a zip member", () => {
  const csv = "Supplier,Date,Amount\nAcme,2024-03-01,12.34\nBeta,2024-03-02,oops\n";
  const zip = zipSync({ "spend.csv": new TextEncoder().encode(csv), "readme.txt": new TextEncoder().encode("not data") });

  it("loads the member, names it '<zip>!<member>' in rows, rejects and amounts, and keeps the zip's hash", async () => {
    const { db, loads, error } = await load({ "data/spend.zip": zip }, [file("data/spend.zip", "spend.csv")]);
    expect(error).toBeNull();
    expect(loads[0]).toMatchObject({ file: "data/spend.zip", rowsRead: 2, rowsLoaded: 1, rowsRejected: 1 });
    const { createHash } = await import("node:crypto");
    expect(loads[0]!.sha256).toBe(createHash("sha256").update(zip).digest("hex"));
    expect(await db.all(`select file, location from rejects`)).toEqual([{ file: "data/spend.zip!spend.csv", location: "line 3" }]);
    expect(await db.all(`select distinct _source_file from raw_money_test`)).toEqual([{ _source_file: "data/spend.zip!spend.csv" }]);
    expect(await amounts(db)).toEqual([{ file: "data/spend.zip!spend.csv", in_file: "12.34", loaded: "12.34", rejected: "0.00", unparsed: 1 }]);
    db.close();
  });

  it("refuses a zip without the declared member, naming the zip and the member", async () => {
    const { db, error } = await load({ "data/spend.zip": zip }, [file("data/spend.zip", "other.csv")]);
    expect(error).toBeInstanceOf(StructuralError);
    expect(error?.message).toBe("data/spend.zip: the zip has no member 'other.csv'");
    db.close();
  });
});

describe("an optional trailing column", () => {
  it("loads files with and without it, leaving it NULL where absent", async () => {
    const without = "Supplier,Date,Amount\nAcme,2024-04-01,5.00\n";
    const withIt = "Supplier,Date,Amount,\nBeta,2024-05-01,6.00,\n";
    const { db, error } = await load({ "a.csv": without, "b.csv": withIt }, [file("a.csv"), file("b.csv")]);
    expect(error).toBeNull();
    expect(await db.all(`select supplier, spare from raw_money_test order by supplier`)).toEqual([
      { supplier: "Acme", spare: null },
      { supplier: "Beta", spare: null },
    ]);
    db.close();
  });

  it("still refuses a missing required column", async () => {
    const { db, error } = await load({ "c.csv": "Supplier,Date\nAcme,2024-04-01\n" }, [file("c.csv")]);
    expect(error?.message).toMatch(/^c\.csv, row 1, column 'Amount': required column 'Amount' missing/);
    db.close();
  });
});
