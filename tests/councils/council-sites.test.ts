// Sites for six councils of every kind (a county, a 2023 unitary, a metropolitan district, a
// London borough, a rural unitary and the council the project began with), each built from the
// default run's warehouse (tests/setup/pipeline.ts) from a configuration holding nothing but the
// council's code: their headline figures are compared with the published files, read here
// without the project's loaders (tests/published-files.ts). Six site builds take minutes, so
// this runs in its own project (`npm run test:councils`, in CI after `npm test`).
import { mkdtempSync, readdirSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ENGLAND_CODE } from "../../pipelines/config.ts";
import { buildSites } from "../../pipelines/site/build.ts";
import { queryWarehouse } from "../../pipelines/warehouse.ts";
import { dementia2022, iod2025Lsoas, mid2022Ages, publishedCareHomes, root } from "../published-files.ts";

const setup = inject("pipeline");
const warehouse = join(setup.warehouseDir, "warehouse.duckdb");
const query = <T>(sql: string) => queryWarehouse<T>(warehouse, sql);

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
