// Places from the default run (tests/setup/pipeline.ts): deprivation, rurality, localities and
// comparator similarity for the configured council, checked against the published files read
// independently here, and the rule that IoD2019 and IoD2025 never share a mart.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as XLSX from "@e965/xlsx";
import Papa from "papaparse";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { loadCouncilConfig } from "../../pipelines/config.ts";
import { queryWarehouse } from "../../pipelines/warehouse.ts";

const root = resolve(import.meta.dirname, "../..");
const setup = inject("pipeline");
const config = loadCouncilConfig(root);
const SHROPSHIRE = "E06000051";

const query = <T>(sql: string) => queryWarehouse<T>(join(setup.warehouseDir, "warehouse.duckdb"), sql);

interface Counted {
  lsoas: number;
  decile1: number;
  decile1or2: number;
}

/** IoD2019 File 2, read here without the project's reader: IMD deciles by LAD code (2019). */
function file2ByDistrict(): Map<string, Counted> {
  const path = join(root, "sources/data/iod2019-lsoa-domains/File_2_-_IoD2019_Domains_of_Deprivation.xlsx");
  const sheet = XLSX.read(readFileSync(path)).Sheets["IoD2019 Domains"]!;
  const [header, ...rows] = XLSX.utils.sheet_to_json<(string | number)[]>(sheet, { header: 1, raw: true });
  const lad = header!.indexOf("Local Authority District code (2019)");
  const decile = header!.indexOf("Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)");
  expect(lad).toBeGreaterThanOrEqual(0);
  expect(decile).toBeGreaterThanOrEqual(0);
  const out = new Map<string, Counted>();
  for (const row of rows) {
    const counted = out.get(String(row[lad])) ?? { lsoas: 0, decile1: 0, decile1or2: 0 };
    counted.lsoas++;
    if (row[decile] === 1) counted.decile1++;
    if (Number(row[decile]) <= 2) counted.decile1or2++;
    out.set(String(row[lad]), counted);
  }
  return out;
}

const csv = (path: string) => Papa.parse<Record<string, string>>(readFileSync(join(root, path), "utf8").trim(), { header: true }).data;

/** The IoD2025 LSOA CSV and ONS's LSOA-to-council lookup, parsed here: a council's LSOAs. */
function iod2025Records(council = SHROPSHIRE): Record<string, string>[] {
  const inCouncil = new Set(csv("sources/data/geography-lookups-lsoa21/lookup_lsoa21_ward24_ltla24.csv").filter((row) => row.ltla24_code === council).map((row) => row.lsoa21_code));
  return csv("sources/data/iod2025-england-lsoa21/imd2025_england_lsoa21.csv").filter((row) => inCouncil.has(row.lsoa21_code!));
}

function geojsonCodes(file: string, property: string): string[] {
  const json = JSON.parse(readFileSync(join(root, "sources/data/boundaries-lsoa-msoa-2021", file), "utf8"));
  return json.features.map((feature: { properties: Record<string, string> }) => feature.properties[property]).sort();
}

const codes = async (sql: string) => (await query<{ code: string }>(sql)).map((row) => row.code).sort();

