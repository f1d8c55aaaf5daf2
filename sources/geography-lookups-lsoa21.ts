// ONS best-fit lookup from LSOA 2021 to electoral ward 2024 to lower-tier council 2024, England
// and Wales, as repackaged by the geographr R package. The other tables in the same folder are
// declared beside it (geography-lookups-lsoa21-*.ts). See data/geography-lookups-lsoa21/PROVENANCE.md.
import { defineCsvSource, OGL, type SourceDeclaration } from "./declaration.ts";
import { textColumn } from "./ons-lookup-columns.ts";

export const GEOGRAPHY_LSOA21_DIR = "sources/data/geography-lookups-lsoa21";
/** What the tables in this folder share (each declared in its own geography-lookups-lsoa21-*.ts). */
export const GEOGRAPHY_LSOA21 = {
  publisher: "Office for National Statistics, Open Geography Portal (repackaged by the geographr R package, humaniverse/geographr)",
  licence: {
    ...OGL,
    attribution: "Source: Office for National Statistics licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right",
  },
  url: "https://geoportal.statistics.gov.uk/",
  format: "csv",
  classification: "public",
} as const satisfies Partial<SourceDeclaration>;

export default defineCsvSource({
  id: "geography-lookups-lsoa21",
  title: "LSOA (2021) to electoral ward (2024) to local authority district (2024) best-fit lookup, England and Wales",
  ...GEOGRAPHY_LSOA21,
  edition: "LSOA21_WD24_LAD24_EW_LU",
  cadenceMonths: 12,
  table: "raw_lookup_lsoa21_ward24_ltla24",
  // ONS's own release date is not recorded in the package; this is the day geographr took it up.
  files: [{ path: `${GEOGRAPHY_LSOA21_DIR}/lookup_lsoa21_ward24_ltla24.csv`, edition: "LSOA21_WD24_LAD24_EW_LU", released: "2025-02-13" }],
  columns: [
    textColumn("lsoa21_name", "lsoa21_name", "LSOA 2021 name: its MSOA's name and a letter", true),
    textColumn("lsoa21_code", "lsoa21_code", "LSOA 2021 code", true),
    textColumn("ward24_name", "ward24_name", "Electoral ward (2024) name", true),
    textColumn("ward24_code", "ward24_code", "Electoral ward (2024) code", true),
    textColumn("ltla24_name", "ltla24_name", "Lower-tier council (2024) name", true),
    textColumn("ltla24_code", "ltla24_code", "Lower-tier council (2024) code", true),
  ],
  notes: "Best fit: each LSOA is assigned to one ward, so ward totals built from LSOAs are approximations. England and Wales rows.",
});
