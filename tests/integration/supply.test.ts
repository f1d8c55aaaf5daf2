// Care home supply, dementia need and social care activity from the default run
// (tests/setup/pipeline.ts), checked against the published files read independently here, and
// the warehouse searched for the personal names those files hold.
import * as XLSX from "@e965/xlsx";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { openWarehouse, queryWarehouse } from "../../pipelines/warehouse.ts";
import { CQC_ENGLAND_FILE, CQC_SOUTHWEST_FILE, findNames, personalNames } from "../personal-names.ts";
import { CLIENT_GROUP_BANDS, csv, publishedCareHomes, type Tally } from "../published-files.ts";

const root = resolve(import.meta.dirname, "../..");
const setup = inject("pipeline");
const warehouse = () => join(setup.warehouseDir, "warehouse.duckdb");

const query = <T>(sql: string) => queryWarehouse<T>(warehouse(), sql);

describe("care homes (CQC, spring 2021)", () => {
  it("Shropshire has 119 care homes and 3,526 beds, 35 homes with nursing and 60 registered for dementia", async () => {
    const [row] = await query<Tally & { area_name: string }>(
      `select area_name, homes, beds, homes_with_nursing, homes_dementia from market_care_homes where area_code = 'E06000051'`,
    );
    expect(row).toEqual({ area_name: "Shropshire", homes: 119, beds: 3_526, homes_with_nursing: 35, homes_dementia: 60 });
  });

  it("every council and England agree with the published file, counted here", async () => {
    const published = publishedCareHomes();
    const rows = await query<Tally & { area_code: string }>(
      `select area_code, homes, beds, homes_with_nursing, homes_dementia, beds_dementia from market_care_homes where area_level in ('council', 'country')`,
    );
    // Every council has a row; one where the file places no home has zeros.
    const none = { homes: 0, beds: 0, homes_with_nursing: 0, homes_dementia: 0, beds_dementia: 0 };
    expect(rows).toHaveLength(154);
    for (const row of rows) expect(row, row.area_code).toEqual({ area_code: row.area_code, ...(published.get(row.area_code) ?? none) });
    expect(rows.filter((row) => !published.has(row.area_code)).map((row) => row.area_code)).toEqual(["E09000001"]);
    expect(published.get("E92000001")).toMatchObject({ homes: 15_403, beds: 458_947 });
  });

  it("beds per 1,000 aged 75+ use the mid-2021 population, the estimate closest to the 31 March 2021 snapshot", async () => {
    const [row] = await query<{ population_year: number; snapshot_date: unknown; beds: number; aged_75_plus: number; beds_per_1000_aged_75_plus: number }>(
      `select population_year, snapshot_date::varchar as snapshot_date, beds, aged_75_plus, beds_per_1000_aged_75_plus from market_beds_per_population where area_code = 'E06000051'`,
    );
    const [population] = await query<{ aged_75_plus: number }>(
      `select aged_75_plus from needs_population_older where area_code = 'E06000051' and series = 'estimate' and year = 2021`,
    );
    // The older people's market: homes registered for the older people band, counted here.
    const older = publishedCareHomes(CLIENT_GROUP_BANDS["older people"]).get("E06000051")!;
    expect(older).toMatchObject({ homes: 87, beds: 3_259 });
    expect(row).toMatchObject({ population_year: 2021, snapshot_date: "2021-03-31", beds: older.beds, aged_75_plus: population!.aged_75_plus });
    expect(row!.beds_per_1000_aged_75_plus).toBeCloseTo((1000 * older.beds) / population!.aged_75_plus, 9);
  });

  it("counts homes by client group as the bands registered in the file, for every council and England", async () => {
    const rows = await query<{ area_code: string; client_group: keyof typeof CLIENT_GROUP_BANDS; homes: number; beds: number; homes_with_nursing: number }>(
      `select area_code, client_group, homes, beds, homes_with_nursing from market_care_homes_by_client_group`,
    );
    expect(rows).toHaveLength(2 * 154);
    for (const group of Object.keys(CLIENT_GROUP_BANDS) as (keyof typeof CLIENT_GROUP_BANDS)[]) {
      const published = publishedCareHomes(CLIENT_GROUP_BANDS[group]);
      for (const row of rows.filter((r) => r.client_group === group)) {
        const tally = published.get(row.area_code) ?? { homes: 0, beds: 0, homes_with_nursing: 0 };
        expect(row, `${row.area_code} ${group}`).toMatchObject({ homes: tally.homes, beds: tally.beds, homes_with_nursing: tally.homes_with_nursing });
      }
    }
  });

  it("beds needed hold that rate against the projected 75+ population", async () => {
    const rows = await query<{ target_year: number; beds_needed: number; projected_aged_75_plus: number; beds_per_1000_aged_75_plus: number }>(
      `select target_year, beds_needed, projected_aged_75_plus, beds_per_1000_aged_75_plus from market_beds_needed where area_code = 'E06000051' order by target_year`,
    );
    expect(rows.map((row) => row.target_year)).toEqual([2030, 2035, 2047]);
    const projected = await query<{ year: number; aged_75_plus: number }>(
      `select year, aged_75_plus from needs_population_older where area_code = 'E06000051' and series = 'projection' and year in (2030, 2035, 2047) order by year`,
    );
    rows.forEach((row, index) => {
      expect(row.projected_aged_75_plus).toBe(projected[index]!.aged_75_plus);
      expect(row.beds_needed).toBeCloseTo((row.beds_per_1000_aged_75_plus * row.projected_aged_75_plus) / 1000, 6);
      expect(row.beds_needed).toBeGreaterThan(3_526);
    });
  });
});

