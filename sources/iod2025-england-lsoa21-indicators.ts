// IoD2025 underlying indicators for every LSOA in England (2021): File 8, as repackaged (and its
// headers janitor-cleaned) by the IMD R package. See data/iod2025-england-lsoa21/PROVENANCE.md.
import { defineCsvSource, type Column } from "./declaration.ts";
import { IOD2025_ENGLAND, IOD2025_ENGLAND_DIR } from "./iod2025-england-lsoa21.ts";

/** The file's indicator headers, in order; each is already a snake_case column name. */
const INDICATORS = [
  "income_domain_numerator",
  "income_deprivation_affecting_children_index_idaci_numerator",
  "income_deprivation_affecting_older_people_index_idaopi_numerator",
  "employment_domain_numerator",
  "adult_skills_and_english_language_proficiency_indicator",
  "entry_to_higher_education_indicator",
  "acute_morbidity_indicator",
  "comparative_illness_and_disability_ratio_indicator",
  "mental_health_indicator",
  "years_of_potential_life_lost_indicator",
  "violence_with_injury_rate_per_1_000_at_risk_population",
  "violence_without_injury_rate_per_1_000_at_risk_population",
  "stalking_and_harassment_rate_per_1_000_at_risk_population",
  "burglary_rate_per_1_000_at_risk_properties",
  "theft_rate_per_1_000_at_risk_population",
  "criminal_damage_rate_per_1_000_at_risk_population",
  "public_order_and_possession_of_weapons_rate_per_1_000_at_risk_population",
  "anti_social_behaviour_rate_per_1_000_at_risk_population",
  "connectivity_score",
  "owner_occupation_affordability_component_of_housing_affordability_indicator",
  "private_rental_affordability_component_of_housing_affordability_indicator",
  "housing_affordability_indicator",
  "digital_connectivity_broadband_download_and_upload_speeds",
  "core_homelessness_rate_percent_of_households",
  "patient_to_gp_ratio",
  "homelessness_indicator_rate_per_1_000_households",
  "household_overcrowding_indicator_rooms",
  "household_overcrowding_indicator_bedrooms",
] as const;

// Small numerators are blank in File 8 (suppressed), so no indicator value is required.
const indicator = (name: string): Column => ({ name, type: "DOUBLE", required: false, description: `File 8 indicator: ${name.replaceAll("_", " ")}` });

export default defineCsvSource({
  id: "iod2025-england-lsoa21-indicators",
  title: "English indices of deprivation 2025: underlying indicators for all LSOAs in England (2021)",
  ...IOD2025_ENGLAND,
  table: "raw_iod2025_england_lsoa21_indicators",
  // The package rebuilt this file from File 8 the day after the release.
  files: [{ path: `${IOD2025_ENGLAND_DIR}/imd2025_england_lsoa21_indicators.csv`, edition: "IoD2025 File 8", released: "2025-10-30" }],
  columns: [{ name: "lsoa21_code", type: "VARCHAR", required: true, description: "LSOA 2021 code" }, ...INDICATORS.map(indicator)],
  notes: "Numerators with small counts are blank (suppressed in File 8), e.g. the IDAOPI numerator for 832 LSOAs.",
});
