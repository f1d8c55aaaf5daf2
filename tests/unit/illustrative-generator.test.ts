// The committed illustrative files are exactly what the seed produces, and they obey the
// formats their PROVENANCE.md states (read here with papaparse, not with the generator's code).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AS_AT, generateIllustrativeContracts, INVOICE_HEADER, KPI_HEADER, OUTPUT_DIR, REGISTER_HEADER } from "../../pipelines/illustrative/generate-contracts.ts";
import { mulberry32 } from "../../pipelines/illustrative/prng.ts";
import illustrativeContractRegister from "../../sources/illustrative-contract-register.ts";
import illustrativeInvoices from "../../sources/illustrative-invoices.ts";
import illustrativeKpiReturns from "../../sources/illustrative-kpi-returns.ts";

const root = resolve(import.meta.dirname, "../..");
const committed = join(root, OUTPUT_DIR);
const COUNCILS = ["E06000051", "E08000009"];
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function rows(name: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(join(committed, name), "utf8"), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const validDate = (text: string) => ISO_DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
const monthsBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / (30.4375 * 86_400_000);

describe("mulberry32", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe("the illustrative generator", () => {
  let fresh: string;
  beforeAll(() => {
    fresh = mkdtempSync(join(tmpdir(), "illustrative-"));
    generateIllustrativeContracts(fresh);
  });
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it("writes byte for byte the files committed in sources/data/illustrative-contracts", () => {
    const written = readdirSync(fresh).sort();
    expect(written).toEqual(readdirSync(committed).filter((name) => name.endsWith(".csv")).sort());
    expect(written).toHaveLength(6);
    for (const name of written) expect(readFileSync(join(fresh, name)).equals(readFileSync(join(committed, name))), name).toBe(true);
  });

  it("writes the files each source declaration lists, with the declared headers", () => {
    for (const source of [illustrativeContractRegister, illustrativeKpiReturns, illustrativeInvoices]) {
      expect(source.title.startsWith("Illustrative data:")).toBe(true);
      expect(source.notes?.startsWith("Illustrative data:")).toBe(true);
      expect(source.classification).toBe("internal");
      for (const file of source.files) {
        const header = readFileSync(join(root, file.path), "utf8").split("\n")[0]!;
        expect(Papa.parse<string[]>(header).data[0]).toEqual(source.columns.map((c) => c.header));
      }
    }
    expect(illustrativeContractRegister.columns.map((c) => c.header)).toEqual([...REGISTER_HEADER]);
    expect(illustrativeKpiReturns.columns.map((c) => c.header)).toEqual([...KPI_HEADER]);
    expect(illustrativeInvoices.columns.map((c) => c.header)).toEqual([...INVOICE_HEADER]);
  });
});

describe.each(COUNCILS)("illustrative files for %s", (council) => {
  const register = rows(`contract-register-${council}.csv`);
  const kpis = rows(`kpi-returns-${council}.csv`);
  const invoices = rows(`invoices-${council}.csv`);
  const references = new Set(register.map((row) => row["Reference Number"]));

  it("holds about 60 contracts with unique references, Y/N flags, ISO dates and positive values", () => {
    expect(register.length).toBeGreaterThanOrEqual(55);
    expect(register.length).toBeLessThanOrEqual(65);
    expect(references.size).toBe(register.length);
    for (const row of register) {
      expect(row["Council Code"]).toBe(council);
      expect(["Y", "N"]).toContain(row["SME"]);
      expect(["Y", "N"]).toContain(row["VCSE"]);
      for (const field of ["Start Date", "End Date", "Review Date"]) expect(validDate(row[field]!), `${row["Reference Number"]} ${field}`).toBe(true);
      expect(row["End Date"]! >= row["Start Date"]!).toBe(true);
      expect(row["Start Date"]! >= "2019-01-01" && row["Start Date"]! <= "2026-12-31").toBe(true);
      expect(Number(row["Value of Contract"])).toBeGreaterThan(0);
      expect(row["Supplier Registration Number"]).toMatch(/^(\d{6,7}|\d{8})$/);
    }
  });

  it("is mostly adult social care, with end dates in every band the review pages report", () => {
    expect(register.filter((row) => row["Department"] === "Adult Social Care").length / register.length).toBeGreaterThan(0.6);
    const months = register.map((row) => monthsBetween(AS_AT, row["End Date"]!));
    expect(months.filter((m) => m < 0).length).toBeGreaterThan(0);
    expect(months.filter((m) => m >= 0 && m < 6).length).toBeGreaterThan(0);
    expect(months.filter((m) => m >= 6 && m < 12).length).toBeGreaterThan(0);
    expect(months.filter((m) => m >= 12 && m < 18).length).toBeGreaterThan(0);
    expect(months.filter((m) => m >= 18).length).toBeGreaterThan(0);
  });

  it("has KPI returns for known contracts whose numerators never exceed their denominators", () => {
    for (const row of kpis) {
      expect(references.has(row["Contract Reference"])).toBe(true);
      expect(row["Month"]).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(["proportion", "rate", "count"]).toContain(row["Measure Type"]);
      expect(["higher", "lower"]).toContain(row["Direction"]);
      const numerator = Number(row["Numerator"]);
      expect(Number.isInteger(numerator) && numerator >= 0).toBe(true);
      if (row["Measure Type"] === "count") expect(row["Denominator"]).toBe("");
      else {
        const denominator = Number(row["Denominator"]);
        expect(denominator).toBeGreaterThan(0);
        const scale = Number(row["Multiplier"]);
        expect(Math.abs(Number(row["Actual"]) - (numerator / denominator) * scale)).toBeLessThan(0.006);
        if (row["Measure Type"] === "proportion") expect(numerator).toBeLessThanOrEqual(denominator);
      }
    }
    const months = new Set(kpis.map((row) => row["Month"]));
    expect(months.size).toBe(24);
    // Small samples exist (wide intervals), and some contract KPIs miss months.
    expect(kpis.some((row) => row["Measure Type"] === "proportion" && Number(row["Denominator"]) < 10)).toBe(true);
    const perKpi = new Map<string, number>();
    for (const row of kpis) perKpi.set(`${row["Contract Reference"]} ${row["KPI ID"]}`, (perKpi.get(`${row["Contract Reference"]} ${row["KPI ID"]}`) ?? 0) + 1);
    expect([...perKpi.values()].some((n) => n < 24)).toBe(true);
  });

  it("has invoices for known contracts, ISO dates, Y/N disputes and some paid late", () => {
    expect(new Set(invoices.map((row) => row["Invoice Number"])).size).toBe(invoices.length);
    let late = 0;
    for (const row of invoices) {
      expect(references.has(row["Contract Reference"])).toBe(true);
      expect(["Y", "N"]).toContain(row["Disputed"]);
      expect(validDate(row["Invoice Received Date"]!)).toBe(true);
      expect(row["Invoice Received Date"]! < AS_AT).toBe(true);
      if (row["Paid Date"]) {
        expect(validDate(row["Paid Date"])).toBe(true);
        expect(row["Paid Date"] >= row["Invoice Received Date"]!).toBe(true);
        if ((Date.parse(row["Paid Date"]) - Date.parse(row["Invoice Received Date"]!)) / 86_400_000 > 30) late++;
      }
    }
    expect(late / invoices.length).toBeGreaterThan(0.02);
    expect(late / invoices.length).toBeLessThan(0.5);
  });
});
