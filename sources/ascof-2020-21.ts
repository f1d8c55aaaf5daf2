// NHS Digital's Adult Social Care Outcomes Framework (ASCOF), England 2020-21: every measure for
// every council, region, council type and England, in long form (one row per measure type),
// from a workbook re-save of the published open-data CSV (see data/ascof-2020-21/PROVENANCE.md).
import { defineSpreadsheetSource, OGL, type Column } from "./declaration.ts";
import { headerRowReader } from "./readers/header-row-workbook.ts";

/** The measure types the staging model pivots into columns; any other would be lost there. */
export const ASCOF_MEASURE_TYPES = ["Outcome", "Numerator", "Denominator", "Base", "Margin Of Error"] as const;
/** '[x]' not available, '[c]' suppressed for disclosure control: kept as published in raw. */
export const ASCOF_MARKERS = ["[x]", "[c]"] as const;

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export const ASCOF_COLUMNS: Column[] = [
  {
    name: "geographical_code",
    type: "VARCHAR",
    required: true,
    header: "Geographical Code",
    description: "CASSR code for councils (a number, e.g. 417); a letter code for regions and council types; 'England'",
  },
  { name: "geographical_description", type: "VARCHAR", required: true, header: "Geographical Description", description: "Area name as published" },
  {
    name: "geographical_level",
    type: "VARCHAR",
    required: true,
    header: "Geographical Level",
    description: "Council, Region, Council Type or England",
  },
  {
    name: "ons_code",
    type: "VARCHAR",
    // Council Type rows (shire counties, unitaries, …) are groups, not places, and have none.
    required: false,
    header: "ONS Code",
    description: "ONS GSS code of the area; empty for council types",
  },
  { name: "ascof_measure_code", type: "VARCHAR", required: true, header: "ASCOF Measure Code", description: "Measure group joined with its disaggregation, e.g. 1A65OV" },
  { name: "disaggregation_level", type: "VARCHAR", required: true, header: "Disaggregation Level", description: "Total, 18-64, 65 and over, Female, Male, …" },
  {
    name: "measure_type",
    type: "VARCHAR",
    required: true,
    header: "Measure Type",
    description: "Which figure the row holds",
    rule: `one of ${ASCOF_MEASURE_TYPES.join(", ")}`,
  },
  {
    name: "measure_value",
    type: "VARCHAR",
    required: true,
    header: "Measure Value",
    description: "The figure, or a marker: [x] not available, [c] suppressed",
    rule: "a number, [x] or [c]",
  },
  { name: "measure_group", type: "VARCHAR", required: true, header: "Measure Group", description: "ASCOF measure, e.g. 2A2" },
  { name: "measure_group_description", type: "VARCHAR", required: true, header: "Measure Group Description", description: "What the measure counts" },
];

const oneOf = (allowed: readonly string[]) => (value: string | number) =>
  allowed.includes(String(value)) ? null : `'${value}' is not one of ${allowed.join(", ")}`;

const read = headerRowReader(ASCOF_COLUMNS, {
  sheet: "in",
  checks: {
    measure_type: oneOf(ASCOF_MEASURE_TYPES),
    measure_value: (value) =>
      NUMBER.test(String(value)) || (ASCOF_MARKERS as readonly string[]).includes(String(value))
        ? null
        : `'${value}' is neither a number nor one of ${ASCOF_MARKERS.join(", ")}`,
  },
});

export default defineSpreadsheetSource(
  {
    id: "ascof-2020-21",
    title: "Measures from the Adult Social Care Outcomes Framework, England, 2020-21 (open data file)",
    publisher: "NHS Digital (now NHS England)",
    licence: {
      ...OGL,
      attribution: "Source: NHS Digital, Measures from the Adult Social Care Outcomes Framework, England 2020-21, licensed under the Open Government Licence v3.0",
    },
    edition: "2020-21 (v2 open data file)",
    url: "https://digital.nhs.uk/data-and-information/publications/statistical/adult-social-care-outcomes-framework-ascof/england-2020-21",
    format: "xlsx",
    cadenceMonths: 12,
    classification: "public",
    table: "raw_ascof_2020_21",
    files: [
      {
        path: "sources/data/ascof-2020-21/meas-from-asc-of-eng-2021-open-data-csv_v2.xlsx",
        edition: "2020-21",
        // PROVENANCE.md gives no release date; NHS Digital's 2020-21 ASCOF publication date is used.
        released: "2021-10-28",
      },
    ],
    columns: ASCOF_COLUMNS,
    notes:
      "Not the original bytes: NHS Digital published a CSV; this is an .xlsx re-save of it (sheet 'in') taken from " +
      "ericyang-almaeconomics/social_care_datahub. The contents look complete, but re-obtain the CSV if exact provenance matters. " +
      "Survey-based measures (1A, 1B, 1I1, 1J, 3A, 3D1, 4A, 4B) are [x] everywhere in 2020-21 (no national survey during COVID-19); " +
      "carer-survey measures are absent (biennial survey).",
  },
  read,
);
