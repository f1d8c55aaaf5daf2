// Locality profiles from the default run (tests/setup/pipeline.ts): the Church Stretton pilot
// area's figures in the built site's data against the Census 2021 files and the LSOA-to-ward
// lookup read here independently (papaparse), every locality with its page, every LSOA in
// exactly one locality, and the national boundaries covering every LSOA.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { describe, expect, inject, it } from "vitest";
import { queryWarehouse } from "../../pipelines/warehouse.ts";

const root = resolve(import.meta.dirname, "../..");
const setup = inject("pipeline");
const CENSUS = join(root, "sources/data/census2021-lsoa-health-care-age");
// The 2024 ward the Church Stretton pilot area is (pipelines/localities/E06000051.yaml).
const PILOT_WARD = "E05008153";

const csv = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, "utf8").trim(), { header: true }).data;

function siteData(site: string, folder: string, stem: string) {
  const dir = join(site, "_file", folder);
  const name = readdirSync(dir).find((file) => file.startsWith(`${stem}.`) && file.endsWith(".json"))!;
  return JSON.parse(readFileSync(join(dir, name), "utf8"));
}

const data = siteData(setup.siteDir, "localities/data", "localities");
const pilot = data.localities.find((l: { id: string }) => l.id === "church-stretton-pilot");
const pilotLsoas = csv(join(root, "sources/data/geography-lookups-lsoa21/lookup_lsoa21_ward24_ltla24.csv"))
  .filter((row) => row.ward24_code === PILOT_WARD)
  .map((row) => row.lsoa21_code!)
  .sort();

/** The sum over the pilot's LSOAs of the named columns of one Census file. */
function censusSum(file: string, columns: string[]): number {
  const wanted = new Set(pilotLsoas);
  let total = 0;
  for (const row of csv(join(CENSUS, file))) if (wanted.has(row["geography code"]!)) for (const column of columns) total += Number(row[column]);
  return total;
}

/** A count as published: rounded to the nearest 5 (the disclosure rule). */
const published = (count: number) => Math.round(count / 5) * 5;

describe("the Church Stretton pilot area", () => {
  it("is the five LSOAs of its ward, labelled as the pilot", () => {
    expect(pilotLsoas).toHaveLength(5);
    expect(pilot).toMatchObject({ name: "Church Stretton pilot area", pilot: true, lsoa_count: 5 });
    expect(pilot.lsoas.map((l: { lsoa21_code: string }) => l.lsoa21_code).sort()).toEqual(pilotLsoas);
  });

  it("has the Census 2021 residents and 65+ share counted from TS007A", () => {
    const residents = censusSum("census2021-ts007a-lsoa.csv", ["Age: Total"]);
    const over65 = censusSum("census2021-ts007a-lsoa.csv", ["Age: Aged 65 to 69 years", "Age: Aged 70 to 74 years", "Age: Aged 75 to 79 years", "Age: Aged 80 to 84 years", "Age: Aged 85 years and over"]);
    expect(residents).toBeGreaterThan(8_800);
    expect(residents).toBeLessThan(9_000);
    expect(pilot.counts.residents).toBe(published(residents));
    expect(pilot.counts.aged_65_plus).toBe(published(over65));
    expect(pilot.share_65_plus).toBeCloseTo(over65 / residents, 12);
  });

  it("has the unpaid carers counted from TS039", () => {
    const base = censusSum("census2021-ts039-lsoa.csv", ["Provision of unpaid care: Total: All usual residents aged 5 and over"]);
    const hours50 = censusSum("census2021-ts039-lsoa.csv", ["Provision of unpaid care: Provides 50 or more hours unpaid care a week"]);
    const carers = censusSum("census2021-ts039-lsoa.csv", [
      "Provision of unpaid care: Provides 19 hours or less unpaid care a week",
      "Provision of unpaid care: Provides 20 to 49 hours unpaid care a week",
      "Provision of unpaid care: Provides 50 or more hours unpaid care a week",
    ]);
    expect(pilot.counts.carers_50_plus_hours).toBe(published(hours50));
    expect(pilot.share_carers_50_plus).toBeCloseTo(hours50 / base, 12);
    expect(pilot.share_carers).toBeCloseTo(carers / base, 12);
  });

  it("has a profile page and a board pack", () => {
    expect(existsSync(join(setup.siteDir, "localities", "church-stretton-pilot.html"))).toBe(true);
    expect(existsSync(join(setup.siteDir, "localities", "board-pack.html"))).toBe(true);
  });
});

describe("Shropshire's localities", () => {
  it("put every LSOA of the council in exactly one locality, each with its profile page", async () => {
    const lsoas = await queryWarehouse<{ code: string }>(join(setup.warehouseDir, "warehouse.duckdb"), "select lsoa21_code as code from needs_locality_lsoa where council_code = 'E06000051'");
    const placed = data.localities.flatMap((l: { lsoas: { lsoa21_code: string }[] }) => l.lsoas.map((s) => s.lsoa21_code)).sort();
    expect(placed).toEqual(lsoas.map((row) => row.code).sort());
    expect(new Set(placed).size).toBe(placed.length);
    for (const locality of data.localities) expect(existsSync(join(setup.siteDir, "localities", `${locality.id}.html`)), locality.id).toBe(true);
    // 63 wards, one of them the pilot area.
    expect(data.localities).toHaveLength(63);
  });

  it("ranks every locality once on the composite, its method's weights adding to 1", () => {
    const ranks = data.localities.map((l: { need_rank: number }) => l.need_rank).sort((a: number, b: number) => a - b);
    expect(ranks).toEqual(Array.from({ length: data.localities.length }, (_, i) => i + 1));
    expect(data.measures.reduce((sum: number, m: { weight: number }) => sum + m.weight, 0)).toBeCloseTo(1, 12);
  });

  it("places every care home in the council in a locality, and no bed twice", () => {
    const beds = data.localities.reduce((sum: number, l: { care_home_beds: number }) => sum + l.care_home_beds, 0);
    const homes = data.localities.reduce((sum: number, l: { care_homes: number }) => sum + l.care_homes, 0);
    expect(homes + data.care_homes.unplaced).toBe(data.care_homes.total);
    expect(homes).toBeGreaterThan(data.care_homes.total * 0.95);
    expect(beds).toBeGreaterThan(0);
  });
});

describe("the national small-area boundaries", () => {
  it("hold every English LSOA of the IoD2025 and every MSOA, each with its council", async () => {
    const [row] = await queryWarehouse<{ lsoas: number; msoas: number; councils: number; missing: number }>(
      join(setup.warehouseDir, "warehouse.duckdb"),
      `select count(*) filter (where level = 'lsoa')::integer as lsoas, count(*) filter (where level = 'msoa')::integer as msoas,
              count(distinct council_code)::integer as councils,
              (select count(*) from needs_locality_lsoa where lsoa21_code not in (select area_code from needs_small_area_boundaries))::integer as missing
       from needs_small_area_boundaries`,
    );
    expect(row).toEqual({ lsoas: 33_755, msoas: 6_856, councils: 153, missing: 0 });
  });
});
