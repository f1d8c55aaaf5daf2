// The national IoD2025 LSOA file must carry exactly the values of the Shropshire subset that the
// marts read today, so that moving the marts onto the national file changes no published figure.
// Both files are read here with papaparse, independently of the loader and the warehouse.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const read = (path: string) => Papa.parse<Record<string, string>>(readFileSync(resolve(root, path), "utf8"), { header: true, skipEmptyLines: true }).data;

const subset = read("sources/data/iod2025-lsoa-shropshire/imd2025_lsoa21_shropshire_with_ruc21.csv");
const national = new Map(read("sources/data/iod2025-england-lsoa21/imd2025_england_lsoa21.csv").map((row) => [row.lsoa21_code!, row]));
const DOMAINS = ["IMD", "Income", "Employment", "Education", "Health", "Crime", "Housing_and_Services", "Environment"];
const MEASURES = DOMAINS.flatMap((domain) => ["score", "rank", "decile"].map((measure) => `${domain}_${measure}`));

describe("IoD2025: the national LSOA file reproduces the Shropshire subset", () => {
  it("has every one of the subset's 198 LSOAs", () => {
    expect(subset).toHaveLength(198);
    expect(subset.filter((row) => !national.has(row.lsoa_code!)).map((row) => row.lsoa_code)).toEqual([]);
  });

  it("gives each of them the same score, rank and decile for the IMD and every domain", () => {
    const differences = subset.flatMap((row) =>
      MEASURES.filter((measure) => Number(national.get(row.lsoa_code!)?.[measure]) !== Number(row[measure])).map((measure) => ({
        lsoa: row.lsoa_code,
        measure,
        subset: row[measure],
        national: national.get(row.lsoa_code!)?.[measure],
      })),
    );
    expect(differences).toEqual([]);
    // Guard against a vacuous pass: the columns compared must exist and hold numbers.
    expect(MEASURES.every((measure) => subset.every((row) => Number.isFinite(Number(row[measure])) && row[measure] !== ""))).toBe(true);
  });
});
