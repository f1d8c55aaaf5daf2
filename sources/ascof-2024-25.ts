// DHSC's Measures from the Adult Social Care Outcomes Framework (ASCOF), England: the 2024-25
// time series, 2015-16 to 2024-25, every measure for every council, region, council type and
// England, with numerators and denominators (survey measures: margin of error and number of
// respondents). See data/ascof-2024-25/PROVENANCE.md.
import { defineSpreadsheetSource, OGL, type Column } from "./declaration.ts";
import { readAscofTimeseries } from "./readers/ascof-timeseries-workbook.ts";

/** Markers the publisher uses in place of a figure: kept as published in raw. */
export const ASCOF_MARKERS = ["[x]", "[c]", "[z]"] as const;

export const ASCOF_2024_25_COLUMNS: Column[] = [
  { name: "sheet", type: "VARCHAR", required: true, description: "The workbook sheet the figure is on, e.g. Table_2a" },
  { name: "measure_code", type: "VARCHAR", required: true, description: "ASCOF measure code as the Contents sheet prints it, e.g. 2A, 2D(1), 3D(2a)" },
  {
    name: "la_code",
    type: "VARCHAR",
    required: true,
    header: "Local authority code",
    description: "CASSR code for councils (a number, e.g. 417 for Shropshire); a letter for council types and regions; 'England'",
  },
  { name: "la_name", type: "VARCHAR", required: true, header: "Local authority", description: "Area name as published" },
  { name: "area_code", type: "VARCHAR", required: false, header: "ONS area code", description: "ONS GSS code (E06000051); empty for council types" },
  { name: "year", type: "VARCHAR", required: true, description: "Financial year, e.g. 2024-25, from the column header '2024 to 2025 - …'" },
  {
    name: "figure",
    type: "VARCHAR",
    required: true,
    description: "Which figure: numerator, denominator, outcome, margin of error, number of respondents; 6B also outstanding/good/other/not yet rated/6b numerator, denominator and outcome",
  },
  {
    name: "value",
    type: "VARCHAR",
    required: false,
    description: "The cell as published: a number, or [x] not available, [c] suppressed, [z] not applicable; 2016-17 carer-survey cells hold two figures ('7.8 (6.4)')",
  },
];

export default defineSpreadsheetSource(
  {
    id: "ascof-2024-25",
    title: "Measures from the Adult Social Care Outcomes Framework, England: time series 2015-16 to 2024-25",
    publisher: "Department of Health and Social Care (adult social care statistics)",
    licence: {
      ...OGL,
      attribution:
        "Source: Department of Health and Social Care, Measures from the Adult Social Care Outcomes Framework, England 2024-25 (including Skills for Care ASC-WDS and CQC data), licensed under the Open Government Licence v3.0",
    },
    edition: "2024-25",
    url: "https://digital.nhs.uk/data-and-information/publications/statistical/adult-social-care-outcomes-framework-ascof",
    format: "ods",
    cadenceMonths: 12,
    classification: "public",
    table: "raw_ascof_2024_25",
    files: [
      {
        path: "sources/data/ascof-2024-25/ascof_2024_25.ods",
        edition: "2024-25 (2015-16 to 2024-25)",
        // The file's own creation date (PROVENANCE.md); the publication date is not in the file.
        released: "2026-01-23",
      },
    ],
    columns: ASCOF_2024_25_COLUMNS,
    notes:
      "Measures from client level data (2A-2E, 3D) start in 2024-25 and are official statistics in development, not comparable with SALT-based values of earlier editions. " +
      "Carer-survey measures (1C, 1E, 3B, 3C(2), 5A(2)) are biennial: [z] in years the survey did not run, including 2024-25. " +
      "2020-21 survey measures cover only the 18 councils that took part. 6A (staff turnover, Skills for Care ASC-WDS) is published without counts.",
  },
  readAscofTimeseries,
);
