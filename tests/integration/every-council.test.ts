// One warehouse for England, a site for any council. The warehouse from the default run
// (tests/setup/pipeline.ts) is checked for every one of the 153 upper-tier councils, and sites
// are built from it for six councils of every kind from a configuration holding nothing but
// the council's code: their headline figures are compared with the published files, read here
// without the project's loaders (tests/published-files.ts).
import { mkdtempSync, readdirSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ENGLAND_CODE } from "../../pipelines/config.ts";
import { buildSites } from "../../pipelines/site/build.ts";
import { queryWarehouse } from "../../pipelines/warehouse.ts";
import { dementia2022, iod2025Lsoas, mid2022Ages, publishedCareHomes, root } from "../published-files.ts";

const setup = inject("pipeline");
const warehouse = join(setup.warehouseDir, "warehouse.duckdb");
const query = <T>(sql: string) => queryWarehouse<T>(warehouse, sql);

interface Coverage {
  area_code: string;
  area_name: string;
  estimate_years: number;
  projection_edition: string;
  lsoas_2025: number;
  care_home_rows: number;
  outcome_indicators: number;
  outcomes_missing: string | null;
}

describe("every upper-tier council in England", () => {
  it("has population estimates for every year, projections, deprivation, care homes and outcomes, or a stated reason", async () => {
    const rows = await query<Coverage>(`select * from needs_council_coverage order by area_code`);
    expect(rows).toHaveLength(153);
    for (const row of rows) {
      expect(row.estimate_years, row.area_code).toBe(8);
      expect(row.projection_edition, row.area_code).toMatch(/^(2022|2018)-based$/);
      expect(row.lsoas_2025, row.area_code).toBeGreaterThan(0);
      expect(row.care_home_rows, row.area_code).toBe(1);
      expect(row.outcome_indicators > 0 || (row.outcomes_missing ?? "").length > 0, row.area_code).toBe(true);
    }
    // Every LSOA in England lies in exactly one council.
    expect(rows.reduce((sum, row) => sum + row.lsoas_2025, 0)).toBe(33_755);
  });

  it("has its mid-2022 population as ONS publishes it", async () => {
    const rows = await query<{ area_code: string; total: number }>(`select area_code, total from needs_population_older where series = 'estimate' and year = 2022`);
    expect(rows).toHaveLength(154);
    for (const row of rows) expect(row.total, row.area_code).toBe(mid2022Ages(row.area_code).reduce((a, b) => a + b, 0));
  });
});

describe("a council formed in 2023 (Somerset) has a series on today's boundaries", () => {
  it("2015 to 2021 are the sums of its districts, equal to the former county's published totals", async () => {
    const rows = await query<{ year: number; total: number }>(
      `select year, total from needs_population_older where area_code = 'E06000066' and series = 'estimate' order by year`,
    );
    expect(rows.map((row) => row.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022]);
    // ONS's mid-2019 file, read here: the county (E10000027) had the same area.
    const book = XLSX.read(readFileSync(join(root, "sources/data/ons-mye2/ukmidyearestimates20192020ladcodes.xls")));
    const sheet = book.SheetNames.find((name) => /MYE2/.test(name) && /Persons|All/.test(name))!;
    const table = XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets[sheet]!, { header: 1 });
    const header = table.find((row) => row[0] === "Code")!;
    const county = table.find((row) => row[0] === "E10000027")!;
    expect(rows.find((row) => row.year === 2019)!.total).toBe(Number(county[header.indexOf("All ages")]));
    const [basis] = await query<{ boundary_basis: string }>(
      `select distinct boundary_basis from needs_population_by_age where area_code = 'E06000066' and series = 'estimate' and year = 2019`,
    );
    expect(basis!.boundary_basis).toMatch(/^summed from E07/);
  });
});

