// The bundled published files read the plain way, without the project's loaders or models, so
// that integration tests compare the warehouse and the sites with figures taken independently
// from the files: ONS mid-2022 estimates, CQC's care homes, CFAS II dementia rates, IoD2025 by
// LSOA with ONS's LSOA and council lookups.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as XLSX from "@e965/xlsx";
import Papa from "papaparse";
import { CQC_ENGLAND_FILE } from "./personal-names.ts";

export const root = resolve(import.meta.dirname, "..");

export function csv(path: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(join(root, path), "utf8").replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
}

export interface Tally {
  homes: number;
  beds: number;
  homes_with_nursing: number;
  homes_dementia: number;
  beds_dementia: number;
}

/** The CQC columns that say a home is registered for a client group's service-user bands. */
export const CLIENT_GROUP_BANDS = {
  "older people": ["Service user band - Older People"],
  "working-age adults": ["Service user band - Learning disabilities or autistic spectrum disorder", "Service user band - Mental Health", "Service user band - Physical Disability"],
} as const;

/** Homes and beds per upper-tier council, and for England, straight from the CSVs; with `bands`, only homes registered for one of them. */
export function publishedCareHomes(bands?: readonly string[]): Map<string, Tally> {
  const lookup = new Map(csv("sources/data/ons-ltla-utla-2022/Lower_Tier_Local_Authority_to_Upper_Tier_Local_Authority_(December_2022)_Lookup_in_England_and_Wales.csv").map((row) => [row["LTLA22CD"]!, row["UTLA22CD"]!]));
  const tallies = new Map<string, Tally>();
  for (const row of csv(CQC_ENGLAND_FILE)) {
    if (bands && !bands.some((band) => row[band] === "Y")) continue;
    const lad = row["lad"]!;
    const council = lad.startsWith("E07") ? lookup.get(lad)! : lad;
    const beds = Number(row["Care homes beds"]);
    const dementia = row["Service user band - Dementia"] === "Y";
    for (const code of [council, "E92000001"]) {
      const tally = tallies.get(code) ?? { homes: 0, beds: 0, homes_with_nursing: 0, homes_dementia: 0, beds_dementia: 0 };
      tally.homes += 1;
      tally.beds += beds;
      if (row["Service type - Care home service with nursing"] === "Y") tally.homes_with_nursing += 1;
      if (dementia) {
        tally.homes_dementia += 1;
        tally.beds_dementia += beds;
      }
      tallies.set(code, tally);
    }
  }
  return tallies;
}

type Sex = "Persons" | "Females" | "Males";
let mye2022: XLSX.WorkBook | null = null;

/** An area's mid-2022 estimate by single year of age (index 90 is 90 and over), from ONS's MYE2 sheet. */
export function mid2022Ages(code: string, sex: Sex = "Persons"): number[] {
  mye2022 ??= XLSX.read(readFileSync(join(root, "sources/data/ons-mye-2022/mye22final.xlsx")), { sheets: ["MYE2 - Persons", "MYE2 - Females", "MYE2 - Males"] });
  const rows = XLSX.utils.sheet_to_json<(string | number)[]>(mye2022.Sheets[`MYE2 - ${sex}`]!, { header: 1 });
  const header = rows.find((row) => row[0] === "Code")!;
  const row = rows.find((r) => r[0] === code);
  if (!row) throw new Error(`mid-2022 estimates: no row for ${code}`);
  return Array.from({ length: 91 }, (_, age) => Number(row[header.indexOf(age === 90 ? "90+" : String(age))]));
}

/** CFAS II prevalence by band start (65 ... 90) and sex, from the published rates workbook. */
export function dementiaRates(): Map<string, number> {
  const book = XLSX.read(readFileSync(join(root, "sources/data/dementia-prevalence-cfas2/dementia-reference-rates.xlsx")));
  const rows = XLSX.utils.sheet_to_json<{ AgeBand: string; Sex: string; DementiaPrevalence: number }>(book.Sheets["Sheet1"]!);
  return new Map(rows.map((row) => [`${parseInt(row.AgeBand, 10)}|${row.Sex.toLowerCase()}`, row.DementiaPrevalence]));
}

/** People aged 65+ with dementia in mid-2022: each 5-year band's rate times its people, by sex. */
export function dementia2022(code: string): number {
  const rates = dementiaRates();
  let total = 0;
  for (const [sex, key] of [["Females", "female"], ["Males", "male"]] as const) {
    const ages = mid2022Ages(code, sex);
    for (let age = 65; age <= 90; age++) total += ages[age]! * rates.get(`${Math.min(Math.floor(age / 5) * 5, 90)}|${key}`)!;
  }
  return total;
}

/** A council's IoD2025 LSOAs (IMD decile by LSOA), placed by ONS's LSOA-ward-LTLA24 lookup; a county by its districts (LTLA23-UTLA23). */
export function iod2025Lsoas(council: string): { lsoa: string; decile: number }[] {
  const districts = new Set(csv("sources/data/geography-lookups-lsoa21/lookup_ltla23_utla23.csv").filter((row) => row.utla23_code === council).map((row) => row.ltla23_code!));
  districts.add(council);
  const inCouncil = new Set(csv("sources/data/geography-lookups-lsoa21/lookup_lsoa21_ward24_ltla24.csv").filter((row) => districts.has(row.ltla24_code!)).map((row) => row.lsoa21_code!));
  return csv("sources/data/iod2025-england-lsoa21/imd2025_england_lsoa21.csv")
    .filter((row) => inCouncil.has(row.lsoa21_code!))
    .map((row) => ({ lsoa: row.lsoa21_code!, decile: Number(row.IMD_decile) }));
}
