// ONS lookup from LSOA 2011 to LSOA 2021 with the change each made (unchanged, split, merged,
// complex), England and Wales, via geographr. See data/geography-lookups-lsoa21/PROVENANCE.md.
import { defineCsvSource } from "./declaration.ts";
import { GEOGRAPHY_LSOA21, GEOGRAPHY_LSOA21_DIR } from "./geography-lookups-lsoa21.ts";
import { textColumn } from "./ons-lookup-columns.ts";

export default defineCsvSource({
  id: "geography-lookups-lsoa21-lsoa11-changes",
  title: "LSOA (2011) to LSOA (2021) to local authority district (2022) lookup, England and Wales",
  ...GEOGRAPHY_LSOA21,
  edition: "LSOA11_LSOA21_LAD22_EW_LU version 2",
  // Redrawn with each census: the 2031 census is the next change.
  cadenceMonths: 120,
  table: "raw_lookup_lsoa11_lsoa21",
  files: [{ path: `${GEOGRAPHY_LSOA21_DIR}/lookup_lsoa11_lsoa21_ltla22.csv`, edition: "LSOA11_LSOA21_LAD22_EW_LU v2", released: "2022-08-15" }],
  columns: [
    textColumn("lsoa11_name", "lsoa11_name", "LSOA 2011 name", true),
    textColumn("lsoa11_code", "lsoa11_code", "LSOA 2011 code", true),
    { name: "change_code", type: "VARCHAR", required: true, description: "U unchanged, S split, M merged, X complex (redrawn)", rule: "one of U, S, M, X" },
    textColumn("lsoa21_name", "lsoa21_name", "LSOA 2021 name", true),
    textColumn("lsoa21_code", "lsoa21_code", "LSOA 2021 code", true),
    textColumn("ltla22_name", "ltla22_name", "Lower-tier council (2022) name", true),
    textColumn("ltla22_code", "ltla22_code", "Lower-tier council (2022) code", true),
  ],
});
