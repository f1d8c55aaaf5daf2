// Recorded-style payloads built from real files in this repository, so the replayed responses
// carry real identifiers, names and numbers rather than invented ones.
import Papa from "papaparse";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const repo = resolve(import.meta.dirname, "../..");
const fixtures = join(import.meta.dirname, "fixtures/contracts-finder-ocds");

type Json = Record<string, unknown>;

/** The five bundled Contracts Finder packages, as parsed JSON. */
export function contractsFinderPackages(): Json[] {
  return readdirSync(fixtures)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(fixtures, name), "utf8")) as Json);
}

/**
 * Splits real releases into release packages of `pageSize`, each but the last with a
 * `links.next` carrying a cursor, the way both OCDS APIs page. Package metadata comes from the
 * first real package.
 */
export function pagedPackages(base: string, path: string, pageSize: number): { cursor: string | null; body: string; releases: Json[] }[] {
  const packages = contractsFinderPackages();
  const releases = packages.flatMap((pkg) => pkg.releases as Json[]);
  const { releases: _r, ...metadata } = packages[0]!;
  const pages: { cursor: string | null; body: string; releases: Json[] }[] = [];
  for (let start = 0, index = 0; start < releases.length; start += pageSize, index++) {
    const slice = releases.slice(start, start + pageSize);
    const more = start + pageSize < releases.length;
    const nextCursor = Buffer.from(`page${index + 1}`).toString("base64").replace(/=/g, "");
    const body = { ...metadata, releases: slice, ...(more ? { links: { next: `${base}${path}?cursor=${nextCursor}&limit=${pageSize}` } } : {}) };
    pages.push({ cursor: index === 0 ? null : Buffer.from(`page${index}`).toString("base64").replace(/=/g, ""), body: JSON.stringify(body), releases: slice });
  }
  return pages;
}

export interface PopulationRow {
  gender: "Total" | "Male" | "Female";
  age: string;
  value: number;
}

/**
 * Shropshire's mid-2022 population by sex and single year of age, read from the bundled ONS
 * 2022-based SNPP files: their 2022 column is the mid-2022 estimate (whole numbers), which is
 * what Nomis serves as NM_2002_1 for date 2022.
 */
export function shropshirePopulation2022(): PopulationRow[] {
  const files = { Total: "persons", Male: "males", Female: "females" } as const;
  const rows: PopulationRow[] = [];
  for (const [gender, file] of Object.entries(files) as [PopulationRow["gender"], string][]) {
    const text = readFileSync(join(repo, `sources/data/ons-snpp-2022/2022_SNPP_Population_${file}_E06000051.csv`), "utf8");
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    const area = parsed.data.filter((row) => row.AREA_CODE === "E06000051");
    const byAge = new Map(area.map((row) => [row.AGE_GROUP!, Number(row["2022"])]));
    const ages = ["All ages", ...Array.from({ length: 90 }, (_, age) => String(age)), "90 and over"];
    for (const age of ages) {
      const value = byAge.get(age);
      if (value === undefined || !Number.isInteger(value)) throw new Error(`SNPP ${file}: no whole 2022 value for age ${age}`);
      rows.push({ gender, age, value });
    }
  }
  return rows;
}

const nomisAge = (age: string) => (age === "All ages" ? "All Ages" : age === "90 and over" ? "Aged 90+" : `Age ${age}`);
const quoted = (cells: (string | number)[]) => cells.map((cell) => `"${cell}"`).join(",");

export const NOMIS_HEADER = quoted(["DATE_NAME", "GEOGRAPHY_NAME", "GEOGRAPHY_CODE", "GENDER_NAME", "C_AGE_NAME", "MEASURES_NAME", "OBS_VALUE", "OBS_STATUS_NAME", "RECORD_OFFSET", "RECORD_COUNT"]);

/** Nomis-style CSV pages (every field quoted, as Nomis writes them) of at most pageSize rows. */
export function nomisPages(rows: PopulationRow[], pageSize: number, header = NOMIS_HEADER): string[] {
  const lines = rows.map((row, offset) =>
    quoted(["2022", "Shropshire", "E06000051", row.gender, nomisAge(row.age), "Value", row.value, "Normal Value", offset, rows.length]),
  );
  const pages: string[] = [];
  for (let start = 0; start < lines.length; start += pageSize) pages.push(`${[header, ...lines.slice(start, start + pageSize)].join("\n")}\n`);
  return pages;
}

export interface CareHome {
  locationId: string;
  name: string;
  postalCode: string;
  overall: string | null;
  record: Json;
}

/**
 * Care homes from the bundled CQC API extract (Torbay's, in file order), as API records: flat
 * fields as the API gave them, numberOfBeds as a number, and the current overall rating pulled
 * out of the extract's Python-literal cell. Managers' names are left out.
 */
export function torbayCareHomes(count: number): CareHome[] {
  const text = readFileSync(join(repo, "sources/data/cqc-api-care-homes-southwest-2021/cqc_care_homes.csv"), "utf8");
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  return parsed.data
    .filter((row) => row.localAuthority === "Torbay")
    .slice(0, count)
    .map((row) => {
      const overall = /'overall': \{'rating': '([^']+)'/.exec(row.currentRatings ?? "")?.[1] ?? null;
      const record: Json = {
        locationId: row.locationId,
        providerId: row.providerId,
        name: row.name,
        registrationStatus: row.registrationStatus,
        registrationDate: row.registrationDate,
        numberOfBeds: Number(row.numberOfBeds),
        postalCode: row.postalCode,
        localAuthority: row.localAuthority,
        careHome: row.careHome,
        ...(overall ? { currentRatings: { overall: { rating: overall } } } : {}),
      };
      return { locationId: row.locationId!, name: row.name!, postalCode: row.postalCode!, overall, record };
    });
}

/** CQC list pages: ids and names only, with page/totalPages/total as the API reports them. */
export function cqcListPages(homes: CareHome[], perPage: number): string[] {
  const totalPages = Math.ceil(homes.length / perPage);
  return Array.from({ length: totalPages }, (_, index) =>
    JSON.stringify({
      total: homes.length,
      page: index + 1,
      perPage,
      totalPages,
      locations: homes.slice(index * perPage, (index + 1) * perPage).map((home) => ({ locationId: home.locationId, locationName: home.name, postalCode: home.postalCode })),
    }),
  );
}
