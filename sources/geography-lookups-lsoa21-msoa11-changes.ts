// ONS lookup from MSOA 2011 to MSOA 2021, England and Wales, via geographr.
// See data/geography-lookups-lsoa21/PROVENANCE.md.
import { defineCsvSource } from "./declaration.ts";
import { GEOGRAPHY_LSOA21, GEOGRAPHY_LSOA21_DIR } from "./geography-lookups-lsoa21.ts";
import { textColumn } from "./ons-lookup-columns.ts";

export default defineCsvSource({
  id: "geography-lookups-lsoa21-msoa11-changes",
  title: "MSOA (2011) to MSOA (2021) to local authority district (2022) lookup, England and Wales",
  ...GEOGRAPHY_LSOA21,
  edition: "MSOA11_MSOA21_LAD22_EW_LU",
  cadenceMonths: 120,
  table: "raw_lookup_msoa11_msoa21",
  // ONS's own release date is not recorded in the package; this is the day geographr took it up.
  files: [{ path: `${GEOGRAPHY_LSOA21_DIR}/lookup_msoa11_msoa21_ltla22.csv`, edition: "MSOA11_MSOA21_LAD22_EW_LU", released: "2022-08-23" }],
  columns: [
    textColumn("msoa11_name", "msoa11_name", "MSOA 2011 name", true),
    textColumn("msoa11_code", "msoa11_code", "MSOA 2011 code", true),
    textColumn("msoa21_name", "msoa21_name", "MSOA 2021 name", true),
    textColumn("msoa21_code", "msoa21_code", "MSOA 2021 code", true),
    textColumn("ltla22_name", "ltla22_name", "Lower-tier council (2022) name", true),
    textColumn("ltla22_code", "ltla22_code", "Lower-tier council (2022) code", true),
  ],
});
