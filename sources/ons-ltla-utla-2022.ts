// ONS Open Geography lookup from lower-tier to upper-tier councils, December 2022 (CSV with BOM).
import { defineCsvSource, OGL } from "./declaration.ts";

export default defineCsvSource({
  id: "ons-ltla-utla-2022",
  title: "Lower Tier Local Authority to Upper Tier Local Authority (December 2022) Lookup in England and Wales",
  publisher: "Office for National Statistics (Open Geography Portal)",
  licence: OGL,
  edition: "December 2022",
  url: "https://geoportal.statistics.gov.uk/",
  format: "csv",
  cadenceMonths: 12,
  classification: "public",
  table: "raw_ons_ltla_utla_2022",
  files: [
    {
      path: "sources/data/ons-ltla-utla-2022/Lower_Tier_Local_Authority_to_Upper_Tier_Local_Authority_(December_2022)_Lookup_in_England_and_Wales.csv",
      edition: "December 2022",
      // The portal gives no release date in the copy; the geography's reference month is used.
      released: "2022-12-01",
    },
  ],
  columns: [
    { name: "ltla22cd", type: "VARCHAR", required: true, header: "LTLA22CD", description: "lower-tier council code" },
    { name: "ltla22nm", type: "VARCHAR", required: true, header: "LTLA22NM", description: "lower-tier council name" },
    { name: "utla22cd", type: "VARCHAR", required: true, header: "UTLA22CD", description: "upper-tier council code" },
    { name: "utla22nm", type: "VARCHAR", required: true, header: "UTLA22NM", description: "upper-tier council name" },
    { name: "objectid", type: "INTEGER", required: true, header: "ObjectId", description: "ArcGIS row id, no meaning" },
  ],
});
