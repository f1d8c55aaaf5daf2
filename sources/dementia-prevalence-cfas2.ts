// Dementia prevalence by 5-year age band and sex for people aged 65 and over, from the
// Cognitive Function and Ageing Study II (Matthews et al., Lancet 2013), as transcribed by
// Birmingham City Council Public Health (see data/dementia-prevalence-cfas2/PROVENANCE.md).
import { defineSpreadsheetSource, type Column } from "./declaration.ts";
import { headerRowReader, type ValueCheck } from "./readers/header-row-workbook.ts";

export const CFAS_AGE_BANDS = ["65-69", "70-74", "75-79", "80-84", "85-89", "90+"] as const;
export const CFAS_SEXES = ["Male", "Female"] as const;

const columns: Column[] = [
  { name: "age_band", type: "VARCHAR", required: true, header: "AgeBand", description: "Age band, 65-69 to 90+", rule: `one of ${CFAS_AGE_BANDS.join(", ")}` },
  { name: "sex", type: "VARCHAR", required: true, header: "Sex", description: "Male or Female", rule: `one of ${CFAS_SEXES.join(", ")}` },
  { name: "prevalence", type: "DOUBLE", required: true, header: "DementiaPrevalence", description: "Proportion of people with dementia (0.012 = 1.2%)", rule: "between 0 and 1" },
  { name: "prevalence_lower_95", type: "DOUBLE", required: true, header: "DementiaPrevalence95Lower", description: "Lower 95% limit of the proportion", rule: "between 0 and 1" },
  { name: "prevalence_upper_95", type: "DOUBLE", required: true, header: "DementiaPrevalence95Upper", description: "Upper 95% limit of the proportion", rule: "between 0 and 1" },
];

const oneOf =
  (allowed: readonly string[]): ValueCheck =>
  (value) =>
    allowed.includes(String(value)) ? null : `'${value}' is not one of ${allowed.join(", ")}`;

// A percentage typed where a proportion belongs (1.2 for 0.012) would multiply every estimate
// by 100; reject it on load rather than publish it.
const proportion: ValueCheck = (value) =>
  typeof value === "number" && value >= 0 && value <= 1 ? null : `'${value}' is not a proportion between 0 and 1`;

const read = headerRowReader(columns, {
  sheet: "Sheet1",
  checks: { age_band: oneOf(CFAS_AGE_BANDS), sex: oneOf(CFAS_SEXES), prevalence: proportion, prevalence_lower_95: proportion, prevalence_upper_95: proportion },
});

export default defineSpreadsheetSource(
  {
    id: "dementia-prevalence-cfas2",
    title: "Dementia prevalence by age band and sex, people aged 65 and over (CFAS II)",
    publisher: "Birmingham City Council Public Health (transcribing Matthews et al., The Lancet 2013; 382: 1405-12)",
    licence: {
      name: "Open Government Licence v3.0 (repository dual-licensed OGL v3.0 and MIT)",
      url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
      attribution:
        "Rates from Matthews F.E. et al., The Lancet 2013; 382: 1405-12 (CFAS II), as transcribed by Birmingham City Council Public Health, " +
        "licensed under the Open Government Licence v3.0",
    },
    edition: "CFAS II (fieldwork 2008-2011), transcription of 6 August 2025",
    url: "https://github.com/BCC-PHM/OA-projections",
    format: "xlsx",
    // A research result, not a series: a new study would be a new source.
    cadenceMonths: 120,
    classification: "public",
    table: "raw_dementia_prevalence_cfas2",
    files: [
      {
        path: "sources/data/dementia-prevalence-cfas2/dementia-reference-rates.xlsx",
        edition: "CFAS II",
        // The date the spreadsheet was added to the repository (PROVENANCE.md).
        released: "2025-08-06",
      },
    ],
    columns,
    notes:
      "England-wide rates for ages 65+ only (no younger-onset dementia), with no adjustment for rurality or deprivation. The transcription " +
      "was not checked cell by cell against the Lancet paper.",
  },
  read,
);
