// ONS lookup from lower-tier to upper-tier council, April 2023 (England and Wales), via geographr.
// See data/geography-lookups-lsoa21/PROVENANCE.md.
import { defineCsvSource } from "./declaration.ts";
import { GEOGRAPHY_LSOA21, GEOGRAPHY_LSOA21_DIR } from "./geography-lookups-lsoa21.ts";
import { textColumn } from "./ons-lookup-columns.ts";

export default defineCsvSource({
  id: "geography-lookups-lsoa21-ltla23-utla23",
  title: "Lower tier local authority to upper tier local authority (April 2023) lookup, England and Wales",
  ...GEOGRAPHY_LSOA21,
  edition: "LTLA23_UTLA23_EW_LU (5 April 2023)",
  cadenceMonths: 12,
  table: "raw_lookup_ltla23_utla23",
  files: [{ path: `${GEOGRAPHY_LSOA21_DIR}/lookup_ltla23_utla23.csv`, edition: "LTLA23_UTLA23_EW_LU", released: "2023-04-05" }],
  columns: [
    textColumn("ltla23_code", "ltla23_code", "Lower-tier council (April 2023) code", true),
    textColumn("ltla23_name", "ltla23_name", "Lower-tier council name", true),
    textColumn("utla23_code", "utla23_code", "Upper-tier council (April 2023) code: the county, or the unitary itself", true),
    textColumn("utla23_name", "utla23_name", "Upper-tier council name", true),
  ],
});
