// The 2021 Rural-Urban Classification of every LSOA (2021) in England and Wales (ONS/Defra),
// via geographr. See data/geography-lookups-lsoa21/PROVENANCE.md.
import { defineCsvSource } from "./declaration.ts";
import { GEOGRAPHY_LSOA21, GEOGRAPHY_LSOA21_DIR } from "./geography-lookups-lsoa21.ts";
import { textColumn } from "./ons-lookup-columns.ts";

export default defineCsvSource({
  id: "geography-lookups-lsoa21-ruc21",
  title: "Rural Urban Classification (2021) of LSOAs (2021), England and Wales",
  ...GEOGRAPHY_LSOA21,
  edition: "LSOA21_RUC21_EW_LU (5 March 2025)",
  cadenceMonths: 120,
  table: "raw_ruc21_lsoa21",
  files: [{ path: `${GEOGRAPHY_LSOA21_DIR}/ruc21_lsoa21.csv`, edition: "LSOA21_RUC21_EW_LU", released: "2025-03-05" }],
  columns: [
    textColumn("lsoa21_code", "lsoa21_code", "LSOA 2021 code", true),
    textColumn("ruc21_code", "ruc21_code", "RUC 2021 class code, e.g. UN1, RLF1", true),
    textColumn("ruc21_class", "classification", "RUC 2021 class name, e.g. 'Urban: Nearer to a major town or city'", true),
    { name: "ruc21_urban_rural", type: "VARCHAR", required: true, header: "ruc", description: "Urban or Rural (RUC 2021 flag)", rule: "Urban or Rural" },
  ],
});