describe("dementia prevalence (CFAS II)", () => {
  let rates: Map<string, number>;
  beforeAll(() => {
    const book = XLSX.read(readFileSync(join(root, "sources/data/dementia-prevalence-cfas2/dementia-reference-rates.xlsx")));
    const rows = XLSX.utils.sheet_to_json<{ AgeBand: string; Sex: string; DementiaPrevalence: number }>(book.Sheets["Sheet1"]!);
    rates = new Map(rows.map((row) => [`${row.AgeBand}|${row.Sex.toLowerCase()}`, row.DementiaPrevalence]));
  });

  it("is the published rate times the population, for women aged 85-89 in Shropshire, mid-2022", async () => {
    const [row] = await query<{ population: number; people_with_dementia: number }>(
      `select population, people_with_dementia from needs_dementia_prevalence
       where area_code = 'E06000051' and series = 'estimate' and year = 2022 and sex = 'female' and age_band = '85-89'`,
    );
    const [population] = await query<{ population: number }>(
      `select population from needs_population_by_band where area_code = 'E06000051' and series = 'estimate' and year = 2022 and sex = 'female' and age_band = '85-89'`,
    );
    expect(rates.get("85-89|female")).toBe(0.181);
    expect(row!.population).toBe(population!.population);
    expect(row!.people_with_dementia).toBeCloseTo(0.181 * population!.population, 9);
  });

  it("adds up over bands and sexes to the totals, for every area and year", async () => {
    const rows = await query<{ area_code: string; series: string; year: number; total: number; by_band: number }>(`
      select t.area_code, t.series, t.year, t.people_with_dementia as total,
             (select sum(d.people_with_dementia) from needs_dementia_prevalence d
              where d.area_code = t.area_code and d.series = t.series and d.year = t.year and d.sex in ('male', 'female')) as by_band
      from needs_dementia_prevalence_totals t where t.sex = 'persons'`);
    // One per area, series and year of the population: England and 153 councils x 8 estimate
    // years (councils formed since 2015 summed from their predecessors) and x 26 projection
    // years (2022 to 2047 in the 2022-based edition, 2018 to 2043 in the 2018-based).
    const [population] = await query<{ n: number }>(`select count(*)::integer as n from needs_population_older`);
    expect(rows).toHaveLength(population!.n);
    expect(rows).toHaveLength(154 * 8 + 154 * 26);
    for (const row of rows) expect(row.total, `${row.area_code} ${row.series} ${row.year}`).toBeCloseTo(row.by_band, 6);
  });

  it("covers every rate in the file and no other", async () => {
    const used = await query<{ age_band: string; sex: string; prevalence: number }>(
      `select distinct age_band, sex, prevalence from needs_dementia_prevalence where sex <> 'persons'`,
    );
    expect(used).toHaveLength(rates.size);
    for (const row of used) expect(row.prevalence).toBe(rates.get(`${row.age_band}|${row.sex}`));
  });
});

