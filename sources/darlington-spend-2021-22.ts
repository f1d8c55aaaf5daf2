// Darlington Borough Council's transactions over £500, 2021-22: twelve monthly CSVs as cleaned
// by ODI Leeds (byte copies of their clean/ files, not the council's originals; see
// data/darlington-spend-2021-22/PROVENANCE.md). Classified internal: line-level spend. The files
// carry no council code, so the staging model states E06000005 (Darlington).
import { defineCsvSource, type Column } from "./declaration.ts";

const MONTHS = ["2021-04", "2021-05", "2021-06", "2021-07", "2021-08", "2021-09", "2021-10", "2021-11", "2021-12", "2022-01", "2022-02", "2022-03"];

const COLUMNS: Column[] = [
  { name: "detail_marker", type: "VARCHAR", required: true, header: "", description: "Unnamed first column: 'INSERTED DETAIL' or 'detail', left by the council's export" },
  { name: "unnamed_2", type: "VARCHAR", required: false, header: "", description: "Unnamed second column, always empty" },
  // The header is spelt "Directotate" in every file; kept as published.
  { name: "directorate", type: "VARCHAR", required: true, header: "Directotate", description: "Directorate (header misspelt 'Directotate' as published); case varies during the year" },
  { name: "service", type: "VARCHAR", required: true, header: "Service", description: "Service, e.g. ADULT SOCIAL CARE" },
  { name: "supplier", type: "VARCHAR", required: true, header: "Supplier", description: "Supplier name" },
  { name: "transaction_number", type: "VARCHAR", required: true, header: "Transaction Number", description: "Transaction number; unique key across releases" },
  { name: "transaction_date", type: "DATE", required: true, header: "Transaction Date", description: "Transaction (invoice) date, ISO; can be months or years before the release month" },
  {
    name: "amount",
    type: "DOUBLE",
    required: true,
    header: "Invoice Line Value (net of VAT)",
    description: "Invoice line value in GBP, net of VAT, without a currency symbol",
    rule: "reconciled: the file's total in pence equals the total loaded plus the total rejected",
  },
  { name: "account", type: "VARCHAR", required: true, header: "Account", description: "Expense type, e.g. Residential, Home Care - Private Contractor" },
  { name: "bal_sheet_level_1", type: "VARCHAR", required: false, header: "Bal Sheet Level 1", description: "Balance sheet grouping, level 1" },
  { name: "bal_sheet_level_2", type: "VARCHAR", required: false, header: "Bal Sheet Level 2", description: "Balance sheet grouping, level 2" },
  {
    name: "trailing_empty",
    type: "VARCHAR",
    required: false,
    header: "",
    description: "Empty 12th column present in four files only (2021-08, 2021-09, 2021-10, 2021-12); absent from the others",
  },
];

export default defineCsvSource({
  id: "darlington-spend-2021-22",
  title: "Darlington Borough Council transactions over £500, 2021-22 (12 monthly files, ODI Leeds clean versions)",
  publisher: "Darlington Borough Council (compiled and cleaned by ODI Leeds, odileeds/council-spending-data)",
  licence: {
    name: "Open Government Licence v3.0",
    url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    attribution: "Contains public sector information from Darlington Borough Council licensed under the Open Government Licence v3.0",
  },
  edition: "Financial year 2021-22 (release months April 2021 to March 2022)",
  url: "https://github.com/odileeds/council-spending-data",
  format: "csv",
  cadenceMonths: 1,
  classification: "internal",
  table: "raw_darlington_spend_2021_22",
  amount: "amount",
  files: MONTHS.map((month) => ({
    path: `sources/data/darlington-spend-2021-22/clean/${month}.csv`,
    edition: `released ${month}`,
    // Files are named by release month; the day is not recorded, so the first of the month.
    released: `${month}-01`,
  })),
  columns: COLUMNS,
  notes:
    "Council E06000005 (Darlington) is not in the files; it comes from this declaration. Files are grouped by publication month, " +
    "and transaction dates run from 2012 to 2022. Only lines of £500 or more are published; payments to individuals appear to be " +
    "omitted rather than redacted. Directorate names change case during the year.",
});
