// Oflog's adult social care measures, 2015-16 to 2022-23: published values only (no
// numerators or denominators), so they are benchmarked against the median of all councils and
// used for trends. ASC7 (workforce turnover) is not published here: see its source notes.
import { defineIndicator, type Indicator } from "./declaration.ts";

const common = {
  framework: "Oflog" as const,
  model: "stg_oflog__asc_measures",
  codeColumn: "measure_code",
  valueColumn: "value",
  numerator: null,
  denominator: null,
  intervalMethod: "none" as const,
  benchmarkMethod: "median" as const,
  sources: ["oflog-asc-measures"],
  disclosure: "Published by Oflog at council level as values without counts; missing or suppressed values stay missing and are never shown as zero.",
};

export const OFLOG_INDICATORS: Indicator[] = [
  defineIndicator({
    ...common,
    id: "oflog-asc2",
    code: "ASC2",
    trendCode: "ASC2",
    title: "Quality of life of people who use care and support",
    definition:
      "Oflog's adjusted social care-related quality of life score, from the Adult Social Care Survey of people receiving long-term support: how far care and support meets needs such as control, dignity and social contact.",
    unit: "score",
    multiplier: 1,
    polarity: "high-is-good",
    priority: "Quality of life for people who draw on care and support",
  }),
  defineIndicator({
    ...common,
    id: "oflog-asc3",
    code: "ASC3",
    trendCode: "ASC3",
    title: "People who use services who find it easy to find information",
    definition: "The share of people receiving long-term support who say in the Adult Social Care Survey that they found it easy to find information and advice about services.",
    unit: "%",
    multiplier: 1,
    polarity: "high-is-good",
    priority: "Information and advice that people can find",
  }),
  defineIndicator({
    ...common,
    id: "oflog-asc5",
    code: "ASC5",
    trendCode: "ASC5",
    title: "Outcome of short-term services (Oflog series)",
    definition:
      "Oflog's yearly series of the ASCOF 2D measure: of people who finished a short-term service, the share who then needed no ongoing support or support of a lower level.",
    unit: "%",
    multiplier: 1,
    polarity: "high-is-good",
    priority: "Recovery and reablement after a stay in hospital",
  }),
  defineIndicator({
    ...common,
    id: "oflog-asc6",
    code: "ASC6",
    trendCode: "ASC6",
    title: "Requests for support from new clients that resulted in a service",
    definition:
      "New requests for adult social care support that led to a service, per 100,000 adults. Neither high nor low is good in itself: it reflects both need and how the council manages demand.",
    unit: "per 100,000 adults",
    multiplier: 1,
    polarity: "neutral",
    priority: "Managing demand fairly",
  }),
];
