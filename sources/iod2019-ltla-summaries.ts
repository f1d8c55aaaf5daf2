// English Indices of Deprivation 2019, File 10: summaries for the 317 lower-tier councils (April
// 2019 boundaries), one sheet per index or domain. Read long: one row per sheet and council.
// File 11 (upper tier) has the same layout; see iod2019-utla-summaries.ts.
import { defineSpreadsheetSource, type Column } from "./declaration.ts";
import { IOD2019_LICENCE } from "./iod2019-lsoa-domains.ts";
import { LABEL, sheetPerIndexReader } from "./readers/sheet-per-index-workbook.ts";

/** Sheet name → the label the sheet's column headers start with. 'Notes' is text, not read. */
export const IOD2019_SUMMARY_SHEETS = {
  IMD: "IMD",
  Income: "Income",
  Employment: "Employment",
  Education: "Education, Skills and Training",
  Health: "Health Deprivation and Disability",
  Crime: "Crime",
  Barriers: "Barriers to Housing and Services",
  Living: "Living Environment",
  IDACI: "IDACI",
  IDAOPI: "IDAOPI",
} as const;

const AREA_CODE = /^E\d{8}$/;

/** The summary columns; the code and name headers differ between the two files. */
export function iod2019SummaryColumns(codeHeader: string, nameHeader: string): Column[] {
  const measure = (name: string, type: "INTEGER" | "DOUBLE", header: string, description: string, required = true): Column => ({
    name,
    type,
    required,
    header,
    description,
  });
  return [
    { name: "index_name", type: "VARCHAR", required: true, description: "The sheet: IMD, a domain (Income … Living) or a supplementary index (IDACI, IDAOPI)" },
    { name: "area_code", type: "VARCHAR", required: true, header: codeHeader, description: "Council code (April 2019 boundaries)", rule: "E and 8 digits" },
    { name: "area_name", type: "VARCHAR", required: true, header: nameHeader, description: "Council name" },
    measure("average_rank", "DOUBLE", `${LABEL} - Average rank`, "Population-weighted average of the council's LSOA ranks"),
    measure("rank_of_average_rank", "INTEGER", `${LABEL} - Rank of average rank`, "Rank of the average rank; 1 = most deprived"),
    measure("average_score", "DOUBLE", `${LABEL} - Average score`, "Population-weighted average of the council's LSOA scores"),
    measure("rank_of_average_score", "INTEGER", `${LABEL} - Rank of average score`, "Rank of the average score; 1 = most deprived"),
    measure(
      "proportion_most_deprived_10",
      "DOUBLE",
      `${LABEL} - Proportion of LSOAs in most deprived 10% nationally`,
      "Share of the council's LSOAs in England's most deprived 10% (0..1, rounded to 4 places)",
    ),
    measure("rank_of_proportion_most_deprived_10", "INTEGER", `${LABEL} - Rank of proportion of LSOAs in most deprived 10% nationally`, "Rank of that share"),
    measure("extent", "DOUBLE", `${LABEL} 2019 - Extent`, "IMD only: share of the population in the most deprived 30% of LSOAs (weighted)", false),
    measure("rank_of_extent", "INTEGER", `${LABEL} 2019 - Rank of extent`, "IMD only: rank of extent", false),
    measure("local_concentration", "DOUBLE", `${LABEL} 2019 - Local concentration`, "IMD only: population-weighted average rank of the council's most deprived LSOAs", false),
    measure("rank_of_local_concentration", "INTEGER", `${LABEL} 2019 - Rank of local concentration`, "IMD only: rank of local concentration", false),
    measure("scale", "DOUBLE", `${LABEL} scale`, "Income and Employment only: number of people income- or employment-deprived", false),
    measure("rank_of_scale", "INTEGER", `Rank of ${LABEL} Scale`, "Income and Employment only: rank of scale", false),
  ];
}

export const iod2019SummaryChecks = {
  area_code: (value: string | number) => (AREA_CODE.test(String(value)) ? null : `'${value}' is not an English area code`),
  proportion_most_deprived_10: (value: string | number) => (Number(value) >= 0 && Number(value) <= 1 ? null : `${value} is not a proportion`),
};

const COLUMNS = iod2019SummaryColumns("Local Authority District code (2019)", "Local Authority District name (2019)");

export default defineSpreadsheetSource(
  {
    id: "iod2019-ltla-summaries",
    title: "English indices of deprivation 2019: File 10, local authority district summaries (lower-tier)",
    publisher: "Ministry of Housing, Communities and Local Government",
    licence: IOD2019_LICENCE,
    edition: "IoD2019 (local authorities April 2019)",
    url: "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019",
    format: "xlsx",
    cadenceMonths: 60,
    classification: "public",
    table: "raw_iod2019_ltla_summaries",
    files: [
      {
        path: "sources/data/iod2019-ltla-summaries/File_10_-_IoD2019_Local_Authority_District_Summaries__lower-tier__.xlsx",
        edition: "IoD2019",
        released: "2019-09-26",
      },
    ],
    columns: COLUMNS,
    notes: "317 lower-tier councils on April 2019 boundaries; later mergers (Buckinghamshire 2020, Northamptonshire 2021, Cumbria, North Yorkshire and Somerset 2023) appear as their former districts.",
  },
  sheetPerIndexReader(COLUMNS, { sheets: IOD2019_SUMMARY_SHEETS, checks: iod2019SummaryChecks }),
);
