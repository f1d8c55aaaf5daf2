// One warehouse for England. The warehouse from the default run (tests/setup/pipeline.ts) is
// checked for every one of the 153 upper-tier councils, against the published files read here
// without the project's loaders (tests/published-files.ts). Sites built from it for six councils
// of every kind are checked in tests/councils/council-sites.test.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { describe, expect, inject, it } from "vitest";
import { queryWarehouse } from "../../pipelines/warehouse.ts";
import { mid2022Ages, root } from "../published-files.ts";

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
