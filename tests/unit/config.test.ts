import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { councilFactsSql, ENGLAND_CODE, loadCouncilConfig, readSettings } from "../../pipelines/config.ts";
import { openWarehouse } from "../../pipelines/warehouse.ts";
import { COUNCIL_FACTS, parseCouncilFacts } from "../../sources/council-facts.ts";
import illustrativeContractRegister from "../../sources/illustrative-contract-register.ts";

function config(json: unknown): { root: string; path: string } {
  const root = mkdtempSync(join(tmpdir(), "config-"));
  writeFileSync(join(root, "c.json"), JSON.stringify(json));
  return { root, path: "c.json" };
}

describe("council configuration", () => {
  it("the bundled default is Shropshire with seven comparators", () => {
    const parsed = loadCouncilConfig(resolve(import.meta.dirname, "../.."), "pipelines/council.json");
    expect(parsed.council).toBe("E06000051");
    expect(parsed.comparators).toHaveLength(7);
  });

  it("rejects a code that is not an English council, naming the field", () => {
    const { root, path } = config({ council: "W06000023", comparators: [], england: "E92000001" });
    expect(() => loadCouncilConfig(root, path)).toThrow("c.json: council: an English council code (E06, E07, E08, E09 or E10 and six digits)");
  });

  it("rejects the council listed as its own comparator", () => {
    const { root, path } = config({ council: "E06000051", comparators: ["E06000051"], england: "E92000001" });
    expect(() => loadCouncilConfig(root, path)).toThrow("c.json: comparators: must not include the council itself (E06000051)");
  });
});

describe("operator settings", () => {
  it("with nothing set, every default", () => {
    expect(readSettings({})).toEqual({
      warehouseDir: "warehouse",
      siteDir: "dist",
      internalSiteDir: "dist-internal",
      councilConfig: "pipelines/council.json",
      port: null,
      schedule: { dryRun: false, dryRunMs: 2000, retryDelaysMs: [60_000, 300_000, 1_500_000] },
      cqcSubscriptionKey: null,
      bench: { rows: 2_000_000, scaleNs: [1, 2, 5, 10, 25, 50] },
    });
  });

  it("reads each variable, puts the internal site beside SITE_DIR, and ignores other variables", () => {
    const settings = readSettings({
      WAREHOUSE_DIR: "/tmp/w",
      SITE_DIR: "/tmp/site",
      PORT: "8080",
      SCHEDULE_DRY_RUN: "1",
      SCHEDULE_DRY_RUN_MS: "50",
      SCHEDULE_RETRY_MINUTES: "2, 10",
      CQC_SUBSCRIPTION_KEY: "k",
      BENCH_ROWS: "1000",
      SCALE_NS: "1,3",
      HOME: "/root",
    });
    expect(settings).toMatchObject({ warehouseDir: "/tmp/w", siteDir: "/tmp/site", internalSiteDir: "/tmp/site-internal", port: 8080, cqcSubscriptionKey: "k" });
    expect(settings.schedule).toEqual({ dryRun: true, dryRunMs: 50, retryDelaysMs: [120_000, 600_000] });
    expect(settings.bench).toEqual({ rows: 1000, scaleNs: [1, 3] });
    expect(readSettings({ SITE_DIR: "a", INTERNAL_SITE_DIR: "b" }).internalSiteDir).toBe("b");
  });

  it("counts an empty variable as unset", () => {
    expect(readSettings({ COUNCIL_CONFIG: "", PORT: "" })).toMatchObject({ councilConfig: "pipelines/council.json", port: null });
  });

  it("is frozen", () => {
    const settings = readSettings({});
    expect(Object.isFrozen(settings) && Object.isFrozen(settings.schedule) && Object.isFrozen(settings.bench.scaleNs)).toBe(true);
  });

  it("rejects an invalid value, naming the variable, what it allows and what it got", () => {
    expect(() => readSettings({ PORT: "80a" })).toThrow("PORT: must be a port number from 1 to 65535 (got '80a')");
    expect(() => readSettings({ PORT: "70000" })).toThrow("PORT: must be a port number from 1 to 65535 (got '70000')");
    expect(() => readSettings({ SCHEDULE_DRY_RUN: "yes" })).toThrow("SCHEDULE_DRY_RUN: must be 1 (dry run) or 0 (got 'yes')");
    expect(() => readSettings({ SCHEDULE_RETRY_MINUTES: "1,,5" })).toThrow("SCHEDULE_RETRY_MINUTES: must be minutes, e.g. 1,5,25 separated by commas (got '1,,5')");
    expect(() => readSettings({ SCHEDULE_RETRY_MINUTES: "0" })).toThrow("SCHEDULE_RETRY_MINUTES: must be minutes, e.g. 1,5,25 separated by commas, each above 0 (got '0')");
    expect(() => readSettings({ SCALE_NS: "1,2.5" })).toThrow("SCALE_NS: must be whole numbers of copies separated by commas, e.g. 1,2,5 (got '1,2.5')");
    expect(() => readSettings({ BENCH_ROWS: "0" })).toThrow("BENCH_ROWS: must be a whole number of rows above 0 (got '0')");
    expect(() => readSettings({ SCHEDULE_DRY_RUN_MS: "-1" })).toThrow("SCHEDULE_DRY_RUN_MS: must be a whole number of milliseconds (got '-1')");
  });

  it("reports every invalid variable at once", () => {
    expect(() => readSettings({ PORT: "x", BENCH_ROWS: "y" })).toThrow(/^PORT: .*\nBENCH_ROWS: /);
  });
});

