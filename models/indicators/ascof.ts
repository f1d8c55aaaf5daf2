// Every measure published in DHSC's ASCOF time series (2015-16 to 2024-25): the outcomes spine.
// Counts-based measures carry a numerator and denominator (Wilson intervals for proportions,
// exact Poisson or Byar's for rates); survey measures (ASCS, and the biennial carers' survey
// SACE) carry the published 95% margin of error and the number of respondents; 6A (staff
// turnover, from Skills for Care) is published as a value only.
import { defineIndicator, type Indicator } from "./declaration.ts";

const model = "stg_ascof_2024_25__measures";
const common = {
  framework: "ASCOF" as const,
  model,
  codeColumn: "measure_code",
  valueColumn: "outcome",
  sources: ["ascof-2024-25"],
  disclosure:
    "Published by DHSC at council level; figures it suppressed ([c]) or that are not available ([x]) or not applicable ([z]) stay missing and are never shown as zero. On this site the counts are also protected by the small-numbers rule: 1 to 4 shown as [c], others rounded to the nearest 5, and a value built on a suppressed count withheld.",
};
const counts = (numerator: string, denominator: string) => ({
  numerator: { model, column: "numerator", description: numerator },
  denominator: { model, column: "denominator", description: denominator },
  benchmarkMethod: "england-95" as const,
});
const proportionOf = (numerator: string, denominator: string) => ({ ...counts(numerator, denominator), unit: "%" as const, multiplier: 100, intervalMethod: "wilson" as const });
const rateOf = (numerator: string, denominator: string) => ({ ...counts(numerator, denominator), unit: "per 100,000" as const, multiplier: 100_000, intervalMethod: "poisson" as const });
const survey = (question: string, unit: "%" | "score") => ({
  numerator: null,
  denominator: { model, column: "respondents", description: `People who answered ${question}` },
  unit,
  multiplier: unit === "%" ? 100 : 1,
  intervalMethod: "margin-of-error" as const,
  benchmarkMethod: "england-95" as const,
});

type Declared = Omit<Indicator, keyof typeof common | "trendCode">;
const ascof = (declared: Declared): Indicator => defineIndicator({ ...common, trendCode: declared.code, ...declared });

const ASCS = "the Adult Social Care Survey";
const SACE = "the Survey of Adult Carers in England (every two years)";

