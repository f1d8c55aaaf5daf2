// Oflog's adult social care measures, 2015-16 to 2022-23: published values only (no
// numerators or denominators), so they are benchmarked against the median of all councils.
// Only ASC6 is registered: ASC2, ASC3 and ASC5 are ASCOF measures (1B, 3C(1), the old 2D)
// that the ASCOF time series now carries itself, and workforce turnover is ASCOF 6A.
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
