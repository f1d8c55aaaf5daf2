// CQC Syndication API location records for the care homes of Devon, Plymouth, Somerset and
// Torbay (February 2021), flattened to CSV by a third party: nested JSON became Python-literal
// strings in cells (see data/cqc-api-care-homes-southwest-2021/PROVENANCE.md). The staging
// model pulls ratings, service types and specialisms out of those strings. Classified
// personal: regulatedActivities names each home's registered managers; it is never staged.
import { defineCsvSource, type Column } from "./declaration.ts";

/** The column that holds registered managers' names (personTitle/GivenName/FamilyName). */
export const PERSONAL_NAME_COLUMNS = ["regulated_activities"] as const;

const snake = (header: string) => header.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** A column named after its camelCase API field. */
function field(header: string, description: string, extra: Partial<Column> = {}): Column {
  return { name: snake(header), type: "VARCHAR", required: false, header, description, ...extra };
}

const nested = (header: string, what: string, extra: Partial<Column> = {}) =>
  field(header, `${what}, as a Python literal (single quotes, True/None)`, extra);

export default defineCsvSource({
  id: "cqc-api-care-homes-southwest-2021",
  title: "CQC Syndication API location records: care homes in Devon, Plymouth, Somerset and Torbay, February 2021",
  publisher: "Care Quality Commission (extracted by Phil Pearson, PhilPearson83/CQC_carehome_data_extraction)",
  licence: {
    name: "Open Government Licence v3.0 (CQC data); extraction code MIT",
    url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    attribution: "Contains public sector information from the Care Quality Commission licensed under the Open Government Licence v3.0",
  },
  edition: "February 2021 (latest report published 19 January 2021)",
  url: "https://github.com/PhilPearson83/CQC_carehome_data_extraction",
  format: "csv",
  // The CQC API is live; this snapshot is always behind it.
  cadenceMonths: 1,
  classification: "personal",
  table: "raw_cqc_api_care_homes_southwest_2021",
  files: [
    {
      path: "sources/data/cqc-api-care-homes-southwest-2021/cqc_care_homes.csv",
      edition: "February 2021",
      // The date the extract was committed (PROVENANCE.md).
      released: "2021-02-23",
    },
  ],
  columns: [
    field("locationId", "CQC location ID", { required: true }),
    field("providerId", "CQC provider ID (the registered legal entity)", { required: true }),
    field("organisationType", "Always Location"),
    field("type", "Social Care Org or Independent Healthcare Org"),
    field("name", "Name of the care home as registered"),
    field("onspdCcgCode", "Clinical commissioning group code (ONS postcode directory)"),
    field("onspdCcgName", "Clinical commissioning group name"),
    field("odsCode", "NHS ODS code of the location"),
    field("uprn", "Unique property reference number"),
    field("registrationStatus", "Always Registered"),
    field("registrationDate", "Registration date, dd/mm/yyyy"),
    field("dormancy", "Y if dormant, N if not"),
    field("numberOfBeds", "Registered beds", { type: "INTEGER" }),
    field("postalAddressLine1", "Address line 1"),
    field("postalAddressLine2", "Address line 2"),
    field("postalAddressTownCity", "Town or city"),
    field("postalAddressCounty", "County"),
    field("region", "CQC region (always South West)"),
    field("postalCode", "Postcode"),
    field("onspdLatitude", "Latitude (ONS postcode directory)", { type: "DOUBLE" }),
    field("onspdLongitude", "Longitude (ONS postcode directory)", { type: "DOUBLE" }),
    field("careHome", "Always Y"),
    field("inspectionDirectorate", "CQC inspection directorate"),
    field("mainPhoneNumber", "The home's main telephone number"),
    field("constituency", "Parliamentary constituency"),
    field("localAuthority", "Council name as CQC gives it: Devon, Plymouth, Somerset or Torbay", { required: true }),
    nested("lastInspection", "Date of the last inspection"),
    nested("lastReport", "Publication date of the last report"),
    nested("relationships", "Predecessor locations"),
    nested("locationTypes", "Location types"),
    nested("regulatedActivities", "Regulated activities with their contacts, which name registered managers", {
      rule: "personal data: loaded to the raw table only, never staged",
      classification: "personal",
    }),
    nested("gacServiceTypes", "Service types, e.g. 'Care home service with nursing'"),
    nested("inspectionCategories", "Inspection categories"),
    nested("specialisms", "Specialisms, e.g. 'Dementia', 'Caring for adults over 65 yrs'"),
    nested("inspectionAreas", "Inspection areas (empty in this extract)"),
    nested("currentRatings", "Current overall and key-question ratings; empty for 14 homes"),
    nested("historicRatings", "Earlier ratings"),
    nested("reports", "Inspection reports"),
    field("brandId", "CQC brand ID, grouping providers under one brand"),
    field("brandName", "CQC brand name"),
    field("website", "Website"),
    field("deregistrationDate", "Deregistration date (empty: all registered)"),
    field("registeredManagerAbsentDate", "Date since when the home has had no registered manager"),
    field("dormancyStartDate", "Start of dormancy"),
    nested("unpublishedReports", "Reports not yet published"),
    nested("alsoKnownAs", "Other names"),
  ],
  notes:
    "Not Shropshire and not all of England: four south-west councils only, used for ratings and provider concentration where they exist. " +
    "The regulatedActivities column names registered managers; it is loaded to the raw table only and nothing downstream carries it.",
});
