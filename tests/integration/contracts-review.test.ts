// The contract review marts from the default run (tests/setup/pipeline.ts), checked against the
// illustrative CSVs read independently here: expiry bands against end dates, prompt payment
// recounted from the invoices, spend from the invoices, and the illustrative flag on every row.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { contractHref } from "../../reports/components/contract-path.js";
import { ocdsPackage, type RegisterRow } from "../../reports/internal/data/ocds-export.ts";
import { MIN_RETURNS } from "../../models/contracts/kpi-ratings.ts";
import { queryWarehouse } from "../../pipelines/warehouse.ts";

const root = resolve(import.meta.dirname, "../..");
const setup = inject("pipeline");
const council = (JSON.parse(readFileSync(join(root, "pipelines/council.json"), "utf8")) as { council: string }).council;
const DATA = "sources/data/illustrative-contracts";

const query = <T>(sql: string) => queryWarehouse<T>(join(setup.warehouseDir, "warehouse.duckdb"), sql);

function csv(name: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(join(root, DATA, name), "utf8"), { header: true, skipEmptyLines: true }).data;
}

const dayOf = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
/** The same calendar day n months on (JS rolls 31 August + 6 months to 3 March, as SQL clamps to 28/29 February; bands only differ on such days). */
const monthsOn = (iso: string, n: number) => {
  const d = new Date(dayOf(iso));
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last));
};

