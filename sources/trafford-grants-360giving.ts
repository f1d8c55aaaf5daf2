// Trafford Council's grants to voluntary, community and social enterprise organisations, in
// the 360Giving flat CSV format (see data/trafford-grants-360giving/PROVENANCE.md). Public:
// grants to organisations, published under the Transparency Code.
import { defineCsvSource, type Column } from "./declaration.ts";

/** "Recipient Org:Charity Number" -> recipient_org_charity_number. */
const snake = (header: string) =>
  header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

const col = (header: string, description: string, type: Column["type"] = "VARCHAR", required = false): Column => ({
  name: snake(header),
  type,
  required,
  header,
  description,
});

export default defineCsvSource({
  id: "trafford-grants-360giving",
  title: "Trafford Council grants to voluntary, community and social enterprise organisations (360Giving format)",
  publisher: "Trafford Council (Trafford Data Lab)",
  licence: {
    name: "Open Government Licence v3.0",
    url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    attribution: "Contains public sector information from Trafford Council licensed under the Open Government Licence v3.0",
  },
  edition: "Awards January 2013 to June 2024 (last updated 2 August 2024)",
  url: "https://github.com/traffordDataLab/council_open_data",
  format: "csv",
  cadenceMonths: 12,
  classification: "public",
  table: "raw_trafford_grants_360giving",
  amount: "amount_awarded",
  files: [
    {
      path: "sources/data/trafford-grants-360giving/trafford_council_voluntary_sector_grants.csv",
      edition: "to June 2024",
      released: "2024-08-02",
    },
  ],
  columns: [
    col("Identifier", "360Giving grant identifier", "VARCHAR", true),
    col("Title", "Grant title", "VARCHAR", true),
    col("Description", "What the grant is for"),
    col("Currency", "Currency of the amounts (GBP)", "VARCHAR", true),
    col("Amount Applied For", "Amount applied for; mostly empty", "DOUBLE"),
    { ...col("Amount Awarded", "Amount awarded in GBP", "DOUBLE", true), rule: "reconciled: the file's total in pence equals the total loaded plus the total rejected" },
    col("Amount Disbursed", "Amount disbursed; mostly empty", "DOUBLE"),
    col("Award Date", "Date of the award", "DATE", true),
    col("URL", "Web page about the grant"),
    col("Planned Dates:Start Date", "Planned start", "DATE"),
    col("Planned Dates:End Date", "Planned end", "DATE"),
    col("Planned Dates:Duration (months)", "Planned duration in months", "DOUBLE"),
    col("Recipient Org:Identifier", "Recipient's org-id: GB-COH- (Companies House), GB-CHC- (Charity Commission) or ad hoc 360G-", "VARCHAR", true),
    col("Recipient Org:Name", "Recipient organisation's name", "VARCHAR", true),
    col("Recipient Org:Charity Number", "Registered charity number"),
    col("Recipient Org:Company Number", "Companies House number"),
    col("Recipient Org:Street Address", "Recipient's street address"),
    col("Recipient Org:City", "Recipient's town or city"),
    col("Recipient Org:County", "Recipient's county"),
    col("Recipient Org:Country", "Recipient's country"),
    col("Recipient Org:Postal Code", "Recipient's postcode"),
    col("Recipient Org:Description", "About the recipient"),
    col("Recipient Org:Web Address", "Recipient's website"),
    col("Beneficiary Location:Name", "Where the beneficiaries are (the borough)"),
    col("Beneficiary Location:Country Code", "Country code of the beneficiary location"),
    col("Beneficiary Location:Latitude", "Latitude of the beneficiary location", "DOUBLE"),
    col("Beneficiary Location:Longitude", "Longitude of the beneficiary location", "DOUBLE"),
    col("Beneficiary Location:Geographic Code", "ONS code of the beneficiary location (E08000009)"),
    col("Beneficiary Location:Geographic Code Type", "Type of that code (MD: metropolitan district)"),
    col("Funding Org:Identifier", "Funder's org-id (GB-LAE-TRF: Trafford Council)", "VARCHAR", true),
    col("Funding Org:Name", "Funder's name", "VARCHAR", true),
    col("Funding Org:Department", "Funding department; renamed during the period"),
    col("Grant Programme:Code", "Programme code (VSG, ...)"),
    col("Grant Programme:Title", "Programme: Voluntary Sector Grants or Inclusive Neighbourhood Grants"),
    col("Grant Programme:URL", "Programme web page"),
    col("From an open call?", "Yes if awarded through an open call"),
    col("Related Activity", "Related activity identifier"),
    col("Last modified", "When the record was last changed (ISO date-time)"),
    col("Data Source", "Where the record was published"),
  ],
  notes: "Not Shropshire: loaded as the 360Giving schema test. Recipient identifiers mix registered (GB-COH, GB-CHC) and ad hoc (360G) schemes.",
});
