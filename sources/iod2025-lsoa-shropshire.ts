// English Indices of Deprivation 2025 for Shropshire's 198 LSOAs (2021 geography), with the
// 2021 Rural-Urban Classification of each LSOA: rows cut verbatim from a repackaged national
// file (matthewgthomas/deprivation-explorer). See data/iod2025-lsoa-shropshire/PROVENANCE.md.
import { defineCsvSource, OGL, type Column } from "./declaration.ts";

/** The IMD and its domains: stem shared with IoD2019's columns, and the file's label. */
export const IOD2025_DOMAINS = [
  { stem: "imd", label: "IMD" },
  { stem: "income", label: "Income" },
  { stem: "employment", label: "Employment" },
  { stem: "education", label: "Education" },
  { stem: "health", label: "Health" },
  { stem: "crime", label: "Crime" },
  { stem: "barriers", label: "Housing_and_Services" },
  { stem: "living_environment", label: "Environment" },
] as const;

/** Ranks run 1..33,755 over England's LSOAs (2021); 1 is the most deprived. */
export const IOD2025_LSOAS = 33_755;

export const IOD2025_LICENCE = {
  ...OGL,
  attribution:
    "Source: Ministry of Housing, Communities and Local Government, English indices of deprivation 2025; Office for National Statistics, " +
    "Rural Urban Classification 2021; both licensed under the Open Government Licence v3.0",
};

export const perDomain = (measure: "decile" | "rank" | "score", type: Column["type"], description: string): Column[] =>
  IOD2025_DOMAINS.map(({ stem, label }) => ({ name: `${stem}_${measure}`, type, required: true, header: `${label}_${measure}`, description: `${label}: ${description}` }));

export default defineCsvSource({
  id: "iod2025-lsoa-shropshire",
  title: "English indices of deprivation 2025: Shropshire LSOAs (2021) with ranks, deciles, scores and the 2021 rural-urban class",
  publisher: "Ministry of Housing, Communities and Local Government (repackaged by the IMD R package and deprivation-explorer)",
  licence: IOD2025_LICENCE,
  edition: "IoD2025 (LSOA 2021), Shropshire subset",
  url: "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2025",
  format: "csv",
  cadenceMonths: 60,
  classification: "public",
  table: "raw_iod2025_lsoa_shropshire",
  files: [
    {
      path: "sources/data/iod2025-lsoa-shropshire/imd2025_lsoa21_shropshire_with_ruc21.csv",
      edition: "IoD2025",
      // MHCLG's statistical release of IoD2025.
      released: "2025-10-30",
    },
  ],
  columns: [
    { name: "lsoa_code", type: "VARCHAR", required: true, description: "LSOA 2021 code" },
    ...perDomain("decile", "INTEGER", "national decile, 1 = most deprived 10%"),
    ...perDomain("rank", "INTEGER", `rank among England's ${IOD2025_LSOAS.toLocaleString("en-GB")} LSOAs, 1 = most deprived`),
    ...perDomain("score", "DOUBLE", "domain score (units differ by domain: rates, scores, standardised values)"),
    { name: "lsoa_name", type: "VARCHAR", required: true, description: "LSOA 2021 name: its MSOA's name and a letter" },
    { name: "lad_code", type: "VARCHAR", required: true, description: "Lower-tier council (2024)" },
    { name: "lad_name", type: "VARCHAR", required: true, description: "Lower-tier council name" },
    { name: "region_name", type: "VARCHAR", required: true, description: "English region" },
    { name: "ruc21_class", type: "VARCHAR", required: true, header: "classification", description: "2021 Rural-Urban Classification of the LSOA (6 classes, e.g. 'Larger rural: Nearer to a major town or city')" },
    { name: "ruc21_urban_rural", type: "VARCHAR", required: true, header: "ruc", description: "Urban or Rural (RUC21 flag)" },
  ],
  notes:
    "A subset: only Shropshire's LSOAs, cut verbatim from the national file. Not comparable with IoD2019 ranks (new LSOA geography, " +
    "updated indicators). The supplementary indices IDACI and IDAOPI are not in this file.",
});