/** A page-data file of a built site, by its name before Framework's content hash. */
function pageFile<T>(siteDir: string, name: string): T {
  const dir = join(siteDir, "_file", "data");
  const file = readdirSync(dir).find((entry) => new RegExp(`^${name}\\.[0-9a-f]+\\.json$`).test(entry));
  if (!file) throw new Error(`${siteDir}: no page data ${name}.json`);
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as T;
}

interface AreaRow {
  area_code: string;
  area_name: string;
  role: string;
}

const COUNCILS = [
  ["Kent", "E10000016", "a county"],
  ["Somerset", "E06000066", "a unitary formed in 2023"],
  ["Manchester", "E08000003", "a metropolitan district"],
  ["Camden", "E09000007", "a London borough"],
  ["Cornwall", "E06000052", "a rural unitary"],
  ["Shropshire", "E06000051", "the council the project began with"],
] as const;

describe.each(COUNCILS)("sites for %s (%s), %s, from its code alone", (name, code) => {
  const out = mkdtempSync(join(tmpdir(), `council-${code}-`));
  const publicDir = join(out, "public");
  beforeAll(async () => {
    await buildSites({ root, warehousePath: warehouse, site: { council: code, england: ENGLAND_CODE }, publicDir, internalDir: join(out, "internal") });
  }, 180_000);

  it("names the council from the data and takes its 15 nearest neighbours as comparators", () => {
    const { areas } = pageFile<{ areas: AreaRow[] }>(publicDir, "population");
    expect(areas[0]).toEqual({ area_code: code, area_name: name, role: "council", sort_order: 0 });
    expect(areas.filter((area) => area.role === "comparator")).toHaveLength(15);
    expect(areas.at(-1)).toMatchObject({ area_code: ENGLAND_CODE, role: "england" });
    expect(existsSync(join(out, "internal", "index.html"))).toBe(true);
  });

  it("shows its mid-2022 population and share aged 65+, and a projection with its edition", () => {
    const ages = mid2022Ages(code);
    const total = ages.reduce((a, b) => a + b, 0);
    const { older } = pageFile<{ older: (AreaRow & { series: string; year: number; total: number; share_65_plus: number; projection_label: string | null })[] }>(publicDir, "population");
    const now = older.find((row) => row.area_code === code && row.series === "estimate" && row.year === 2022)!;
    expect(now.total).toBe(total);
    expect(now.share_65_plus).toBeCloseTo(ages.slice(65).reduce((a, b) => a + b, 0) / total, 12);
    const projected = older.filter((row) => row.area_code === code && row.series === "projection");
    expect(projected.length).toBe(26);
    expect(projected.every((row) => /^ONS 20(22|18)-based/.test(row.projection_label ?? ""))).toBe(true);
  });

  it("shows its care homes and beds, and its people with dementia, as the published files give them", () => {
    const data = pageFile<{ homes: (AreaRow & { homes: number; beds: number })[]; dementia: { series: string; year: number; people_with_dementia: number }[] }>(publicDir, "care-homes");
    const published = publishedCareHomes().get(code)!;
    expect(data.homes.find((row) => row.role === "council")).toMatchObject({ area_code: code, homes: published.homes, beds: published.beds });
    const dementia = data.dementia.find((row) => row.series === "estimate" && row.year === 2022)!;
    expect(dementia.people_with_dementia).toBeCloseTo(dementia2022(code), 6);
  });

  it("shows its neighbourhoods' deprivation (IoD2025) as counted from the LSOA file", () => {
    const { summary2025 } = pageFile<{ summary2025: (AreaRow & { lsoa_count: number; lsoas_most_deprived_10: number })[] }>(publicDir, "places");
    const lsoas = iod2025Lsoas(code);
    expect(lsoas.length).toBeGreaterThan(0);
    expect(summary2025.find((row) => row.role === "council")).toMatchObject({
      area_code: code,
      lsoa_count: lsoas.length,
      lsoas_most_deprived_10: lsoas.filter((lsoa) => lsoa.decile === 1).length,
    });
  });
});