describe("ratings and providers: coverage is stated, not implied", () => {
  it("Shropshire and its comparators have no ratings and no provider data, and say so", async () => {
    const ratings = await query<{ area_code: string; ratings_available: boolean; rating: string | null; coverage: string }>(
      `select area_code, ratings_available, rating, coverage from market_ratings_mix where area_code = 'E06000051'`,
    );
    expect(ratings).toEqual([
      {
        area_code: "E06000051",
        ratings_available: false,
        rating: null,
        coverage: "No ratings data for this area: ratings are held only for Devon, Plymouth, Somerset, Torbay (CQC API records, February 2021)",
      },
    ]);
    const [concentration] = await query<{ provider_data: boolean; hhi: number | null; homes: number }>(
      `select provider_data, hhi, homes from market_concentration where area_code = 'E06000051'`,
    );
    expect(concentration).toEqual({ provider_data: false, hhi: null, homes: 119 });
    const configuredWithRatings = await query(`select * from market_ratings_mix where area_code = 'E06000051' and ratings_available`);
    expect(configuredWithRatings).toEqual([]);
  });

  it("overall ratings in the four south-west councils add up to the counts in PROVENANCE.md", async () => {
    const rows = await query<{ rating: string; homes: number }>(
      `select rating, sum(homes)::integer as homes from market_ratings_mix where key_question = 'Overall' and ratings_available group by rating order by rating`,
    );
    expect(Object.fromEntries(rows.map((row) => [row.rating, row.homes]))).toEqual({
      Good: 561,
      "Requires improvement": 83,
      Outstanding: 56,
      Inadequate: 12,
      "Inspected but not rated": 2,
      "No current rating": 14,
    });
  });

  it("HHI for Somerset equals the sum of squared provider shares of beds, computed here", async () => {
    const beds = new Map<string, number>();
    for (const row of csv(CQC_SOUTHWEST_FILE).filter((r) => r["localAuthority"] === "Somerset")) {
      beds.set(row["providerId"]!, (beds.get(row["providerId"]!) ?? 0) + Number(row["numberOfBeds"]));
    }
    const total = [...beds.values()].reduce((sum, n) => sum + n, 0);
    const hhi = [...beds.values()].reduce((sum, n) => sum + (100 * n / total) ** 2, 0);
    const [row] = await query<{ hhi: number; providers: number; beds: number; concentration: string }>(
      `select hhi, providers, beds, concentration from market_concentration where area_name = 'Somerset'`,
    );
    expect(row!.beds).toBe(total);
    expect(row!.providers).toBe(beds.size);
    expect(row!.hhi).toBeCloseTo(hhi, 6);
  });
});

