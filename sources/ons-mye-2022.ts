// ONS mid-2022 population estimates (revised "final" edition, March 2024), table MYE2, .xlsx.
import { defineSpreadsheetSource, OGL } from "./declaration.ts";
import { MYE2_COLUMNS, readMye2Workbook } from "./readers/mye2-workbook.ts";

export default defineSpreadsheetSource(
  {
    id: "ons-mye-2022",
    title: "Mid-year population estimates, UK, June 2022: local authorities by single year of age and sex (MYE2)",
    publisher: "Office for National Statistics",
    licence: OGL,
    edition: "mid-2022 (final, published 26 March 2024)",
    url: "https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates/datasets/populationestimatesforukenglandandwalesscotlandandnorthernireland",
    format: "xlsx",
    cadenceMonths: 12,
    classification: "public",
    table: "raw_ons_mye_2022",
    files: [{ path: "sources/data/ons-mye-2022/mye22final.xlsx", edition: "mid-2022", released: "2024-03-26" }],
    columns: MYE2_COLUMNS,
    notes: "2022/2023 boundaries (April 2023 unitaries already merged). Counties appear as aggregate rows: filter by area type.",
  },
  readMye2Workbook,
);
