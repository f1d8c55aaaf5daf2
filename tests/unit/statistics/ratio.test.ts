import { describe, expect, it } from "vitest";
import { type IsrBand, isRate, isRatio } from "../../../models/statistics/index.ts";
import { expectRelClose } from "./helpers.ts";

/**
 * Two bands worked by hand with calculate_ISRatio / calculate_ISRate (R/ISRatio.R, R/ISRate.R):
 *   expected = 100/100000 * 2000 + 600/50000 * 1000 = 2 + 12 = 14
 *   observed = 3 + 12 = 15 (>= 10, so Byar's limits)
 *   Byar 95% for 15, z = 1.959963984540054:
 *     lower = 15 (1 - 1/135 - z/(3 sqrt 15))^3 = 8.3892640132140454
 *     upper = 16 (1 - 1/144 + z/(3 sqrt 16))^3 = 24.741631343239258
 *   ratio = 15/14 = 1.0714285714285714, limits 8.38926401/14 = 0.59923314380100324, 24.74163134/14 = 1.7672593816599470
 *   reference rate = (100 + 600) / (100000 + 50000) * 100000 = 466.666... per 100,000
 *   rate = 15/14 * 466.667 = 500, limits 0.599233144 * 466.667 = 279.64213377380151, 1.767259382 * 466.667 = 824.72104477464193
 * (final digits from a 30-digit evaluation with mpmath).
 */
const BYAR_BANDS: IsrBand[] = [
  { count: 3, population: 2000, referenceCount: 100, referencePopulation: 100000 },
  { count: 12, population: 1000, referenceCount: 600, referencePopulation: 50000 },
];

/**
 * Same populations with 1 + 4 = 5 observed (< 10, so exact limits):
 *   lower = qchisq(0.025, 10)/2 = 1.6234863901184205, upper = qchisq(0.975, 12)/2 = 11.668332079322670
 *   ratio = 5/14 = 0.35714285714285714, limits 0.11596331357988718, 0.83345229138019069
 * (chi-square quantiles solved from the regularised incomplete gamma at 30 digits, mpmath).
 */
const EXACT_BANDS: IsrBand[] = [
  { count: 1, population: 2000, referenceCount: 100, referencePopulation: 100000 },
  { count: 4, population: 1000, referenceCount: 600, referencePopulation: 50000 },
];

describe("isRatio (calculate_ISRatio)", () => {
  it("uses Byar's limits from 10 observed events", () => {
    const result = isRatio(BYAR_BANDS);
    expectRelClose(result.value, 15 / 14, 1e-15);
    expectRelClose(result.lower, 0.5992331438010032);
    expectRelClose(result.upper, 1.767259381659947);
  });

  it("uses exact limits below 10 observed events", () => {
    const result = isRatio(EXACT_BANDS);
    expectRelClose(result.value, 5 / 14, 1e-15);
    expectRelClose(result.lower, 0.11596331357988718);
    expectRelClose(result.upper, 0.8334522913801907);
  });

  it("scales value and limits by refValue (e.g. 100 for an SMR)", () => {
    const result = isRatio(BYAR_BANDS, { refValue: 100 });
    expectRelClose(result.value, 1500 / 14, 1e-15);
    expectRelClose(result.lower, 59.92331438010032);
    expectRelClose(result.upper, 176.7259381659947);
  });

  it("counts missing observed counts, populations and reference counts as zero, as the package does", () => {
    // na.zero on the reference count and population, sum(na.rm = TRUE) on the observed count.
    const withMissing = isRatio([...BYAR_BANDS, { count: null, population: null, referenceCount: null, referencePopulation: 100 }]);
    expect(withMissing).toEqual(isRatio(BYAR_BANDS));
  });

  it("gives nulls when the bands or a reference population are missing", () => {
    const none = { value: null, lower: null, upper: null };
    expect(isRatio(undefined)).toEqual(none);
    expect(isRatio([...BYAR_BANDS, { count: 1, population: 10, referenceCount: 1, referencePopulation: null }])).toEqual(none);
  });

  it("rejects invalid inputs with messages naming the argument and rule", () => {
    expect(() => isRatio([{ count: 1, population: 10, referenceCount: 1, referencePopulation: 0 }])).toThrow(
      "isRatio: bands[0].referencePopulation must be greater than 0 (bands[0].referencePopulation=0)",
    );
    expect(() => isRatio([{ count: 1, population: 0, referenceCount: 1, referencePopulation: 10 }])).toThrow(
      "isRatio: expected count must be greater than 0 (expected count=0)",
    );
    expect(() => isRatio([{ count: -1, population: 10, referenceCount: 1, referencePopulation: 10 }])).toThrow(
      "isRatio: bands[0].count must be greater than or equal to 0 (bands[0].count=-1)",
    );
  });
});

describe("isRate (calculate_ISRate)", () => {
  it("multiplies the ratio by the crude reference rate", () => {
    const result = isRate(BYAR_BANDS);
    expectRelClose(result.value, 500, 1e-14);
    expectRelClose(result.lower, 279.6421337738015);
    expectRelClose(result.upper, 824.7210447746419);
  });

  it("honours the multiplier and 95 as a percentage", () => {
    const perThousand = isRate(BYAR_BANDS, { multiplier: 1000, confidence: 95 });
    expectRelClose(perThousand.value, 5, 1e-14);
    expectRelClose(perThousand.lower, 2.796421337738015);
  });
});