describe("deprivation by LSOA for Shropshire", () => {
  let file2: Map<string, Counted>;
  beforeAll(() => {
    file2 = file2ByDistrict();
  });

  it("has 193 LSOAs (2011) in IoD2019 and 198 LSOAs (2021) in IoD2025", async () => {
    const [lsoa2019] = await query<{ n: number }>(`select count(*)::integer as n from needs_deprivation_lsoa_2019 where area_code = '${SHROPSHIRE}'`);
    const [lsoa2025] = await query<{ n: number }>(`select count(*)::integer as n from needs_deprivation_lsoa_2025 where area_code = '${SHROPSHIRE}'`);
    expect(lsoa2019!.n).toBe(193);
    expect(lsoa2025!.n).toBe(198);
    expect(file2.get(SHROPSHIRE)!.lsoas).toBe(193);
    expect(iod2025Records()).toHaveLength(198);
  });

  it("IoD2019: the shares in England's most deprived 10% and 20% are those counted from File 2, for the council and each comparator", async () => {
    const rows = await query<{ area_code: string; lsoa_count: number; lsoas_most_deprived_10: number; lsoas_most_deprived_20: number; share_most_deprived_10: number; share_most_deprived_20: number }>(
      `select area_code, lsoa_count, lsoas_most_deprived_10, lsoas_most_deprived_20, share_most_deprived_10, share_most_deprived_20
       from needs_deprivation_summary_2019 where area_code in (${[config.council, ...config.comparators].map((code) => `'${code}'`).join(", ")})`,
    );
    expect(rows.map((row) => row.area_code).sort()).toEqual([config.council, ...config.comparators].sort());
    for (const row of rows) {
      // Every configured council kept its 2019 code, so File 2's district code finds it directly.
      const counted = file2.get(row.area_code)!;
      expect(row, row.area_code).toMatchObject({
        lsoa_count: counted.lsoas,
        lsoas_most_deprived_10: counted.decile1,
        lsoas_most_deprived_20: counted.decile1or2,
        share_most_deprived_10: counted.decile1 / counted.lsoas,
        share_most_deprived_20: counted.decile1or2 / counted.lsoas,
      });
    }
    const shropshire = rows.find((row) => row.area_code === SHROPSHIRE)!;
    expect([shropshire.lsoas_most_deprived_10, shropshire.lsoas_most_deprived_20]).toEqual([2, 9]);
  });

  it("IoD2019: England holds all 32,844 LSOAs, a tenth of them in the most deprived decile by construction", async () => {
    const [england] = await query<{ lsoa_count: number; lsoas_most_deprived_10: number }>(
      `select lsoa_count, lsoas_most_deprived_10 from needs_deprivation_summary_2019 where level = 'country'`,
    );
    expect(england).toEqual({ lsoa_count: 32_844, lsoas_most_deprived_10: [...file2.values()].reduce((sum, c) => sum + c.decile1, 0) });
    expect(england!.lsoas_most_deprived_10).toBe(3_284);
  });

  it("IoD2019: the council's published summary (File 11) sits beside the counts: IMD score 17.153, rank 110 of 151", async () => {
    const [row] = await query(
      `select published_in, councils_ranked, imd_average_score, imd_rank_of_average_score, published_share_most_deprived_10, idaopi_average_score
       from needs_deprivation_summary_2019 where area_code = '${SHROPSHIRE}'`,
    );
    expect(row).toEqual({
      published_in: "File 11 (upper tier)",
      councils_ranked: 151,
      imd_average_score: 17.153,
      imd_rank_of_average_score: 110,
      published_share_most_deprived_10: 0.0104,
      idaopi_average_score: 0.113,
    });
  });

  it("IoD2025: the shares in England's most deprived 10% and 20% are those counted from the LSOA file", async () => {
    const records = iod2025Records();
    const decile1 = records.filter((record) => record.IMD_decile === "1").length;
    const decile1or2 = records.filter((record) => Number(record.IMD_decile) <= 2).length;
    const [row] = await query(
      `select lsoa_count, lsoas_most_deprived_10, lsoas_most_deprived_20, share_most_deprived_10, share_most_deprived_20, imd_average_score, published_share_most_deprived_10
       from needs_deprivation_summary_2025 where area_code = '${SHROPSHIRE}'`,
    );
    expect(row).toEqual({
      lsoa_count: 198,
      lsoas_most_deprived_10: decile1,
      lsoas_most_deprived_20: decile1or2,
      share_most_deprived_10: decile1 / 198,
      share_most_deprived_20: decile1or2 / 198,
      imd_average_score: 17.604,
      published_share_most_deprived_10: 0.0101,
    });
    expect([decile1, decile1or2]).toEqual([2, 11]);
  });

  it("IoD2025: every comparator's LSOA counts are those counted from the national files, beside its published summary", async () => {
    const rows = await query<{ area_code: string; lsoa_count: number; lsoas_most_deprived_20: number; imd_average_score: number | null }>(
      `select area_code, lsoa_count, lsoas_most_deprived_20, imd_average_score from needs_deprivation_summary_2025
       where area_code in (${config.comparators.map((code) => `'${code}'`).join(", ")})`,
    );
    expect(rows.map((row) => row.area_code).sort()).toEqual([...config.comparators].sort());
    for (const row of rows) {
      const records = iod2025Records(row.area_code);
      expect(row, row.area_code).toMatchObject({ lsoa_count: records.length, lsoas_most_deprived_20: records.filter((r) => Number(r.IMD_decile) <= 2).length });
      expect(row.imd_average_score, row.area_code).toBeGreaterThan(0);
    }
  });

  it("IoD2025: a county council, which IoD2025 summarises only by district, has LSOA counts and says no summary is published", async () => {
    const [kent] = await query(`select lsoa_count, summary_published, imd_average_score from needs_deprivation_summary_2025 where area_code = 'E10000016'`);
    const districts = new Set(csv("sources/data/geography-lookups-lsoa21/lookup_ltla23_utla23.csv").filter((row) => row.utla23_code === "E10000016").map((row) => row.ltla23_code));
    const lsoas = csv("sources/data/geography-lookups-lsoa21/lookup_lsoa21_ward24_ltla24.csv").filter((row) => districts.has(row.ltla24_code!));
    expect(kent).toEqual({ lsoa_count: lsoas.length, summary_published: false, imd_average_score: null });
    expect(lsoas.length).toBeGreaterThan(900);
  });
});

