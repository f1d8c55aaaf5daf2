// Defra's 2011 Rural-Urban Classification of local authority districts (2011 boundaries, v2),
// with the 2011 Census populations behind each class. A CSV, read through the header-row reader
// because it carries a unit row under the header and a footnote below the table (declared as
// layout, so they are counted as skipped rather than loaded or rejected).
import { defineSpreadsheetSource, OGL, type Column } from "./declaration.ts";
import { headerRowReader } from "./readers/header-row-workbook.ts";

const AREA_CODE = /^E\d{8}$/;

export const RUC2011_LICENCE = {
  ...OGL,
  attribution: "Source: Department for Environment, Food & Rural Affairs, Rural Urban Classification (2011), licensed under the Open Government Licence v3.0",
};

// Columns 7 and 9 ("Rural including hub towns … population1", the count and, with a trailing
// space, the percentage) have the same label once spaces are trimmed, so neither can be found
// by its label. Both follow from the columns read: rural + hub towns, and that over the total.
export const RUC2011_LAD_COLUMNS: Column[] = [
  { name: "lad11_code", type: "VARCHAR", required: true, header: "LAD11CD", description: "District code (2011 boundaries)", rule: "E and 8 digits" },
  { name: "lad11_name", type: "VARCHAR", required: true, header: "LAD11NM", description: "District name" },
  { name: "ruc11_code", type: "INTEGER", required: true, header: "RUC11CD", description: "Class 1 (Mainly Rural) to 6 (Urban with Major Conurbation)", rule: "1..6" },
  { name: "ruc11_name", type: "VARCHAR", required: true, header: "RUC11", description: "Class label with its threshold, e.g. 'Largely Rural (rural including hub towns 50-79%)'" },
  { name: "rural_population", type: "INTEGER", required: true, header: "Rural population1", description: "Usual residents in rural output areas, 2011 Census" },
  { name: "hub_town_population", type: "INTEGER", required: true, header: "Hub towns (rural related) population1", description: "Usual residents in rural-related hub towns, 2011 Census" },
  { name: "total_population", type: "INTEGER", required: true, header: "Total population1", description: "Usual residents, 2011 Census" },
];

const read = headerRowReader(RUC2011_LAD_COLUMNS, {
  checks: {
    lad11_code: (value) => (AREA_CODE.test(String(value)) ? null : `'${value}' is not an English area code`),
    ruc11_code: (value) => (Number(value) >= 1 && Number(value) <= 6 ? null : `${value} is not a class 1..6`),
  },
  // Row 2 holds only "(%)" over the percentage column; the footnote explains the "1" in the headers.
  layoutRows: [/^\(%\)$/, /^1 2011 Census usual resident population$/],
});

export default defineSpreadsheetSource(
  {
    id: "ruc2011-lad",
    title: "Rural Urban Classification (2011) of Local Authority Districts in England (v2)",
    publisher: "Department for Environment, Food & Rural Affairs (Government Statistical Service)",
    licence: RUC2011_LICENCE,
    edition: "2011 classification, LAD 2011 boundaries (v2)",
    url: "https://www.gov.uk/government/statistics/2011-rural-urban-classification-of-local-authority-and-other-higher-level-geographies-for-statistical-purposes",
    format: "csv",
    // Revised with each Census; the 2021 classification of local authorities is due.
    cadenceMonths: 120,
    classification: "public",
    table: "raw_ruc2011_lad",
    files: [
      {
        path: "sources/data/ruc2011-lad/RUC11_LAD11_ENv2.csv",
        edition: "2011 (v2)",
        // No date in the copy; the date the repository it came from last changed the file.
        released: "2024-08-29",
      },
    ],
    columns: RUC2011_LAD_COLUMNS,
    notes:
      "2011 district codes: councils merged since (Dorset, BCP, Buckinghamshire, North and West Northamptonshire, Cumberland, " +
      "Westmorland and Furness, North Yorkshire, Somerset) appear as their former districts. Populations are quoted with thousands " +
      "separators in the file; the reader parses them as numbers.",
  },
  read,
);
