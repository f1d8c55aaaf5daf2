// Adult Social Care Outcomes Framework measures published with numerators and denominators
// for 2020-21. The survey-based measures (1A, 1B, 1I1, 1J, 3A, 3D1, 4A, 4B) are [x] for every
// council that year (no national survey during COVID-19), so they are not registered here.
import { defineIndicator, type Indicator } from "./declaration.ts";

const model = "stg_ascof_2020_21__measures";
const counts = (numerator: string, denominator: string) => ({
  numerator: { model, column: "numerator", description: numerator },
  denominator: { model, column: "denominator", description: denominator },
});
const common = {
  framework: "ASCOF" as const,
  model,
  codeColumn: "measure_code",
  valueColumn: "outcome",
  benchmarkMethod: "england-95" as const,
  sources: ["ascof-2020-21"],
  trendCode: null,
  disclosure:
    "Published by NHS Digital at council level; values it suppressed for disclosure control are shown as [c] and never as zero. On this site the counts are also protected by the small-numbers rule: 1 to 4 shown as [c], others rounded to the nearest 5, and a value built on a suppressed count withheld.",
};

export const ASCOF_INDICATORS: Indicator[] = [
  defineIndicator({
    ...common,
    id: "ascof-1c1a",
    code: "1C1A",
    title: "People using social care who receive self-directed support",
    definition:
      "The share of adults receiving long-term community support who have a personal budget or direct payment, so that they choose how their support is arranged.",
    ...counts("Adults receiving long-term community support through self-directed support", "Adults receiving long-term community support"),
    unit: "%",
    multiplier: 100,
    polarity: "high-is-good",
    intervalMethod: "wilson",
    priority: "Choice and control over care and support",
  }),
  defineIndicator({
    ...common,
    id: "ascof-1c2a",
    code: "1C2A",
    title: "People using social care who receive direct payments",
    definition:
      "The share of adults receiving long-term community support who take some or all of it as a direct payment, the money to arrange their own support.",
    ...counts("Adults receiving long-term community support through a direct payment", "Adults receiving long-term community support"),
    unit: "%",
    multiplier: 100,
    polarity: "high-is-good",
    intervalMethod: "wilson",
    priority: "Choice and control over care and support",
  }),
  defineIndicator({
    ...common,
    id: "ascof-1e",
    code: "1E",
    title: "Adults with learning disabilities in paid employment",
    definition: "The share of working-age adults with a learning disability, known to the council and receiving long-term support, who are in paid work.",
    ...counts("Adults aged 18 to 64 with a learning disability receiving long-term support who are in paid employment", "Adults aged 18 to 64 with a learning disability receiving long-term support"),
    unit: "%",
    multiplier: 100,
    polarity: "high-is-good",
    intervalMethod: "wilson",
    priority: "Independence and a good life for people with learning disabilities",
  }),
  defineIndicator({
    ...common,
    id: "ascof-1g",
    code: "1G",
    title: "Adults with learning disabilities who live in their own home or with their family",
    definition:
      "The share of working-age adults with a learning disability receiving long-term support who live in their own home or with their family, rather than in a care home or other institution.",
    ...counts("Adults aged 18 to 64 with a learning disability receiving long-term support living in their own home or with family", "Adults aged 18 to 64 with a learning disability receiving long-term support"),
    unit: "%",
    multiplier: 100,
    polarity: "high-is-good",
    intervalMethod: "wilson",
    priority: "Independence and a good life for people with learning disabilities",
  }),
  defineIndicator({
    ...common,
    id: "ascof-2a1",
    code: "2A1",
    title: "Younger adults whose long-term needs are met by admission to a care home",
    definition:
      "Permanent admissions of adults aged 18 to 64 to residential and nursing care homes, per 100,000 people of that age. Fewer admissions usually means more people are supported to live at home.",
    ...counts("Council-supported permanent admissions of adults aged 18 to 64 to residential and nursing care during the year", "Population aged 18 to 64 (ONS mid-year estimate)"),
    unit: "per 100,000",
    multiplier: 100_000,
    polarity: "low-is-good",
    intervalMethod: "poisson",
    priority: "Helping people stay independent at home",
  }),
  defineIndicator({
    ...common,
    id: "ascof-2a2",
    code: "2A2",
    title: "Older people whose long-term needs are met by admission to a care home",
    definition:
      "Permanent admissions of people aged 65 and over to residential and nursing care homes, per 100,000 people of that age. Fewer admissions usually means more people are supported to live at home.",
    ...counts("Council-supported permanent admissions of people aged 65 and over to residential and nursing care during the year", "Population aged 65 and over (ONS mid-year estimate)"),
    unit: "per 100,000",
    multiplier: 100_000,
    polarity: "low-is-good",
    intervalMethod: "poisson",
    priority: "Helping people stay independent at home",
  }),
  defineIndicator({
    ...common,
    id: "ascof-2b1",
    code: "2B1",
    title: "Older people still at home 91 days after leaving hospital into reablement",
    definition:
      "Of people aged 65 and over discharged from hospital into reablement or rehabilitation between October and December, the share still at home 91 days later.",
    ...counts("People aged 65 and over at home 91 days after discharge into reablement", "People aged 65 and over discharged from hospital into reablement or rehabilitation"),
    unit: "%",
    multiplier: 100,
    polarity: "high-is-good",
    intervalMethod: "wilson",
    priority: "Recovery and reablement after a stay in hospital",
  }),
  defineIndicator({
    ...common,
    id: "ascof-2d",
    code: "2D",
    title: "Short-term support that leaves people needing less or no ongoing support",
    definition:
      "Of people who finished a short-term service such as reablement during the year, the share who then needed no ongoing support or support of a lower level.",
    ...counts("People whose short-term service ended with no ongoing support or support of a lower level", "People who finished a short-term service during the year"),
    unit: "%",
    multiplier: 100,
    polarity: "high-is-good",
    intervalMethod: "wilson",
    priority: "Recovery and reablement after a stay in hospital",
    trendCode: "ASC5",
  }),
];
