import { describe, expect, it } from "vitest";
import { proportion } from "../../../models/statistics/index.ts";
import { expectMatchesPrinted, expectRelClose } from "./helpers.ts";

/**
 * Published output of phe_proportion in the package's own rendered vignette:
 * ukhsa-collaboration/PHEindicatormethods, inst/doc/IntroductiontoPHEindicatormethods.html
 * (commit d7dcb0a1, 2018-04-26), "Execute phe_proportion and phe_rate":
 * `phe_proportion(df, obs, pop)` and `phe_proportion(df, obs, pop, confidence=99.8)`.
 * Figures as R printed them (7-8 significant digits).
 */
const VIGNETTE_PROPORTIONS: ReadonlyArray<{
  obs: number;
  pop: number;
  value: string;
  lower95: string;
  upper95: string;
  lower998: string;
  upper998: string;
}> = [
  { obs: 68, pop: 174, value: "0.3908046", lower95: "0.32141284", upper95: "0.46491370", lower998: "0.28504658", upper998: "0.5079248" },
  { obs: 86, pop: 189, value: "0.4550265", lower95: "0.38563304", upper95: "0.52621164", lower998: "0.34795803", upper998: "0.5664210" },
  { obs: 18, pop: 179, value: "0.1005587", lower95: "0.06455836", upper95: "0.15334331", lower998: "0.05014823", upper998: "0.1914304" },
  { obs: 29, pop: 107, value: "0.2710280", lower95: "0.19583556", upper95: "0.36209159", lower998: "0.16118061", upper998: "0.4183973" },
  { obs: 99, pop: 102, value: "0.9705882", lower95: "0.91706943", upper95: "0.98994755", lower998: "0.86653064", upper998: "0.9940736" },
  { obs: 74, pop: 102, value: "0.7254902", lower95: "0.63189437", upper95: "0.80271793", lower998: "0.57419464", upper998: "0.8381782" },
  { obs: 8, pop: 155, value: "0.0516129", lower95: "0.02638210", upper95: "0.09853151", lower998: "0.01832319", upper998: "0.1369464" },
  { obs: 94, pop: 114, value: "0.8245614", lower95: "0.74449994", upper95: "0.88346241", lower998: "0.69079867", upper998: "0.9081514" },
];

describe("proportion (phe_proportion, Wilson score)", () => {
  it("reproduces the package's published vignette output at 95% and 99.8%", () => {
    for (const row of VIGNETTE_PROPORTIONS) {
      const at95 = proportion(row.obs, row.pop);
      expectMatchesPrinted(at95.value, row.value);
      expectMatchesPrinted(at95.lower, row.lower95);
      expectMatchesPrinted(at95.upper, row.upper95);
      const at998 = proportion(row.obs, row.pop, { confidence: 99.8 });
      expectMatchesPrinted(at998.lower, row.lower998);
      expectMatchesPrinted(at998.upper, row.upper998);
    }
  });

  it("reproduces the vignette's percentages with multiplier 100", () => {
    // Same vignette, `phe_proportion(df, obs, pop, percentage=TRUE)` (now multiplier = 100): 68/174 -> 39.08046 (32.141284, 46.491370).
    const result = proportion(68, 174, { multiplier: 100 });
    expectMatchesPrinted(result.value, "39.08046");
    expectMatchesPrinted(result.lower, "32.141284");
    expectMatchesPrinted(result.upper, "46.491370");
  });

  it("matches Wilson's formula worked by hand for 65 of 100 (the package's wilson_lower(65,100) example)", () => {
    // Wilson (1927) as in the Fingertips guidance: limits = (2O + z^2 -/+ z sqrt(z^2 + 4Oq)) / (2(n + z^2)).
    // O = 65, n = 100, q = 0.35, z = 1.959963984540054:
    //   z^2 = 3.841458820694126;  4Oq = 4 * 65 * 0.35 = 91
    //   sqrt(z^2 + 91) = sqrt(94.841458820694126) = 9.738657957885888
    //   2O + z^2 = 133.841458820694126;  z * 9.738657957885888 = 19.087418398990...
    //   2(n + z^2) = 207.682917641388252
    //   lower = (133.841458820694126 - 19.087418399) / 207.682917641388252 = 0.55254443296887960
    //   upper = (133.841458820694126 + 19.087418399) / 207.682917641388252 = 0.73635751756902469
    // (final digits from a 30-digit evaluation of the same expression with mpmath).
    const result = proportion(65, 100);
    expectRelClose(result.value, 0.65, 1e-15);
    expectRelClose(result.lower, 0.5525444329688796);
    expectRelClose(result.upper, 0.7363575175690247);
  });

  it("matches Newcombe (1998) for the Wilson score interval", () => {
    // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of
    // seven methods. Stat Med 1998;17:857-72, method 3 (score, no continuity correction),
    // printed to 4 decimals: 81/263 -> 0.2553-0.3662; 15/148 -> 0.0624-0.1605;
    // 0/20 -> 0.0000-0.1611; 1/29 -> 0.0061-0.1718.
    const cases: ReadonlyArray<[number, number, string, string]> = [
      [81, 263, "0.2553", "0.3662"],
      [15, 148, "0.0624", "0.1605"],
      [0, 20, "0.0000", "0.1611"],
      [1, 29, "0.0061", "0.1718"],
    ];
    for (const [x, n, lower, upper] of cases) {
      const result = proportion(x, n);
      expectMatchesPrinted(result.lower, lower);
      expectMatchesPrinted(result.upper, upper);
    }
  });

  it("gives the boundary limits exactly at 0 and n", () => {
    // x = 0: lower = (z^2 - z * sqrt(z^2)) / ... = 0; x = n: upper = (2n + z^2 + z^2) / (2(n + z^2)) = 1.
    expect(proportion(0, 20).lower).toBe(0);
    expectRelClose(proportion(20, 20).upper, 1, 1e-15);
    // x = n: lower = 1 - upper(0 of 20) = 1 - 0.16112515805281939 = 0.83887484194718061 (symmetry of the score interval).
    expectRelClose(proportion(20, 20).lower, 0.8388748419471806);
  });

  it("gives null value and limits when the numerator or denominator is missing", () => {
    expect(proportion(null, 100)).toEqual({ value: null, lower: null, upper: null });
    expect(proportion(5, undefined)).toEqual({ value: null, lower: null, upper: null });
  });

  it("rejects invalid inputs with messages naming the argument and rule", () => {
    expect(() => proportion(12, 10)).toThrow(
      "proportion: numerator must not exceed denominator (numerator=12, denominator=10)",
    );
    expect(() => proportion(-1, 10)).toThrow("proportion: numerator must be greater than or equal to 0 (numerator=-1)");
    expect(() => proportion(1, 0)).toThrow("proportion: denominator must be greater than 0 (denominator=0)");
    expect(() => proportion(Number.NaN, 10)).toThrow("proportion: numerator must be a finite number (numerator=NaN)");
    expect(() => proportion(1, 10, { multiplier: 0 })).toThrow("proportion: multiplier must be greater than 0 (multiplier=0)");
  });
});