describe("IoD2019 and IoD2025 never share a mart", () => {
  const IOD2019 = /iod2019|_2019$|lsoa11|msoa11|lad19/;
  const IOD2025 = /iod2025|_2025$|lsoa21|msoa21/;

  it("no mart holds columns or rows of both editions, and every edition-keyed mart holds one edition, named in its table", async () => {
    const columns = await query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns where table_name like 'needs_%'`,
    );
    const marts = [...new Set(columns.map((column) => column.table_name))];
    expect(marts).toContain("needs_deprivation_lsoa_2019");
    for (const mart of marts) {
      const names = columns.filter((column) => column.table_name === mart).map((column) => column.column_name);
      const editions = new Set<string>();
      if (names.some((name) => IOD2019.test(name))) editions.add("IoD2019");
      if (names.some((name) => IOD2025.test(name))) editions.add("IoD2025");
      if (names.includes("edition")) {
        for (const { edition } of await query<{ edition: string }>(`select distinct edition from ${mart}`)) editions.add(edition);
        expect(editions.size, mart).toBe(1);
        expect(mart, mart).toMatch(editions.has("IoD2019") ? /_2019$/ : /_2025$/);
      }
      expect([...editions], mart).not.toEqual(expect.arrayContaining(["IoD2019", "IoD2025"]));
    }
  });

  it("each LSOA mart holds only its own vintage: the 16 LSOAs new in 2021 only in 2025, the 11 changed 2011 LSOAs only in 2019", async () => {
    const lsoa2019 = await codes(`select lsoa11_code as code from needs_deprivation_lsoa_2019 where area_code = '${SHROPSHIRE}'`);
    const lsoa2025 = await codes(`select lsoa21_code as code from needs_deprivation_lsoa_2025 where area_code = '${SHROPSHIRE}'`);
    const onlyIn2019 = lsoa2019.filter((code) => !lsoa2025.includes(code));
    const onlyIn2025 = lsoa2025.filter((code) => !lsoa2019.includes(code));
    expect(onlyIn2019).toHaveLength(11);
    expect(onlyIn2025).toEqual(Array.from({ length: 16 }, (_, i) => `E010350${57 + i}`));
  });
});

describe("maps can join the marts", () => {
  it("every LSOA and MSOA in the marts has a boundary of its vintage, and every boundary a row", async () => {
    const mine = `where area_code = '${SHROPSHIRE}'`;
    expect(await codes(`select lsoa11_code as code from needs_deprivation_lsoa_2019 ${mine}`)).toEqual(geojsonCodes("lsoa11_E06000051.geojson", "LSOA11CD"));
    expect(await codes(`select lsoa21_code as code from needs_deprivation_lsoa_2025 ${mine}`)).toEqual(geojsonCodes("lsoa_E06000051.geojson", "LSOA21CD"));
    expect(await codes(`select msoa_code as code from needs_locality_msoa_2019 ${mine}`)).toEqual(geojsonCodes("msoa11_E06000051.geojson", "MSOA11CD"));
    expect(await codes(`select msoa_code as code from needs_locality_msoa_2025 ${mine}`)).toEqual(geojsonCodes("msoa_E06000051.geojson", "MSOA21CD"));
  });

  it("the TopoJSON's English upper-tier councils for 2023 are the councils the comparison ranks", async () => {
    const topology = JSON.parse(readFileSync(join(root, "sources/data/boundaries-la-topojson/uk-la-topo-2014-2025.json"), "utf8"));
    const utla2023 = topology.objects.utla.geometries
      .map((geometry: { properties: { areacd: string; start?: number; end?: number } }) => geometry.properties)
      .filter((p: { areacd: string; start?: number; end?: number }) => p.areacd.startsWith("E") && (p.start ?? 0) <= 2023 && (p.end ?? 9999) >= 2023)
      .map((p: { areacd: string }) => p.areacd)
      .sort();
    expect(utla2023).toEqual(await codes(`select area_code as code from int_councils__upper_tier`));
    expect(utla2023).toHaveLength(153);
  });
});

describe("localities (MSOAs) for Shropshire", () => {
  it("cover every LSOA of each edition, with House of Commons Library names", async () => {
    const rows = await query<{ edition: string; msoas: number; lsoas: number; most_deprived_20: number }>(
      `select edition, count(*)::integer as msoas, sum(lsoa_count)::integer as lsoas, sum(lsoas_most_deprived_20)::integer as most_deprived_20 from needs_locality_msoa_2019 where area_code = '${SHROPSHIRE}' group by 1
       union all
       select edition, count(*)::integer, sum(lsoa_count)::integer, sum(lsoas_most_deprived_20)::integer from needs_locality_msoa_2025 where area_code = '${SHROPSHIRE}' group by 1 order by 1`,
    );
    expect(rows).toEqual([
      { edition: "IoD2019", msoas: 39, lsoas: 193, most_deprived_20: 9 },
      { edition: "IoD2025", msoas: 39, lsoas: 198, most_deprived_20: 11 },
    ]);
    const [shifnal] = await query(`select msoa_name, msoa_hcl_name from needs_locality_msoa_2025 where msoa_code = 'E02006008'`);
    expect(shifnal).toEqual({ msoa_name: "Shropshire 025", msoa_hcl_name: "Shifnal" });
  });
});

describe("rurality", () => {
  it("Shropshire is Largely Rural (class 2), 74.9% rural including hub towns in 2011, from the district and UTLA files", async () => {
    const [row] = await query(`select ruc11_code, ruc11_6_fold, ruc11_3_fold, rural_share_2011 from needs_rurality where area_code = '${SHROPSHIRE}'`);
    expect(row).toEqual({ ruc11_code: 2, ruc11_6_fold: "Largely Rural", ruc11_3_fold: "Predominantly Rural", rural_share_2011: (175_469 + 53_688) / 306_129 });
  });

  it("Shropshire's LSOAs by RUC21 class add up to 198, 112 of them rural", async () => {
    const rows = await query<{ ruc21_urban_rural: string; lsoa_count: number }>(`select ruc21_urban_rural, lsoa_count from needs_rurality_lsoa_ruc21 where area_code = '${SHROPSHIRE}'`);
    expect(rows.reduce((sum, row) => sum + row.lsoa_count, 0)).toBe(198);
    expect(rows.filter((row) => row.ruc21_urban_rural === "Rural").reduce((sum, row) => sum + row.lsoa_count, 0)).toBe(112);
  });
});

describe("comparator similarity", () => {
  interface Features {
    area_code: string;
    share_65_plus: number;
    share_85_plus: number;
    rural_share_2011: number;
    imd_average_score_2019: number;
  }
  const FEATURES = ["share_65_plus", "share_85_plus", "rural_share_2011", "imd_average_score_2019"] as const;

  it("ranks as the stated method does, recomputed here from the features", async () => {
    const features = await query<Features>(`select area_code, ${FEATURES.join(", ")} from int_councils__comparison_features`);
    expect(features).toHaveLength(153);
    const z = (feature: (typeof FEATURES)[number]) => {
      const values = features.map((f) => f[feature]);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      return (f: Features) => (f[feature] - mean) / sd;
    };
    const scalers = FEATURES.map(z);
    const council = features.find((f) => f.area_code === config.council)!;
    const distance = (f: Features) => Math.sqrt(scalers.reduce((sum, scale) => sum + (scale(f) - scale(council)) ** 2, 0));
    const expected = features
      .filter((f) => f.area_code !== config.council)
      .map((f) => ({ area_code: f.area_code, distance: distance(f) }))
      .sort((a, b) => a.distance - b.distance || a.area_code.localeCompare(b.area_code))
      .slice(0, 15);
    const mart = await query<{ area_code: string; distance: number }>(
      `select area_code, distance from needs_comparator_similarity where council_code = '${config.council}' and is_nearest_15 order by similarity_rank`,
    );
    expect(mart.map((row) => row.area_code)).toEqual(expected.map((row) => row.area_code));
    mart.forEach((row, i) => expect(row.distance).toBeCloseTo(expected[i]!.distance, 10));
  });

  it("lists, for every council, itself at rank 0 and every other council once, the 15 nearest flagged", async () => {
    const rows = await query<{ area_code: string; similarity_rank: number; is_nearest_15: boolean }>(
      `select area_code, similarity_rank, is_nearest_15 from needs_comparator_similarity where council_code = '${SHROPSHIRE}' order by similarity_rank`,
    );
    expect(rows[0]).toMatchObject({ area_code: SHROPSHIRE, similarity_rank: 0, is_nearest_15: false });
    expect(new Set(rows.map((row) => row.area_code)).size).toBe(153);
    expect(rows.filter((row) => row.is_nearest_15).map((row) => row.similarity_rank)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const [pairs] = await query<{ councils: number; rows: number }>(`select count(distinct council_code)::integer as councils, count(*)::integer as rows from needs_comparator_similarity`);
    expect(pairs).toEqual({ councils: 153, rows: 153 * 153 });
  });
});