describe("council facts", () => {
  it("the England code has its one home, and a configuration without it gets it", () => {
    const { root, path } = config({ council: "E06000051", comparators: [] });
    expect(loadCouncilConfig(root, path).england).toBe(ENGLAND_CODE);
    const wrong = config({ council: "E06000051", comparators: [], england: "E12000001" });
    expect(() => loadCouncilConfig(wrong.root, wrong.path)).toThrow(`c.json: england: England's code, ${ENGLAND_CODE}`);
  });

  it("rejects a malformed facts file, naming the field", () => {
    const council = { code: "E06000051", name: "Shropshire", postcodeDistricts: ["SY1"], localities: ["North"] };
    expect(parseCouncilFacts(JSON.stringify({ councils: [council] }), "f.json")).toHaveLength(1);
    expect(() => parseCouncilFacts(JSON.stringify({ councils: [{ ...council, postcodeDistricts: ["SY1 1AA"] }] }), "f.json")).toThrow(
      "f.json: councils.0.postcodeDistricts.0: a postcode district (outward code) such as SY1",
    );
    expect(() => parseCouncilFacts(JSON.stringify({ councils: [council, council] }), "f.json")).toThrow("f.json: (root): a council is listed twice");
  });

  it("the seed table holds each council's districts, and a council with none has no rows", async () => {
    const db = await openWarehouse(":memory:");
    try {
      await db.run(councilFactsSql([
        { code: "E06000001", name: "A", postcodeDistricts: ["TS1", "TS2"], localities: ["All"] },
        { code: "E06000002", name: "B", postcodeDistricts: [], localities: ["All"] },
      ]));
      expect(await db.all(`select council_code, postcode_district from seed_council_postcode_districts order by all`)).toEqual([
        { council_code: "E06000001", postcode_district: "TS1" },
        { council_code: "E06000001", postcode_district: "TS2" },
      ]);
      await db.run(councilFactsSql([]));
      expect(await db.all(`select * from seed_council_postcode_districts`)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it("the illustrative sources declare a register for exactly the councils with illustrative facts", () => {
    const withFacts = COUNCIL_FACTS.filter((council) => council.illustrative).map((council) => council.code);
    expect(withFacts.length).toBeGreaterThan(0);
    expect(illustrativeContractRegister.files.map((file) => file.path)).toEqual(withFacts.map((code) => `sources/data/illustrative-contracts/contract-register-${code}.csv`));
  });
});
