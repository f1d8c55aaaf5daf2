// Spend, grants and procurement notices from the default run (tests/setup/pipeline.ts): every
// spend file's money read here, independently of the loader, matches what load_amounts says was
// loaded and rejected; the totals match PROVENANCE.md; and the contracts_ marts hold no HTML
// entities and none of the officials' contact details in the raw OCDS files.
import { unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { queryWarehouse } from "../../pipelines/warehouse.ts";
import darlington from "../../sources/darlington-spend-2021-22.ts";
import type { CsvSource } from "../../sources/declaration.ts";
import grants from "../../sources/trafford-grants-360giving.ts";
import trafford from "../../sources/trafford-spend-2024-25.ts";
import { ocdsContacts } from "../ocds-contacts.ts";

const root = resolve(import.meta.dirname, "../..");
const setup = inject("pipeline");
const warehouse = () => join(setup.warehouseDir, "warehouse.duckdb");

const query = <T>(sql: string) => queryWarehouse<T>(warehouse(), sql);

/** The published text of a declared file, unzipping a member the way a user would. */
function published(file: CsvSource["files"][number]): string {
  const bytes = readFileSync(join(root, file.path));
  if (file.member === undefined) return bytes.toString("utf8");
  return Buffer.from(unzipSync(bytes)[file.member]!).toString("utf8");
}

/** Pence in the file's amount column, by header label; rounding each value, not the sum. */
function penceInFile(source: CsvSource, file: CsvSource["files"][number]): number {
  const label = source.columns.find((column) => column.name === source.amount)!.header!;
  // Darlington's files end in unnamed columns: name them by position, so that papaparse has no
  // duplicate headers to rename (and warn about).
  const rows = Papa.parse<Record<string, string>>(published(file), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (header, index) => header || `unnamed column ${index + 1}`,
  }).data;
  return rows.reduce((sum, row) => sum + Math.round(Number(row[label]) * 100), 0);
}

const label = (file: CsvSource["files"][number]) => (file.member === undefined ? file.path : `${file.path}!${file.member}`);

describe("each spend file's money, read independently, equals loaded + rejected", () => {
  let amounts: Map<string, { in_file: number; loaded: number; rejected: number; unparsed: number }>;
  beforeAll(async () => {
    const rows = await query<{ file: string; in_file: number; loaded: number; rejected: number; unparsed: number }>(
      `select file, (amount_in_file * 100)::double as in_file, (amount_loaded * 100)::double as loaded,
              (amount_rejected * 100)::double as rejected, rejected_unparsed_rows as unparsed from load_amounts`,
    );
    amounts = new Map(rows.map((row) => [row.file, row]));
  });

  const cases = [darlington, trafford, grants].flatMap((source) => source.files.map((file) => [label(file), source, file] as const));
  it.each(cases)("%s", (name, source, file) => {
    const recorded = amounts.get(name);
    expect(recorded, `no load_amounts row for ${name}`).toBeDefined();
    const pence = penceInFile(source, file);
    expect(recorded!.in_file).toBe(pence);
    expect(recorded!.loaded + recorded!.rejected).toBe(pence);
    expect(recorded!.unparsed).toBe(0);
  });
});

describe("totals match PROVENANCE.md", () => {
  it("Darlington: about £146.6m, of which adult social care about £38.4m over 4,751 lines", async () => {
    const [row] = await query<{ amount: number; asc_amount: number; asc_lines: number; lines: number }>(
      `select sum(amount)::double as amount, sum(asc_amount)::double as asc_amount, sum(asc_lines)::integer as asc_lines, sum(lines)::integer as lines
       from contracts_spend_by_supplier where council_code = 'E06000005'`,
    );
    expect(row!.lines).toBe(22_585);
    expect(row!.amount / 1e6).toBeCloseTo(146.6, 1);
    expect(row!.asc_amount / 1e6).toBeCloseTo(38.4, 1);
    expect(row!.asc_lines).toBe(4_751);
  });

  it("Trafford: about £565.2m over 210,068 lines, 34,612 of them redacted", async () => {
    const [row] = await query<{ amount: number; lines: number; redacted: number }>(
      `select sum(amount)::double as amount, sum(lines)::integer as lines,
              sum(lines) filter (where supplier_name = 'Redacted (individuals)')::integer as redacted
       from contracts_spend_by_supplier where council_code = 'E08000009'`,
    );
    expect(row!.lines).toBe(210_068);
    expect(row!.amount / 1e6).toBeCloseTo(565.2, 1);
    expect(row!.redacted).toBe(34_612);
  });

  it("the monthly mart holds the same money as the supplier mart", async () => {
    const rows = await query<{ council_code: string; by_month: string; by_supplier: string }>(
      `select m.council_code, m.amount::varchar as by_month, s.amount::varchar as by_supplier
       from (select council_code, sum(amount) as amount from contracts_spend_by_month group by 1) m
       join (select council_code, sum(amount) as amount from contracts_spend_by_supplier group by 1) s using (council_code)`,
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.by_month).toBe(row.by_supplier);
  });

  it("Trafford grants: £1,291,436.54 over 555 awards", async () => {
    const [row] = await query<{ amount: string; awards: number }>(`select sum(amount)::varchar as amount, sum(awards)::integer as awards from contracts_grants_awards`);
    expect(row).toEqual({ amount: "1291436.54", awards: 555 });
  });
});

describe("the contracts_ marts", () => {
  let text: { table: string; value: string }[];
  beforeAll(async () => {
    const columns = await query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
       where table_name in ('contracts_spend_by_supplier', 'contracts_spend_by_month', 'contracts_grants_awards', 'contracts_procurement_notices') and data_type = 'VARCHAR'`,
    );
    // The marts built from these four sources (the review marts, built from the illustrative
    // register, are tested in contracts-review.test.ts).
    expect(new Set(columns.map((column) => column.table_name))).toEqual(
      new Set(["contracts_spend_by_supplier", "contracts_spend_by_month", "contracts_grants_awards", "contracts_procurement_notices"]),
    );
    text = [];
    for (const { table_name, column_name } of columns) {
      const rows = await query<{ value: string }>(`select distinct "${column_name}" as value from ${table_name} where "${column_name}" is not null`);
      text.push(...rows.map((row) => ({ table: table_name, value: row.value })));
    }
  });

  it("hold no HTML entities (the OCDS files have &amp;, &#039; and &amp;amp;)", () => {
    expect(text.length).toBeGreaterThan(1000);
    expect(text.filter(({ value }) => /&(amp|#0?39|quot|lt|gt|apos);/.test(value))).toEqual([]);
    expect(text.some(({ value }) => /[&']/.test(value))).toBe(true);
  });

  it("hold none of the officials' names, emails or phone numbers in the raw OCDS files", () => {
    const contacts = ocdsContacts(root);
    expect(contacts.filter((contact) => contact.kind === "email").length).toBeGreaterThanOrEqual(100);
    const haystack = text.map(({ value }) => value.toLowerCase()).join("\n");
    const found = contacts.filter((contact) => haystack.includes(contact.value.toLowerCase()));
    expect(found).toEqual([]);
  });
});
