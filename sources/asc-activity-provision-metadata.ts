// The variable definitions published with the adult social care activity file (meta_data.xlsx,
// same repository and folder as activity_keep_all.csv). A separate source only because a
// source's files share one format and one set of columns; its file lives beside the activity
// file in data/asc-activity-provision-timeseries/, under the same PROVENANCE.md.
import { defineSpreadsheetSource, type Column } from "./declaration.ts";
import { headerRowReader } from "./readers/header-row-workbook.ts";

const columns: Column[] = [
  { name: "dataset", type: "VARCHAR", required: true, header: "Dataset", description: "Which of the repository's outputs the variable belongs to" },
  { name: "variable_name", type: "VARCHAR", required: true, header: "Variable name", description: "Column name in that output (some with trailing spaces)" },
  { name: "description", type: "VARCHAR", required: true, header: "Description", description: "The author's definition" },
  { name: "data_source", type: "VARCHAR", required: true, header: "Data source", description: "Where the variable comes from" },
];

export default defineSpreadsheetSource(
  {
    id: "asc-activity-provision-metadata",
    title: "Variable definitions for the adult social care activity, expenditure and inspection files (meta_data.xlsx)",
    publisher: "Benjamin Goodair, University of Oxford",
    licence: {
      name: "No licence stated (research use)",
      url: "https://github.com/BenGoodair/adults_social_care_data",
      attribution: "Benjamin Goodair, University of Oxford (adults_social_care_data)",
    },
    edition: "27 September 2024",
    url: "https://github.com/BenGoodair/adults_social_care_data",
    format: "xlsx",
    cadenceMonths: 12,
    classification: "public",
    table: "raw_asc_activity_provision_metadata",
    files: [
      {
        path: "sources/data/asc-activity-provision-timeseries/meta_data.xlsx",
        edition: "2024-09-27",
        // No publication date: the date the file last changed in the repository.
        released: "2024-09-27",
      },
    ],
    columns,
    notes: "Describes ITEMVALUE as 'hours per week of care given'; the PROVENANCE shows units differ by setting and year, so the page should not repeat it.",
  },
  headerRowReader(columns, { sheet: "Sheet1" }),
);
