// Defra's 2011 Rural-Urban Classification of counties and unitary authorities on 2021
// boundaries (lookup tables for higher-level geographies, 17 October 2023 edition, one sheet
// exported to CSV). Title rows sit above the header and blank rows below the table, so the
// CSV is read through the header-row reader, which finds the header by its labels.
import { defineSpreadsheetSource, type Column } from "./declaration.ts";
import { headerRowReader } from "./readers/header-row-workbook.ts";
import { RUC2011_LICENCE } from "./ruc2011-lad.ts";

export const RUC2011_6_FOLD = [
  "Mainly Rural",
  "Largely Rural",
  "Urban with Significant Rural",
  "Urban with City and Town",
  "Urban with Minor Conurbation",
  "Urban with Major Conurbation",
] as const;
export const RUC2011_3_FOLD = ["Predominantly Rural", "Urban with Significant Rural", "Predominantly Urban"] as const;

const oneOf = (allowed: readonly string[]) => (value: string | number) =>
  allowed.includes(String(value)) ? null : `'${value}' is not one of ${allowed.join(", ")}`;

export const RUC2011_UTLA_COLUMNS: Column[] = [
  { name: "utla21_code", type: "VARCHAR", required: true, header: "Upper Tier Local Authority Area 2021 Code", description: "County or unitary council code (2021)" },
  { name: "utla21_name", type: "VARCHAR", required: true, header: "Upper Tier Local Authority Area 2021 Name", description: "Council name" },
  { name: "ruc11_6_fold", type: "VARCHAR", required: true, header: "Rural-Urban Classification 2011 (6 fold)", description: "Class label, without its threshold", rule: RUC2011_6_FOLD.join(", ") },
  { name: "ruc11_3_fold", type: "VARCHAR", required: true, header: "Rural-Urban Classification 2011 (3 fold)", description: "Broad class", rule: RUC2011_3_FOLD.join(", ") },
];

const read = headerRowReader(RUC2011_UTLA_COLUMNS, {
  checks: { utla21_code: (value) => (/^E\d{8}$/.test(String(value)) ? null : `'${value}' is not an English area code`), ruc11_6_fold: oneOf(RUC2011_6_FOLD), ruc11_3_fold: oneOf(RUC2011_3_FOLD) },
});

export default defineSpreadsheetSource(
  {
    id: "ruc2011-utla",
    title: "Rural-Urban Classification 2011 lookup tables for higher level geographies: counties and unitary authorities (UTLA 2021)",
    publisher: "Department for Environment, Food & Rural Affairs (Government Statistical Service)",
    licence: RUC2011_LICENCE,
    edition: "2011 classification, UTLA 2021 boundaries (17 October 2023)",
    url: "https://www.gov.uk/government/statistics/2011-rural-urban-classification-of-local-authority-and-other-higher-level-geographies-for-statistical-purposes",
    format: "csv",
    cadenceMonths: 120,
    classification: "public",
    table: "raw_ruc2011_utla",
    files: [
      {
        path: "sources/data/ruc2011-utla/17_10_2023_-_Rural-Urban_Classification_2011_lookup_tables_for_higher_level_geographies.csv",
        edition: "17 October 2023",
        released: "2023-10-17",
      },
    ],
    columns: RUC2011_UTLA_COLUMNS,
    notes:
      "UTLA 2021 boundaries predate April 2023: Cumbria, North Yorkshire and Somerset are listed as the county councils they were, " +
      "so Cumberland, Westmorland and Furness, North Yorkshire (E06000065) and Somerset (E06000066) have no row. The 3-fold label " +
      "'Urban with Significant Rural' is the same text as the 6-fold one.",
  },
  read,
);