describe("adult social care activity, in house vs external", () => {
  it("Shropshire 2022-23: community activity 343,224, 68.1% external (PROVENANCE.md); residential all external", async () => {
    const rows = await query<{ setting: string; total: number; external_share: number }>(
      `select setting, total, external_share from market_asc_activity where area_code = 'E06000051' and year = 2023 order by setting`,
    );
    const community = rows.find((row) => row.setting === "Other (community)")!;
    expect(community.total).toBe(343_224);
    expect(community.external_share).toBeCloseTo(0.681, 3);
    expect(rows.find((row) => row.setting === "Residential")!.external_share).toBe(1);
  });

  it("shares agree with the published percent_sector wherever it is published, for every council", async () => {
    const rows = await query<{ area_code: string; year: number; setting: string; share: number; published: number }>(`
      select m.area_code, m.year, m.setting, m.external_share as share, s.percent_sector as published
      from market_asc_activity m
      join int_asc_activity__by_council s using (area_code, year, setting)
      where s.provision = 'external' and s.percent_sector is not null and m.area_code <> 'E92000001'`);
    expect(rows.length).toBeGreaterThan(300);
    for (const row of rows) expect(100 * row.share, `${row.area_code} ${row.year} ${row.setting}`).toBeCloseTo(row.published, 4);
  });

  it("follows each comparator only while it existed, and never attributes 2017", async () => {
    const rows = await query<{ area_code: string; first: number; last: number; has_2017: boolean }>(
      `select area_code, min(year) as first, max(year) as last, bool_or(year = 2017) as has_2017 from market_asc_activity where area_code <> 'E92000001' group by area_code`,
    );
    const byCode = Object.fromEntries(rows.map((row) => [row.area_code, row]));
    expect(byCode["E06000051"]).toEqual({ area_code: "E06000051", first: 2001, last: 2023, has_2017: false });
    expect(byCode["E06000059"]).toMatchObject({ first: 2020, last: 2023 }); // Dorset Council, from April 2019
    expect(byCode["E06000049"]).toMatchObject({ first: 2010 }); // Cheshire East, from April 2009
  });

  it("leaves unmatched only the council-type totals and the councils abolished in 2009", async () => {
    const rows = await query<{ published_name: string }>(
      `select distinct published_name from int_asc_activity__council_match where match_method = 'unmatched' order by published_name`,
    );
    expect(rows.map((row) => row.published_name)).toEqual([
      "320-Cheshire",
      "610-Bedfordshire",
      "Bedfordshire",
      "Cheshire",
      "TOTAL%20Inner%20London",
      "TOTAL%20Metropolitan%20Districts",
      "TOTAL%20Outer%20London",
      "TOTAL%20Shire%20Counties",
      "TOTAL%20Unitary%20Authorities",
    ]);
  });
});

describe("personal data", () => {
  let names: string[];
  beforeAll(() => {
    names = personalNames(root);
  });

  it("no nominated individual or registered manager named in the raw CQC files appears in any model built from them, or in any public table", async () => {
    expect(names.length).toBeGreaterThan(5_000);
    // The tables to search, from the lineage the run recorded: every model that reads the CQC
    // files however indirectly, and every public table. Internal spend lines are left out: a
    // sole trader paid by a council can share a name with a nominated individual.
    const db = await openWarehouse(warehouse(), { readOnly: true });
    let tables: string[];
    try {
      const lineage = await db.all<{ table_name: string; classification: string; inputs: string[] }>(`select table_name, classification, inputs from meta_classification`);
      const fromCqc = new Set(lineage.filter((row) => row.table_name.startsWith("raw_cqc_")).map((row) => row.table_name));
      for (let grew = true; grew; ) {
        grew = false;
        for (const row of lineage) {
          if (!fromCqc.has(row.table_name) && row.inputs.some((input) => fromCqc.has(input))) {
            fromCqc.add(row.table_name);
            grew = true;
          }
        }
      }
      tables = lineage.filter((row) => !row.table_name.startsWith("raw_") && (fromCqc.has(row.table_name) || row.classification === "public")).map((row) => row.table_name);
    } finally {
      db.close();
    }
    expect(tables).toEqual(expect.arrayContaining(["stg_cqc_care_homes_2021__locations", "market_care_homes", "market_provider_shares"]));
    expect(await findNames(warehouse(), names, new RegExp(`^(${tables.join("|")})$`))).toEqual([]);
  });

  it("the same search does find them in the raw tables, so it would catch a leak", async () => {
    const hits = await findNames(warehouse(), names, /^raw_cqc_/);
    // Registered managers sit in regulated_activities as separate Python-literal fields
    // ('personGivenName': …, 'personFamilyName': …), never as one run of words, so only the
    // nominated individuals are found here; staging drops both columns whole.
    expect(new Set(hits.map((hit) => hit.column))).toContain("provider_nominated_individual_name");
    expect(hits.length).toBeGreaterThan(4_000);
  });

  it("no model table has a column named for people", async () => {
    const columns = await query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
       where regexp_matches(table_name, '^(stg|int|needs|market)_')
         and regexp_matches(column_name, 'nominated|individual|manager|contact|person|regulated_activities')`,
    );
    expect(columns).toEqual([]);
  });
});
