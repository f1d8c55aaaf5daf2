// English Indices of Deprivation 2019, File 11: summaries for the 151 upper-tier councils (April
// 2019 boundaries), one sheet per index or domain, laid out like File 10. Read long.
import { defineSpreadsheetSource } from "./declaration.ts";
import { IOD2019_SUMMARY_SHEETS, iod2019SummaryChecks, iod2019SummaryColumns } from "./iod2019-ltla-summaries.ts";
import { IOD2019_LICENCE } from "./iod2019-lsoa-domains.ts";
import { sheetPerIndexReader } from "./readers/sheet-per-index-workbook.ts";

const COLUMNS = iod2019SummaryColumns("Upper Tier Local Authority District code (2019)", "Upper Tier Local Authority District name (2019)");

export default defineSpreadsheetSource(
  {
    id: "iod2019-utla-summaries",
    title: "English indices of deprivation 2019: File 11, local authority district summaries (upper-tier)",
    publisher: "Ministry of Housing, Communities and Local Government",
    licence: IOD2019_LICENCE,
    edition: "IoD2019 (upper-tier councils April 2019)",
    url: "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019",
    format: "xlsx",
    cadenceMonths: 60,
    classification: "public",
    table: "raw_iod2019_utla_summaries",
    files: [
      {
        path: "sources/data/iod2019-utla-summaries/File_11_-_IoD2019_Local_Authority_District_Summaries__upper-tier__.xlsx",
        edition: "IoD2019",
        released: "2019-09-26",
      },
    ],
    columns: COLUMNS,
    notes:
      "151 upper-tier councils on April 2019 boundaries: Buckinghamshire, Northamptonshire, Cumbria, North Yorkshire and Somerset " +
      "appear as the county councils they then were. Headers differ slightly from File 10 ('Proportion  of' with two spaces); " +
      "labels are compared without repeated spaces.",
  },
  sheetPerIndexReader(COLUMNS, { sheets: IOD2019_SUMMARY_SHEETS, checks: iod2019SummaryChecks }),
);
