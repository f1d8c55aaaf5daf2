// The places pipeline's bundled files through the loader: every row read is loaded or
// rejected, layout rows are skipped (and counted), and the values a reader could shift or
// mangle (quoted names with commas, thousands separators, labels with stray spaces) arrive
// intact. Expected figures are from each folder's PROVENANCE.md or counted here from the file.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSource, type FileLoad } from "../../pipelines/load/index.ts";
import { openWarehouse, type Warehouse } from "../../pipelines/warehouse.ts";
import type { Source } from "../../sources/declaration.ts";
import iod2019Lsoa from "../../sources/iod2019-lsoa-domains.ts";
import geographyLookups from "../../sources/geography-lookups-lsoa21.ts";
import iod2025Ltla from "../../sources/iod2025-england-ltla24.ts";
import laAllCodes from "../../sources/la-all-codes.ts";
import msoaNames from "../../sources/msoa-lookup-hcl-names.ts";
import ruc2011Lad from "../../sources/ruc2011-lad.ts";
import ruc2011Utla from "../../sources/ruc2011-utla.ts";

const root = resolve(import.meta.dirname, "../..");
let db: Warehouse;
const loads = new Map<string, FileLoad>();

beforeAll(async () => {
  db = await openWarehouse(":memory:");
  // The LSOA lookup first: the council file's coverage is checked against its councils.
  const sources: Source[] = [geographyLookups, iod2019Lsoa, iod2025Ltla, laAllCodes, msoaNames, ruc2011Lad, ruc2011Utla];
  for (const source of sources) {
    const [load] = await loadSource(db, source, { root, runId: "test" });
    loads.set(source.id, load!);
  }
}, 60_000);
afterAll(() => db.close());

/** The file's records parsed independently of the loader (header row dropped). */
function records(source: Source): string[][] {
  const text = readFileSync(resolve(root, source.files[0]!.path), "utf8");
  return Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data.slice(1);
}

describe("every bundled places file reconciles with nothing rejected", () => {
  it.each([
    ["iod2019-lsoa-domains", 32_844, 1],
    ["iod2025-england-ltla24", 296, 0],
    ["la-all-codes", 415, 0],
    ["msoa-lookup-hcl-names", 10_404, 0],
    // The header, the "(%)" unit row, a blank row and the footnote.
    ["ruc2011-lad", 326, 4],
    // Three title rows, the header and five blank rows.
    ["ruc2011-utla", 152, 9],
  ])("%s: %i rows read and loaded, %i skipped", (id, rows, skipped) => {
    expect(loads.get(id)).toMatchObject({ rowsRead: rows, rowsLoaded: rows, rowsRejected: 0, rowsSkipped: skipped });
  });
});

describe("the 2011 Rural-Urban Classification of districts", () => {
  it("holds Shropshire's class and 2011 populations (PROVENANCE.md)", async () => {
    const [row] = await db.all(`select ruc11_code, ruc11_name, rural_population, hub_town_population, total_population from raw_ruc2011_lad where lad11_code = 'E06000051'`);
    expect(row).toEqual({
      ruc11_code: 2,
      ruc11_name: "Largely Rural (rural including hub towns 50-79%)",
      rural_population: 175_469,
      hub_town_population: 53_688,
      total_population: 306_129,
    });
  });

  it("gives, from the columns loaded, the two columns it cannot load by label (rural incl. hub towns, and its %)", async () => {
    const file = new Map(
      records(ruc2011Lad)
        .filter((record) => /^E\d{8}$/.test(record[0] ?? ""))
        .map((record) => [record[0]!, { count: Number(record[6]!.replace(/,/g, "")), percent: Number(record[8]) }]),
    );
    expect(file.size).toBe(326);
    const rows = await db.all<{ lad11_code: string; rural_population: number; hub_town_population: number; total_population: number }>(
      `select lad11_code, rural_population, hub_town_population, total_population from raw_ruc2011_lad`,
    );
    for (const row of rows) {
      const published = file.get(row.lad11_code)!;
      expect(row.rural_population + row.hub_town_population, row.lad11_code).toBe(published.count);
      expect(Math.abs((100 * published.count) / row.total_population - published.percent), row.lad11_code).toBeLessThan(0.05 + 1e-9);
    }
  });
});

describe("the 2011 Rural-Urban Classification of counties and unitaries (UTLA 2021)", () => {
  it("finds the header below the title rows and holds the pre-2023 counties, not their successors", async () => {
    const rows = await db.all<{ utla21_code: string; ruc11_6_fold: string; ruc11_3_fold: string }>(
      `select utla21_code, ruc11_6_fold, ruc11_3_fold from raw_ruc2011_utla where utla21_code in ('E06000051', 'E06000019', 'E10000006', 'E06000065') order by 1`,
    );
    expect(rows).toEqual([
      { utla21_code: "E06000019", ruc11_6_fold: "Largely Rural", ruc11_3_fold: "Predominantly Rural" },
      { utla21_code: "E06000051", ruc11_6_fold: "Largely Rural", ruc11_3_fold: "Predominantly Rural" },
      { utla21_code: "E10000006", ruc11_6_fold: "Largely Rural", ruc11_3_fold: "Predominantly Rural" },
    ]);
    const [name] = await db.all(`select utla21_name from raw_ruc2011_utla where utla21_code = 'E06000058'`);
    expect(name).toEqual({ utla21_name: "Bournemouth, Christchurch and Poole" });
  });
});

describe("IoD2025 council summaries (all 296 lower-tier councils)", () => {
  it("quoted names keep their commas and the columns stay aligned", async () => {
    const rows = await db.all(
      `select area_code, area_name, imd_average_score, imd_rank_of_average_score from raw_iod2025_england_ltla24
       where area_code in ('E06000019', 'E06000051') order by 1`,
    );
    expect(rows).toEqual([
      { area_code: "E06000019", area_name: "Herefordshire, County of", imd_average_score: 18.762, imd_rank_of_average_score: 152 },
      { area_code: "E06000051", area_name: "Shropshire", imd_average_score: 17.604, imd_rank_of_average_score: 166 },
    ]);
  });
});

describe("lookups", () => {
  it("MSOA names: House of Commons Library names, and 6,970 English rows (PROVENANCE.md)", async () => {
    const [row] = await db.all(`select msoanm, msoahclnm, msoa11cd, msoa21cd from raw_msoa_lookup_hcl_names where msoacd = 'E02006008'`);
    expect(row).toEqual({ msoanm: "Shropshire 025", msoahclnm: "Shifnal", msoa11cd: "E02006008", msoa21cd: "E02006008" });
    const [england] = await db.all(`select count(*)::integer as n from raw_msoa_lookup_hcl_names where ctrycd = 'E92000001'`);
    expect(england).toEqual({ n: 6_970 });
  });

  it("council code history: an abolished code points at its successor, and Current is a boolean", async () => {
    const rows = await db.all(`select ladcd, ladcd_active, utlacd, current from raw_la_all_codes where ladcd in ('E06000048', 'E07000026', 'E06000051') order by 1`);
    expect(rows).toEqual([
      { ladcd: "E06000048", ladcd_active: "E06000057", utlacd: "E06000057", current: false },
      { ladcd: "E06000051", ladcd_active: "E06000051", utlacd: "E06000051", current: true },
      { ladcd: "E07000026", ladcd_active: "E06000063", utlacd: "E06000063", current: false },
    ]);
  });
});
