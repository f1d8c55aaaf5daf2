import { describe, expect, it } from "vitest";
import { type DsrBand, dsr, EUROPEAN_STANDARD_POPULATION_2013 } from "../../../models/statistics/index.ts";
import { expectRelClose } from "./helpers.ts";

describe("EUROPEAN_STANDARD_POPULATION_2013 (esp2013)", () => {
  it("matches the package's esp2013 vector", () => {
    // ukhsa-collaboration/PHEindicatormethods, man/esp2013.Rd: "5000 5500 5500 5500 6000 6000 6500
    // 7000 7000 7000 7000 6500 6000 5500 5000 4000 2500 1500 1000", 19 bands 0-4 ... 85-89, 90+.
    expect(EUROPEAN_STANDARD_POPULATION_2013.map((b) => b.weight)).toEqual([
      5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000,
    ]);
    expect(EUROPEAN_STANDARD_POPULATION_2013[0]?.band).toBe("0-4");
    expect(EUROPEAN_STANDARD_POPULATION_2013[18]?.band).toBe("90+");
    expect(EUROPEAN_STANDARD_POPULATION_2013.reduce((sum, b) => sum + b.weight, 0)).toBe(100000);
  });
});

/**
 * Three bands worked by hand with the Dobson et al (1991) method as in
 * calculate_dsr (R/DSR.R):
 *   counts x = 5, 20, 40; populations n = 10000, 8000, 4000; standard w = 5000, 3000, 2000 (sum 10000)
 *   sum(w x / n)      = 2.5 + 7.5 + 20 = 30            -> DSR = 30 / 10000 * 100000 = 300 per 100,000
 *   sum(w^2 x / n^2)  = 1.25 + 2.8125 + 10 = 14.0625   -> var = 14.0625 / 10000^2 = 1.40625e-7
 *   O = 65, sqrt(var / O) = sqrt(2.163461538e-9) = 4.651302547e-5
 *   Byar 95% for 65 (rate.test.ts): 50.163187710459442, 82.849138545939859
 *   lower = 300 + 4.651302547e-5 * (50.16318771 - 65) * 100000 = 230.98949720688490
 *   upper = 300 + 4.651302547e-5 * (82.84913855 - 65) * 100000 = 383.02174358218727
 *   Byar 99.8% for 65: 42.880261471480197, 94.000290844318000
 *   lower = 197.11440384121342, upper = 434.88912667068132
 * (final digits from a 30-digit evaluation with mpmath).
 */
const THREE_BANDS: DsrBand[] = [
  { count: 5, population: 10000, standard: 5000 },
  { count: 20, population: 8000, standard: 3000 },
  { count: 40, population: 4000, standard: 2000 },
];

describe("dsr (calculate_dsr, Dobson method)", () => {
  it("matches the Dobson calculation worked by hand", () => {
    const result = dsr(THREE_BANDS);
    expectRelClose(result.value, 300, 1e-14);
    expectRelClose(result.lower, 230.9894972068849);
    expectRelClose(result.upper, 383.0217435821873);
    expect(result.totalCount).toBe(65);
    expect(result.totalPopulation).toBe(22000);
  });

  it("takes 99.8% as 0.998 or 99.8", () => {
    const fraction = dsr(THREE_BANDS, { confidence: 0.998 });
    expectRelClose(fraction.lower, 197.11440384121342);
    expectRelClose(fraction.upper, 434.8891266706813);
    expect(dsr(THREE_BANDS, { confidence: 99.8 })).toEqual(fraction);
  });

  it("returns the common rate when every band has the same rate (ESP 2013)", () => {
    // Standardising a uniform age-specific rate returns that rate: 1 death per 1,000 in each of
    // the 19 bands -> DSR = 100 per 100,000. With O = 19 and sum(w^2) = 585,000,000:
    //   var = sum(w^2 * 1 / 1000^2) / 100000^2 = 585 / 1e10 = 5.85e-8, sqrt(var / 19) = 5.548826334e-5
    //   Byar 95% for 19: 11.433980556190841, 29.672346265318130
    //   lower = 100 + 5.548826334e-5 * (11.43398056 - 19) * 1e5 = 58.017472067100229
    //   upper = 100 + 5.548826334e-5 * (29.67234627 - 19) * 1e5 = 159.21899600190855
    const bands = EUROPEAN_STANDARD_POPULATION_2013.map((b) => ({ count: 1, population: 1000, standard: b.weight }));
    const result = dsr(bands);
    expectRelClose(result.value, 100, 1e-14);
    expectRelClose(result.lower, 58.01747206710023);
    expectRelClose(result.upper, 159.21899600190855);
  });

  it("suppresses value and limits when the total count is under 10, keeping the totals", () => {
    const bands: DsrBand[] = [
      { count: 4, population: 1000, standard: 5000 },
      { count: 5, population: 1000, standard: 5000 },
    ];
    expect(dsr(bands)).toEqual({ value: null, lower: null, upper: null, totalCount: 9, totalPopulation: 2000 });
    // One more event makes it publishable.
    expect(dsr([...bands, { count: 1, population: 1000, standard: 5000 }]).value).not.toBeNull();
  });

  it("treats a missing count as zero, as calculate_dsr does (na.zero)", () => {
    const withMissing = dsr([...THREE_BANDS, { count: null, population: 5000, standard: 0 }]);
    const withZero = dsr([...THREE_BANDS, { count: 0, population: 5000, standard: 0 }]);
    expect(withMissing).toEqual(withZero);
    expect(withMissing.totalCount).toBe(65);
  });

  it("gives all nulls when the bands or a population are missing", () => {
    const none = { value: null, lower: null, upper: null, totalCount: null, totalPopulation: null };
    expect(dsr(null)).toEqual(none);
    expect(dsr([...THREE_BANDS, { count: 3, population: null, standard: 1000 }])).toEqual(none);
  });

  it("rejects invalid bands with messages naming the band and rule", () => {
    expect(() => dsr([{ count: 5, population: 0, standard: 1000 }])).toThrow(
      "dsr: bands[0].population must be greater than 0 (bands[0].population=0)",
    );
    expect(() => dsr([...THREE_BANDS, { count: -2, population: 100, standard: 1000 }])).toThrow(
      "dsr: bands[3].count must be greater than or equal to 0 (bands[3].count=-2)",
    );
    expect(() => dsr([])).toThrow("dsr: bands must contain at least one band (bands.length=0)");
    expect(() => dsr(THREE_BANDS, { confidence: 1 })).toThrow(
      "dsr: confidence must be strictly between 0 and 1, or between 0 and 100 as a percentage (confidence=1)",
    );
  });
});
