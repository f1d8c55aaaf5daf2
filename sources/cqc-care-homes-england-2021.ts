// CQC-registered care homes in England (HSCA Active Locations, spring 2021) with beds, service
// types and service-user bands, as reprocessed by the VirtUK project (see
// data/cqc-care-homes-england-2021/PROVENANCE.md). Classified personal: one column holds the
// names of providers' nominated individuals. The staging model drops it, and drops the
// occupancy columns, which are VirtUK's model outputs rather than CQC data.
import { defineCsvSource, type Column } from "./declaration.ts";

/** The published header labels of the service-user-band flags, with their column names. */
export const SERVICE_USER_BANDS = [
  ["children_0_18", "Children 0-18 years"],
  ["dementia", "Dementia"],
  ["learning_disabilities_autism", "Learning disabilities or autistic spectrum disorder"],
  ["mental_health", "Mental Health"],
  ["older_people", "Older People"],
  ["physical_disability", "Physical Disability"],
  ["sensory_impairment", "Sensory Impairment"],
  ["younger_adults", "Younger Adults"],
] as const;

/** The columns that hold people's names: read by the personal-data tests, never staged. */
export const PERSONAL_NAME_COLUMNS = ["provider_nominated_individual_name"] as const;

const flag = (name: string, header: string, what: string): Column => ({
  name,
  type: "VARCHAR",
  required: false,
  header,
  description: `Y if ${what}; blank if not`,
  rule: "Y or blank",
});

/** VirtUK's modelled occupancy: no reuse grant, not CQC data, so never staged or published. */
const modelled = (name: string, header: string, type: Column["type"], what: string): Column => ({
  name,
  type,
  required: false,
  header,
  description: `${what} (VirtUK model output, not CQC data)`,
  rule: "not staged: modelled by VirtUK, partly filled by random draws, and its repository grants no licence",
  classification: "internal",
});

export default defineCsvSource({
  id: "cqc-care-homes-england-2021",
  title: "CQC care directory (HSCA Active Locations), care homes in England, spring 2021, with beds and service-user bands",
  publisher: "Care Quality Commission (file reprocessed by the VirtUK project)",
  licence: {
    name: "Open Government Licence v3.0 (CQC-derived columns only)",
    url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    attribution: "Contains public sector information from the Care Quality Commission licensed under the Open Government Licence v3.0",
  },
  edition: "HSCA Active Locations, 1 April 2021 snapshot (latest registration date 31 March 2021)",
  url: "https://www.cqc.org.uk/about-us/transparency/using-cqc-data",
  format: "csv",
  // CQC publishes the directory monthly; this frozen snapshot is always behind it.
  cadenceMonths: 1,
  classification: "personal",
  table: "raw_cqc_care_homes_england_2021",
  files: [
    {
      path: "sources/data/cqc-care-homes-england-2021/occupancy_filled.csv",
      edition: "spring 2021",
      // The file is named March 2021; its latest registration is 31 March, so 1 April is the
      // probable release (PROVENANCE.md).
      released: "2021-04-01",
    },
  ],
  columns: [
    { name: "location_id", type: "VARCHAR", required: true, header: "Location ID", description: "CQC location ID, e.g. 1-112951275" },
    { name: "location_hsca_start_date", type: "DATE", required: true, header: "Location HSCA start date", description: "Date the location was registered under the Health and Social Care Act 2008" },
    { name: "care_home", type: "VARCHAR", required: true, header: "Care home?", description: "Always Y: VirtUK kept care homes only", rule: "Y" },
    { name: "location_name", type: "VARCHAR", required: true, header: "Location Name", description: "Name of the care home as registered" },
    { name: "location_region", type: "VARCHAR", required: true, header: "Location Region", description: "English region" },
    {
      name: "location_local_authority",
      type: "VARCHAR",
      required: true,
      header: "Location Local Authority",
      description: "Lower-tier council (LAD 2024) name from VirtUK's point-in-polygon join, not CQC's own field",
    },
    { name: "location_street_address", type: "VARCHAR", required: false, header: "Location Street Address", description: "Street address" },
    { name: "location_city", type: "VARCHAR", required: false, header: "Location City", description: "Town or city" },
    { name: "location_postal_code", type: "VARCHAR", required: false, header: "Location Postal Code", description: "Postcode" },
    { name: "location_latitude", type: "DOUBLE", required: true, header: "Location Latitude", description: "Latitude (WGS84)" },
    { name: "location_longitude", type: "DOUBLE", required: true, header: "Location Longitude", description: "Longitude (WGS84)" },
    { name: "location_parliamentary_constituency", type: "VARCHAR", required: false, header: "Location Parliamentary Constituency", description: "Parliamentary constituency" },
    {
      name: "provider_nominated_individual_name",
      type: "VARCHAR",
      required: false,
      header: "Provider Nominated Individual Name",
      description: "Name of the provider's nominated individual ('*' where CQC withholds it)",
      rule: "personal data: loaded to the raw table only, never staged",
      classification: "personal",
    },
    flag("regulated_activity_treatment", "Regulated activity - Treatment of disease, disorder or injury", "registered for treatment of disease, disorder or injury"),
    flag("service_type_with_nursing", "Service type - Care home service with nursing", "registered as a care home service with nursing"),
    flag("service_type_without_nursing", "Service type - Care home service without nursing", "registered as a care home service without nursing"),
    ...SERVICE_USER_BANDS.map(([name, label]) => flag(`band_${name}`, `Service user band - ${label}`, `registered for the ${label} service-user band`)),
    modelled("num_values_found", "num_values_found", "INTEGER", "Number of occupancy observations VirtUK found for the home"),
    modelled("num_values_found_1", "num_values_found.1", "INTEGER", "A second copy of num_values_found"),
    { name: "lad", type: "VARCHAR", required: true, header: "lad", description: "LAD 2024 code from VirtUK's spatial join" },
    { name: "msoa", type: "VARCHAR", required: false, header: "msoa", description: "MSOA 2021 code from VirtUK's spatial join" },
    { name: "area", type: "VARCHAR", required: false, header: "area", description: "Output area 2021 code from VirtUK's spatial join" },
    { name: "care_homes_beds", type: "INTEGER", required: true, header: "Care homes beds", description: "Registered beds (0 for six homes)", rule: "0 or more" },
    modelled("occupancy_mean", "occupancy_mean", "DOUBLE", "Mean occupied beds"),
    modelled("pct_occupancy_mean", "%occupancy_mean", "DOUBLE", "Mean occupancy, per cent"),
    modelled("probability_mean", "probability_mean", "DOUBLE", "Mean probability"),
    modelled("occupancy_std", "occupancy_std", "DOUBLE", "Standard deviation of occupied beds"),
    modelled("pct_occupancy_std", "%occupancy_std", "DOUBLE", "Standard deviation of occupancy, per cent"),
    modelled("probability_std", "probability_std", "DOUBLE", "Standard deviation of probability"),
  ],
  notes:
    "Spring 2021 snapshot: homes opened or closed since are missing or stale. Care homes only (no domiciliary care), and no ratings " +
    "(the source's rating columns were dropped by VirtUK). Councils come from a 2024 point-in-polygon join, so homes near a border may " +
    "sit in a different council from CQC's own field. The nominated-individual names and the modelled occupancy columns are loaded into " +
    "the raw table only; nothing downstream carries them.",
});
