// The care market sources through the loader: every row accounted for, the published markers
// kept as text for staging to read, personal columns declared as such, and the dementia rates
// refused when a percentage stands where a proportion belongs.
import * as XLSX from "@e965/xlsx";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSource, type FileLoad } from "../../pipelines/load/index.ts";
import { openWarehouse, type Warehouse } from "../../pipelines/warehouse.ts";
import activityMetadata from "../../sources/asc-activity-provision-metadata.ts";
import activity from "../../sources/asc-activity-provision-timeseries.ts";
import cqcSouthwest, { PERSONAL_NAME_COLUMNS as SOUTHWEST_PERSONAL } from "../../sources/cqc-api-care-homes-southwest-2021.ts";
import cqcEngland, { PERSONAL_NAME_COLUMNS as ENGLAND_PERSONAL } from "../../sources/cqc-care-homes-england-2021.ts";
import dementia from "../../sources/dementia-prevalence-cfas2.ts";
import type { Source } from "../../sources/declaration.ts";

const root = resolve(import.meta.dirname, "../..");
let db: Warehouse;
const loads = new Map<string, FileLoad>();

beforeAll(async () => {
  db = await openWarehouse(":memory:");
  for (const source of [cqcEngland, cqcSouthwest, dementia, activity, activityMetadata]) {
    const [load] = await loadSource(db, source, { root, runId: "test" });
    loads.set(source.id, load!);
  }
});
afterAll(() => db.close());

const count = async (sql: string) => (await db.all<{ n: number }>(`select count(*)::integer as n from ${sql}`))[0]!.n;

describe("every file reconciles with no rejects, at the row counts in PROVENANCE.md", () => {
  it.each([
    ["cqc-care-homes-england-2021", 15_403],
    ["cqc-api-care-homes-southwest-2021", 728],
    ["dementia-prevalence-cfas2", 12],
    ["asc-activity-provision-timeseries", 18_477],
    ["asc-activity-provision-metadata", 172],
  ])("%s: %i rows", (id, rows) => {
    const load = loads.get(id)!;
    expect(load.rowsRead).toBe(rows);
    expect(load.rowsLoaded).toBe(rows);
    expect(load.rowsRejected).toBe(0);
  });
});

describe("personal data is declared, so the catalogue and reviewers can see it", () => {
  const classified = (source: Source) => source.columns.filter((column) => column.classification === "personal").map((column) => column.name);

  it("marks both CQC sources personal, naming the columns that hold names", () => {
    expect(cqcEngland.classification).toBe("personal");
    expect(cqcSouthwest.classification).toBe("personal");
    expect(classified(cqcEngland)).toEqual([...ENGLAND_PERSONAL]);
    expect(classified(cqcSouthwest)).toEqual([...SOUTHWEST_PERSONAL]);
  });

  it("marks VirtUK's modelled occupancy columns internal: not CQC data, no reuse grant", () => {
    const internal = cqcEngland.columns.filter((column) => column.classification === "internal").map((column) => column.header);
    expect(internal).toEqual([
      "num_values_found", "num_values_found.1", "occupancy_mean", "%occupancy_mean", "probability_mean",
      "occupancy_std", "%occupancy_std", "probability_std",
    ]);
  });

  it("loads the names into the raw table, where staging can leave them", async () => {
    expect(await count(`raw_cqc_care_homes_england_2021 where provider_nominated_individual_name = 'Strong, Margaret'`)).toBeGreaterThan(0);
    expect(await count(`raw_cqc_api_care_homes_southwest_2021 where regulated_activities like '%personFamilyName%'`)).toBeGreaterThan(0);
  });
});

describe("the CQC England file", () => {
  it("holds Shropshire's 119 homes and 3,526 beds by the file's own council code", async () => {
    const [row] = await db.all<{ homes: number; beds: number }>(
      `select count(*)::integer as homes, sum(care_homes_beds)::integer as beds from raw_cqc_care_homes_england_2021 where lad = 'E06000051'`,
    );
    expect(row).toEqual({ homes: 119, beds: 3_526 });
  });

  it("keeps the quoted comma of 'Family, Given' inside its field, so later columns stay in place", async () => {
    const [row] = await db.all<{ name: string; beds: number; lad: string }>(
      `select provider_nominated_individual_name as name, care_homes_beds as beds, lad from raw_cqc_care_homes_england_2021 where location_id = '1-112951275'`,
    );
    expect(row).toEqual({ name: "Strong, Margaret", beds: 45, lad: "E09000002" });
  });
});

describe("the activity file", () => {
  it("reads the empty first header as R's row number, and keeps NA as text for staging", async () => {
    expect(await count(`raw_asc_activity_provision_timeseries where row_number = 127 and dh_geography_name = 'Shropshire'`)).toBe(1);
    // PROVENANCE.md: percent_sector NA in 435 rows, ITEMVALUE NA in 37, every 2017 name NA.
    expect(await count(`raw_asc_activity_provision_timeseries where percent_sector = 'NA'`)).toBe(435);
    expect(await count(`raw_asc_activity_provision_timeseries where itemvalue = 'NA'`)).toBe(37);
    expect(await count(`raw_asc_activity_provision_timeseries where dh_geography_name = 'NA'`)).toBe(1_208);
    expect(await count(`raw_asc_activity_provision_timeseries where dh_geography_name = 'NA' and year <> 2017`)).toBe(0);
  });
});

describe("the dementia rates", () => {
  it("are proportions with their limits around them", async () => {
    const rows = await db.all<{ age_band: string; sex: string; prevalence: number; prevalence_lower_95: number; prevalence_upper_95: number }>(
      `select age_band, sex, prevalence, prevalence_lower_95, prevalence_upper_95 from raw_dementia_prevalence_cfas2`,
    );
    expect(rows).toContainEqual({ age_band: "90+", sex: "Female", prevalence: 0.35, prevalence_lower_95: 0.284, prevalence_upper_95: 0.423 });
    for (const row of rows) expect(row.prevalence_lower_95 <= row.prevalence && row.prevalence <= row.prevalence_upper_95).toBe(true);
  });

  it("reject a percentage where a proportion belongs, naming sheet, row and column", () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ["AgeBand", "Sex", "DementiaPrevalence", "DementiaPrevalence95Lower", "DementiaPrevalence95Upper"],
        ["65-69", "Male", 1.2, 0.006, 0.023],
        ["95+", "Male", 0.2, 0.1, 0.3],
      ]),
      "Sheet1",
    );
    const path = join(mkdtempSync(join(tmpdir(), "cfas-")), "rates.xlsx");
    writeFileSync(path, XLSX.write(book, { type: "buffer", bookType: "xlsx" }));
    const result = dementia.read({ path: "sources/data/test/rates.xlsx", edition: "x", released: "2099-01-01" }, path);
    expect(result.rows).toEqual([]);
    expect(result.rejects.map((reject) => [reject.location, reject.column, reject.reason])).toEqual([
      ["sheet 'Sheet1' row 2", "C (DementiaPrevalence)", "'1.2' is not a proportion between 0 and 1"],
      ["sheet 'Sheet1' row 3", "A (AgeBand)", "'95+' is not one of 65-69, 70-74, 75-79, 80-84, 85-89, 90+"],
    ]);
  });
});