describe("contract review marts", () => {
  const register = csv(`contract-register-${council}.csv`);
  const references = new Set(register.map((row) => row["Reference Number"]!));
  let marts: string[] = [];
  beforeAll(async () => {
    // The review marts: every contracts_ table built from the register, returns or invoices
    // (the spend, grants and notices marts come from published files: contracts-sources.test.ts).
    marts = (
      await query<{ table_name: string }>(
        `select distinct table_name from information_schema.columns where table_name like 'contracts\\_%' escape '\\' and column_name = 'is_illustrative' order by 1`,
      )
    ).map((r) => r.table_name);
  });

  it("builds every contracts_ mart, and the configured council's register in full", async () => {
    expect(marts).toEqual(
      expect.arrayContaining([
        "contracts_register", "contracts_expiries", "contracts_spend_vs_value", "contracts_supplier_mix",
        "contracts_prompt_payment", "contracts_kpi_ratings", "contracts_kpi_monthly", "contracts_decommissioning_candidates",
      ]),
    );
    const rows = await query<{ reference: string; council_code: string }>(`select reference, council_code from contracts_register where council_code = '${council}'`);
    expect(new Set(rows.map((r) => r.reference))).toEqual(references);
    expect(rows.every((r) => r.council_code === council)).toBe(true);
    // National marts: every council's rows, keyed by council_code; the site filters by its council.
    const [other] = await query<{ n: number }>(`select count(*)::integer as n from contracts_register where council_code <> '${council}'`);
    expect(other!.n).toBeGreaterThan(0);
    for (const mart of marts.filter((m) => m !== "contracts_decommissioning_candidates")) {
      const [{ n }] = (await query<{ n: number }>(`select count(*)::integer as n from "${mart}"`)) as [{ n: number }];
      expect(n, mart).toBeGreaterThan(0);
    }
  });

  it("gives every contract in the register an address on the internal site's contract page, with its data", async () => {
    // One page shows every contract (reports/internal/contract.md); the browser tests open it for a sample.
    expect(readdirSync(join(setup.internalSiteDir, "internal")).filter((name) => name.startsWith("contract"))).toEqual(["contract.html"]);
    const dataDir = join(setup.internalSiteDir, "_file", "internal", "data");
    const file = readdirSync(dataDir).find((name) => /^contracts\.[0-9a-f]+\.json$/.test(name));
    const data = JSON.parse(readFileSync(join(dataDir, file!), "utf8")) as { register: { reference: string }[] };
    expect(new Set(data.register.map((c) => c.reference))).toEqual(references);
    for (const reference of references) expect(new URLSearchParams(contractHref(reference).split("?")[1]).get("reference")).toBe(reference);
  });

  it("loads the illustrative files with nothing rejected and every line accounted for", async () => {
    const loads = await query<{ source: string; rows_read: number; rows_loaded: number; rows_rejected: number }>(
      `select source, rows_read, rows_loaded, rows_rejected from loads where source like 'illustrative-%'`,
    );
    expect(loads).toHaveLength(6);
    for (const load of loads) {
      expect(load.rows_rejected).toBe(0);
      expect(load.rows_read).toBe(load.rows_loaded);
    }
  });

  it("flags every row of every contracts_ mart as illustrative", async () => {
    expect(marts.length).toBeGreaterThanOrEqual(8);
    for (const mart of marts) {
      const [row] = await query<{ n: number; flagged: number }>(`select count(*)::integer as n, count(*) filter (where is_illustrative)::integer as flagged from "${mart}"`);
      expect(row!.flagged, mart).toBe(row!.n);
    }
  });

  it("puts each contract in the expiry band its end date gives, counted from the run date", async () => {
    const rows = await query<{ reference: string; end_date: string; as_at: string; expiry_band: string; months_to_end: number }>(
      `select reference, end_date::varchar as end_date, as_at::varchar as as_at, expiry_band, months_to_end from contracts_register where council_code = '${council}'`,
    );
    const published = new Map(register.map((row) => [row["Reference Number"]!, row["End Date"]!]));
    for (const row of rows) {
      expect(row.end_date).toBe(published.get(row.reference));
      const end = dayOf(row.end_date);
      const expected =
        end < dayOf(row.as_at) ? "ended" : end < monthsOn(row.as_at, 6) ? "0-6 months" : end < monthsOn(row.as_at, 12) ? "6-12 months" : end < monthsOn(row.as_at, 18) ? "12-18 months" : "later";
      expect(row.expiry_band, row.reference).toBe(expected);
      expect(row.months_to_end).toBeCloseTo((end - dayOf(row.as_at)) / 86_400_000 / 30.4375, 1);
    }
    // The whole-council pipeline is cumulative and matches the register's bands.
    const whole = await query<{ window_months: number; contracts_ending: number }>(
      `select window_months, contracts_ending from contracts_expiries where council_code = '${council}' and department = 'All departments' order by window_months`,
    );
    const count = (bands: string[]) => rows.filter((r) => bands.includes(r.expiry_band)).length;
    expect(whole.map((w) => w.contracts_ending)).toEqual([count(["0-6 months"]), count(["0-6 months", "6-12 months"]), count(["0-6 months", "6-12 months", "12-18 months"])]);
  });

  it("recounts prompt payment from the invoices CSV: overall, SMEs, VCSEs and by quarter", async () => {
    const status = new Map(register.map((row) => [row["Reference Number"]!, { sme: row["SME"] === "Y", vcse: row["VCSE"] === "Y" }]));
    const tally = new Map<string, { paid: number; onTime: number }>();
    const add = (key: string, onTime: boolean) => {
      const t = tally.get(key) ?? { paid: 0, onTime: 0 };
      t.paid += 1;
      if (onTime) t.onTime += 1;
      tally.set(key, t);
    };
    for (const invoice of csv(`invoices-${council}.csv`)) {
      const contract = status.get(invoice["Contract Reference"]!);
      if (!contract || invoice["Disputed"] === "Y" || !invoice["Paid Date"]) continue;
      const onTime = (dayOf(invoice["Paid Date"]) - dayOf(invoice["Invoice Received Date"]!)) / 86_400_000 <= 30;
      const quarter = `${invoice["Paid Date"].slice(0, 4)} Q${Math.floor((Number(invoice["Paid Date"].slice(5, 7)) - 1) / 3) + 1}`;
      const groups = ["all suppliers", ...(contract.sme ? ["SMEs"] : []), ...(contract.vcse ? ["VCSEs"] : [])];
      for (const group of groups) {
        add(`${group}|all quarters`, onTime);
        add(`${group}|${quarter}`, onTime);
      }
    }
    const mart = await query<{ supplier_group: string; period: string; invoices_paid: number; paid_within_30_days: number; share_within_30_days: number; lower95: number; upper95: number }>(
      `select supplier_group, period, invoices_paid, paid_within_30_days, share_within_30_days, lower95, upper95 from contracts_prompt_payment where council_code = '${council}'`,
    );
    expect(mart).toHaveLength(tally.size);
    const z = 1.959963984540054;
    for (const row of mart) {
      const expected = tally.get(`${row.supplier_group}|${row.period}`);
      expect(expected, `${row.supplier_group} ${row.period}`).toBeDefined();
      expect(row.invoices_paid).toBe(expected!.paid);
      expect(row.paid_within_30_days).toBe(expected!.onTime);
      expect(row.share_within_30_days).toBeCloseTo(expected!.onTime / expected!.paid, 12);
      const { onTime: x, paid: n } = expected!;
      expect(row.lower95).toBeCloseTo((2 * x + z * z - z * Math.sqrt(z * z + 4 * x * (1 - x / n))) / (2 * (n + z * z)), 9);
      expect(row.upper95).toBeCloseTo((2 * x + z * z + z * Math.sqrt(z * z + 4 * x * (1 - x / n))) / (2 * (n + z * z)), 9);
    }
    // Some invoices are late: the measure has something to show.
    const overall = tally.get("all suppliers|all quarters")!;
    expect(overall.onTime).toBeLessThan(overall.paid);
  });

  it("adds up invoiced spend per contract as the invoices CSV does", async () => {
    const sums = new Map<string, number>();
    for (const invoice of csv(`invoices-${council}.csv`)) {
      if (!references.has(invoice["Contract Reference"]!)) continue;
      sums.set(invoice["Contract Reference"]!, (sums.get(invoice["Contract Reference"]!) ?? 0) + Number(invoice["Amount"]));
    }
    const rows = await query<{ reference: string; invoiced_to_date: number; value: number; spend_exceeds_value: boolean }>(
      `select reference, invoiced_to_date, value, spend_exceeds_value from contracts_spend_vs_value where council_code = '${council}'`,
    );
    expect(rows).toHaveLength(references.size);
    for (const row of rows) {
      expect(row.invoiced_to_date).toBeCloseTo(sums.get(row.reference) ?? 0, 2);
      expect(row.spend_exceeds_value).toBe((sums.get(row.reference) ?? 0) > row.value);
    }
  });

  it("rates KPIs from the returns, and lists decommissioning candidates only with their evidence", async () => {
    const ratings = await query<{ rating: string; months_returned: number }>(`select rating, months_returned from contracts_kpi_ratings where council_code = '${council}'`);
    const kpis = new Set(csv(`kpi-returns-${council}.csv`).map((row) => `${row["Contract Reference"]} ${row["KPI ID"]}`));
    // Every contract KPI with a return in the window is rated; the generated data hold both ends of the scale.
    expect(ratings.length).toBeLessThanOrEqual(kpis.size);
    expect(ratings.length).toBeGreaterThan(kpis.size / 2);
    expect(ratings.some((r) => r.rating === "good")).toBe(true);
    expect(ratings.some((r) => r.rating === "inadequate")).toBe(true);
    expect(ratings.filter((r) => r.rating === "no returns").every((r) => r.months_returned === 0)).toBe(true);
    // Fewer than MIN_RETURNS returns in the window is never rated on its value (regression: 2 of 6 rated good).
    expect(ratings.filter((r) => r.months_returned > 0 && r.months_returned < MIN_RETURNS).every((r) => r.rating === "insufficient returns")).toBe(true);
    const candidates = await query<{ reference: string; evidence: string; cost_per_outcome: number; upper_quartile_cost: number }>(
      `select c.reference, c.evidence, c.cost_per_outcome, c.upper_quartile_cost from contracts_decommissioning_candidates c`,
    );
    for (const candidate of candidates) {
      expect(candidate.evidence).toMatch(/Under target: .*Persistently: .*Cost per successful outcome/);
      expect(candidate.cost_per_outcome).toBeGreaterThanOrEqual(candidate.upper_quartile_cost);
      const [under] = await query<{ n: number }>(
        `select count(*)::integer as n from contracts_kpi_ratings where reference = '${candidate.reference}' and rating in ('requires improvement', 'inadequate')`,
      );
      expect(under!.n).toBeGreaterThan(0);
    }
  });

  it("exports the configured council's register as valid OCDS", async () => {
    const rows = await query<RegisterRow>(`select * replace (start_date::varchar as start_date, end_date::varchar as end_date), 'Test council' as council_name from contracts_register where council_code = '${council}'`);
    const pack = ocdsPackage(rows, { uri: "https://internal.invalid/data/contracts-ocds.json", publishedDate: "2026-12-01T00:00:00Z", publisher: "test" });
    expect(pack.releases).toHaveLength(references.size);
  });
});
