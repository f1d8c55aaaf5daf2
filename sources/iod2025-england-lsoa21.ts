// English Indices of Deprivation 2025 for all 33,755 LSOAs in England (2021 geography): rank,
// decile and score of the IMD and its seven domains (File 7, as repackaged by the IMD R package).
// See data/iod2025-england-lsoa21/PROVENANCE.md.
import { defineCsvSource, type SourceDeclaration } from "./declaration.ts";
import { IOD2025_LICENCE, IOD2025_LSOAS, perDomain } from "./iod2025-shared.ts";

export const IOD2025_ENGLAND_DIR = "sources/data/iod2025-england-lsoa21";
/** The IMD R package's snapshot of MHCLG's release (File 7, 30 October 2025). */
export const IOD2025_RELEASED = "2025-10-30";

/** What the national IoD2025 tables (this one, sub-domains, indicators, LTLA summaries) share. */
export const IOD2025_ENGLAND = {
  publisher: "Ministry of Housing, Communities and Local Government (repackaged by the IMD R package, humaniverse/IMD)",
  licence: IOD2025_LICENCE,
  edition: "IoD2025 (LSOA 2021), all England",
  url: "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2025",
  format: "csv",
  cadenceMonths: 60,
  classification: "public",
} as const satisfies Partial<SourceDeclaration>;

export default defineCsvSource({
  id: "iod2025-england-lsoa21",
  title: "English indices of deprivation 2025: all LSOAs in England (2021), IMD and domain ranks, deciles and scores",
  ...IOD2025_ENGLAND,
  table: "raw_iod2025_england_lsoa21",
  coverage: [{ column: "lsoa21_code", entities: "LSOA 2021 in England" }],
  files: [{ path: `${IOD2025_ENGLAND_DIR}/imd2025_england_lsoa21.csv`, edition: "IoD2025 File 7", released: IOD2025_RELEASED }],
  columns: [
    { name: "lsoa21_code", type: "VARCHAR", required: true, description: "LSOA 2021 code", rule: "unique; 33,755 English LSOAs" },
    ...perDomain("decile", "INTEGER", "national decile, 1 = most deprived 10%"),
    ...perDomain("rank", "INTEGER", `rank among England's ${IOD2025_LSOAS.toLocaleString("en-GB")} LSOAs, 1 = most deprived`),
    ...perDomain("score", "DOUBLE", "domain score (units differ by domain: rates, scores, standardised values)"),
  ],
  notes: "No council column: join lsoa21_code to the LSOA 2021 lookup (geography-lookups-lsoa21). The package dropped File 7's population denominators.",
});