export const ASCOF_INDICATORS: Indicator[] = [
  ascof({
    id: "ascof-1a", code: "1A", title: "Social care-related quality of life",
    definition: "A score from 0 to 24 from eight questions in the Adult Social Care Survey on control, dignity, personal care, food, safety, social contact, occupation and a clean home, answered by people receiving long-term support.",
    ...survey(ASCS, "score"), polarity: "high-is-good", priority: "Quality of life for people who draw on care and support",
  }),
  ascof({
    id: "ascof-1b", code: "1B", title: "Adjusted social care-related quality of life: the impact of care and support",
    definition: "The share of people's quality of life that the survey attributes to the care and support they receive (0 to 1), adjusted for their circumstances: how much difference care and support makes.",
    ...survey(ASCS, "score"), polarity: "high-is-good", priority: "Quality of life for people who draw on care and support",
  }),
  ascof({
    id: "ascof-1c", code: "1C", title: "Carer-reported quality of life",
    definition: "A score from 0 to 12 from six questions in the carers' survey on the carer's own time, control, personal care, safety, social contact and encouragement and support.",
    ...survey(SACE, "score"), polarity: "high-is-good", priority: "Support for unpaid carers",
  }),
  ascof({
    id: "ascof-1d", code: "1D", title: "People who use services who are satisfied with their care and support",
    definition: "The share of people receiving long-term support who say in the Adult Social Care Survey that they are extremely or very satisfied with the care and support they receive.",
    ...survey(ASCS, "%"), polarity: "high-is-good", priority: "Quality of life for people who draw on care and support",
  }),
  ascof({
    id: "ascof-1e", code: "1E", title: "Carers who are satisfied with social services",
    definition: "The share of carers who say in the carers' survey that they are extremely or very satisfied with the support or services they and the person they care for received.",
    ...survey(SACE, "%"), polarity: "high-is-good", priority: "Support for unpaid carers",
  }),
  ascof({
    id: "ascof-2a", code: "2A", title: "Reablement that leaves new clients needing no further support",
    definition: "Of people new to social care who finished a short-term reablement service during the year, the share for whom no further request was made for ongoing support.",
    ...proportionOf("New clients whose reablement ended with no further request for ongoing support", "New clients who finished reablement during the year"),
    polarity: "high-is-good", priority: "Recovery and reablement after a stay in hospital",
  }),
  ascof({
    id: "ascof-2b", code: "2B", title: "Younger adults whose long-term needs are met by admission to a care home",
    definition: "Permanent admissions of adults aged 18 to 64 to residential and nursing care homes arranged by the council, per 100,000 people of that age. Fewer admissions usually means more people are supported to live at home.",
    ...rateOf("Adults aged 18 to 64 admitted to council-arranged long-term residential or nursing care during the year", "Population aged 18 to 64 (ONS mid-year estimate)"),
    polarity: "low-is-good", priority: "Helping people stay independent at home",
  }),
  ascof({
    id: "ascof-2c", code: "2C", title: "Older people whose long-term needs are met by admission to a care home",
    definition: "Permanent admissions of people aged 65 and over to residential and nursing care homes arranged by the council, per 100,000 people of that age. Fewer admissions usually means more people are supported to live at home.",
    ...rateOf("People aged 65 and over admitted to council-arranged long-term residential or nursing care during the year", "Population aged 65 and over (ONS mid-year estimate)"),
    polarity: "low-is-good", priority: "Helping people stay independent at home",
  }),
  ascof({
    id: "ascof-2d1", code: "2D(1)", title: "Older people still living in the community 12 weeks after leaving hospital into reablement",
    definition: "Of people aged 65 and over discharged from hospital into reablement, the share who remained in the community (not in long-term residential care, readmitted as an emergency or died) within 12 weeks.",
    ...proportionOf("People aged 65 and over discharged into reablement who remained in the community within 12 weeks", "People aged 65 and over discharged from hospital into reablement"),
    polarity: "high-is-good", priority: "Recovery and reablement after a stay in hospital",
  }),
  ascof({
    id: "ascof-2d2", code: "2D(2)", title: "Older people leaving hospital who receive reablement",
    definition: "Of people aged 65 and over discharged from hospital, the share who received reablement services. Shown here as neither better nor worse: a higher share can mean more reablement offered or more people needing it.",
    ...proportionOf("People aged 65 and over discharged from hospital who received reablement", "People aged 65 and over discharged from hospital"),
    polarity: "neutral", priority: "Recovery and reablement after a stay in hospital",
  }),
  ascof({
    id: "ascof-2e1", code: "2E(1)", title: "Adults with learning disabilities who live in their own home or with their family",
    definition: "The share of adults aged 18 to 64 with a learning disability receiving long-term support who live in their own home or with their family, rather than in a care home or other institution.",
    ...proportionOf("Adults aged 18 to 64 with a learning disability receiving long-term support who live at home or with family", "Adults aged 18 to 64 with a learning disability receiving long-term support"),
    polarity: "high-is-good", priority: "Independence and a good life for people with learning disabilities",
  }),
  ascof({
    id: "ascof-2e2a", code: "2E(2a)", title: "Younger adults receiving long-term support who live in their own home or with family",
    definition: "The share of adults aged 18 to 64 receiving long-term support who live in their own home or with their family.",
    ...proportionOf("Adults aged 18 to 64 receiving long-term support who live at home or with family", "Adults aged 18 to 64 receiving long-term support"),
    polarity: "high-is-good", priority: "Helping people stay independent at home",
  }),
  ascof({
    id: "ascof-2e2b", code: "2E(2b)", title: "Older people receiving long-term support who live in their own home or with family",
    definition: "The share of people aged 65 and over receiving long-term support who live in their own home or with their family.",
    ...proportionOf("People aged 65 and over receiving long-term support who live at home or with family", "People aged 65 and over receiving long-term support"),
    polarity: "high-is-good", priority: "Helping people stay independent at home",
  }),
  ascof({
    id: "ascof-3a", code: "3A", title: "People who use services who have control over their daily life",
    definition: "The share of people receiving long-term support who say in the Adult Social Care Survey that they have as much control over their daily life as they want, or adequate control.",
    ...survey(ASCS, "%"), polarity: "high-is-good", priority: "Choice and control over care and support",
  }),
  ascof({
    id: "ascof-3b", code: "3B", title: "Carers who were included or consulted about the person they care for",
    definition: "The share of carers who say in the carers' survey that they were always or usually involved or consulted in discussions about the support of the person they care for.",
    ...survey(SACE, "%"), polarity: "high-is-good", priority: "Support for unpaid carers",
  }),
  ascof({
    id: "ascof-3c1", code: "3C(1)", title: "People who use services who find it easy to find information",
    definition: "The share of people receiving long-term support who say in the Adult Social Care Survey that they found it easy to find information and advice about support, services or benefits.",
    ...survey(ASCS, "%"), polarity: "high-is-good", priority: "Information and advice that people can find",
  }),
  ascof({
    id: "ascof-3c2", code: "3C(2)", title: "Carers who find it easy to find information about support",
    definition: "The share of carers who say in the carers' survey that they found it easy to find information and advice about support, services or benefits.",
    ...survey(SACE, "%"), polarity: "high-is-good", priority: "Information and advice that people can find",
  }),
  ascof({
    id: "ascof-3d1a", code: "3D(1a)", title: "People using social care who receive self-directed support",
    definition: "The share of people receiving long-term community support at the year end who have a personal budget or direct payment, so that they choose how their support is arranged.",
    ...proportionOf("People receiving long-term community support through self-directed support at 31 March", "People receiving long-term community support at 31 March"),
    polarity: "high-is-good", priority: "Choice and control over care and support",
  }),
  ascof({
    id: "ascof-3d2a", code: "3D(2a)", title: "People using social care who receive direct payments",
    definition: "The share of people receiving long-term community support at the year end who take some or all of it as a direct payment, the money to arrange their own support.",
    ...proportionOf("People receiving long-term community support through a direct payment at 31 March", "People receiving long-term community support at 31 March"),
    polarity: "high-is-good", priority: "Choice and control over care and support",
  }),
  ascof({
    id: "ascof-4a", code: "4A", title: "People who use services who feel safe",
    definition: "The share of people receiving long-term support who say in the Adult Social Care Survey that they feel as safe as they want.",
    ...survey(ASCS, "%"), polarity: "high-is-good", priority: "Keeping people safe",
  }),
  ascof({
    id: "ascof-4b", code: "4B", title: "Safeguarding enquiries where the risk was reduced or removed",
    definition: "Of section 42 safeguarding enquiries that concluded during the year where a risk was identified, the share where the risk was reduced or removed.",
    ...proportionOf("Concluded section 42 enquiries with a risk identified where the risk was reduced or removed", "Concluded section 42 enquiries where a risk was identified"),
    polarity: "high-is-good", priority: "Keeping people safe",
  }),
  ascof({
    id: "ascof-5a1", code: "5A(1)", title: "People who use services who have as much social contact as they would like",
    definition: "The share of people receiving long-term support who say in the Adult Social Care Survey that they have as much social contact as they want with people they like.",
    ...survey(ASCS, "%"), polarity: "high-is-good", priority: "Quality of life for people who draw on care and support",
  }),
  ascof({
    id: "ascof-5a2", code: "5A(2)", title: "Carers who have as much social contact as they would like",
    definition: "The share of carers who say in the carers' survey that they have as much social contact as they want with people they like.",
    ...survey(SACE, "%"), polarity: "high-is-good", priority: "Support for unpaid carers",
  }),
  ascof({
    id: "ascof-6a", code: "6A", title: "Care staff leaving their role in the year (workforce turnover)",
    definition: "The share of staff in the formal adult social care workforce in the council's area who left their role in the past 12 months (Skills for Care ASC-WDS). High turnover makes care less continuous and recruitment costly.",
    numerator: null, denominator: null, unit: "%", multiplier: 100, intervalMethod: "none", benchmarkMethod: "england-side",
    polarity: "low-is-good", priority: "A stable care workforce",
  }),
  ascof({
    id: "ascof-6b", code: "6B", title: "Residential care providers rated good or outstanding by CQC",
    definition: "Of residential adult social care providers in the council's area with a CQC rating, the share rated good or outstanding.",
    ...proportionOf("Residential adult social care providers rated good or outstanding by CQC", "Residential adult social care providers with a CQC rating"),
    polarity: "high-is-good", priority: "Good quality care homes",
  }),
];
