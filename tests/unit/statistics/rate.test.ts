import { describe, expect, it } from "vitest";
import { byarLimits, exactPoissonLimits, rate } from "../../../models/statistics/index.ts";
import { expectMatchesPrinted, expectRelClose } from "./helpers.ts";

/**
 * Published output of phe_rate in the package's rendered vignette:
 * ukhsa-collaboration/PHEindicatormethods, inst/doc/IntroductiontoPHEindicatormethods.html
 * (commit d7dcb0a1, 2018-04-26): `phe_rate(df, obs, pop)` (95%, per 100,000) and
 * `phe_rate(df, obs, pop, confidence=99.8, multiplier=100)`. 8 of 155 is the one
 * "Exact" row; the rest are "Byars".
 */
const VIGNETTE_RATES: ReadonlyArray<{
  obs: number;
  pop: number;
  value: string;
  lower95: string;
  upper95: string;
  lower998: string;
  upper998: string;
}> = [
  { obs: 68, pop: 174, value: "39080.46", lower95: "30346.142", upper95: "49544.53", lower998: "26.042038", upper998: "56.07105" },
  { obs: 86, pop: 189, value: "45502.65", lower95: "36395.152", upper95: "56196.03", lower998: "31.822578", upper998: "62.81142" },
  { obs: 18, pop: 179, value: "10055.87", lower95: "5956.701", upper95: "15893.43", lower998: "4.259916", upper998: "19.77478" },
  { obs: 29, pop: 107, value: "27102.80", lower95: "18147.416", upper95: "38925.56", lower998: "14.132552", upper998: "46.57906" },
  { obs: 99, pop: 102, value: "97058.82", lower95: "78882.763", upper95: "118166.76", lower998: "69.665053", upper998: "131.16634" },
  { obs: 74, pop: 102, value: "72549.02", lower95: "56964.372", upper95: "91079.88", lower998: "49.230487", upper998: "102.60273" },
  { obs: 8, pop: 155, value: "5161.29", lower95: "2228.279", upper95: "10169.80", lower998: "1.271493", upper998: "13.64916" },
  { obs: 94, pop: 114, value: "82456.14", lower95: "66631.239", upper95: "100906.46", lower998: "58.634753", upper998: "112.28780" },
];

// 95% critical value qnorm(0.975) and 99.8% qnorm(0.999), see distributions.test.ts.
const Z95 = 1.959963984540054;

describe("rate (phe_rate: exact below 10 events, Byar's from 10)", () => {
  it("reproduces the package's published vignette output", () => {
    for (const row of VIGNETTE_RATES) {
      const at95 = rate(row.obs, row.pop);
      expectMatchesPrinted(at95.value, row.value);
      expectMatchesPrinted(at95.lower, row.lower95);
      expectMatchesPrinted(at95.upper, row.upper95);
      expect(at95.method).toBe(row.obs < 10 ? "exact" : "byar");
      const at998 = rate(row.obs, row.pop, { confidence: 99.8, multiplier: 100 });
      expectMatchesPrinted(at998.lower, row.lower998);
      expectMatchesPrinted(at998.upper, row.upper998);
    }
  });

  it("uses exact limits at 9 events and Byar's at 10", () => {
    expect(rate(9, 1000).method).toBe("exact");
    expect(rate(10, 1000).method).toBe("byar");
    // Byar (Breslow & Day 1987) for O = 10, z = 1.959963984540054, per 1,000 of 1,000 people (so = the count):
    //   lower = 10 (1 - 1/90 - z/(3 sqrt 10))^3 = 10 (1 - 0.011111111 - 0.206598344)^3 = 4.7874499139675618
    //   upper = 11 (1 - 1/99 + z/(3 sqrt 11))^3 = 11 (1 - 0.010101010 + 0.196983792)^3 = 18.391458605756476
    const result = rate(10, 1000, { multiplier: 1000 });
    expectRelClose(result.value, 10, 1e-15);
    expectRelClose(result.lower, 4.787449913967562);
    expectRelClose(result.upper, 18.391458605756476);
  });

  it("gives exact limits of (0, -ln 0.025) for a zero count", () => {
    // Exact Poisson limits (Armitage & Berry 2002): lower = qchisq(0.025, 0)/2 = 0;
    // upper = qchisq(0.975, 2)/2, and chi2 on 2 df has F(y) = 1 - exp(-y/2), so upper = -ln(0.025) = 3.6888794541139363.
    const result = rate(0, 1000, { multiplier: 1000 });
    expect(result).toEqual({ value: 0, lower: 0, upper: expect.any(Number), method: "exact" });
    expectRelClose(result.upper, 3.6888794541139363, 1e-13);
  });

  it("gives nulls and no method when the count or denominator is missing", () => {
    expect(rate(null, 1000)).toEqual({ value: null, lower: null, upper: null, method: null });
    expect(rate(5, null)).toEqual({ value: null, lower: null, upper: null, method: null });
  });

  it("rejects invalid inputs with messages naming the argument and rule", () => {
    expect(() => rate(-3, 1000)).toThrow("rate: count must be greater than or equal to 0 (count=-3)");
    expect(() => rate(3, -1000)).toThrow("rate: denominator must be greater than 0 (denominator=-1000)");
    expect(() => rate(3, Number.POSITIVE_INFINITY)).toThrow("rate: denominator must be a finite number (denominator=Infinity)");
  });
});

describe("byarLimits (byars_lower / byars_upper)", () => {
  it("matches Byar's formula worked by hand", () => {
    // lower = O (1 - 1/(9O) - z/(3 sqrt O))^3, upper = (O+1) (1 - 1/(9(O+1)) + z/(3 sqrt(O+1)))^3.
    // O = 65, z = 1.959963984540054: 1/(9*65) = 0.0017094017, z/(3 sqrt 65) = 0.0810345375,
    //   1/(9*66) = 0.0016835017, z/(3 sqrt 66) = 0.0804182964
    //   lower = 65 * 0.9172560608^3 = 50.163187710459442; upper = 66 * 1.0787347947^3 = 82.849138545939859
    // O = 1045 (the package's byars_lower(c(65,1045,1)) test counts):
    //   lower = 982.59320180733268, upper = 1110.3312129856498
    // (digits from a 30-digit evaluation of the formula with mpmath).
    const at65 = byarLimits(65);
    expectRelClose(at65.lower, 50.16318771045944);
    expectRelClose(at65.upper, 82.84913854593986);
    const at1045 = byarLimits(1045);
    expectRelClose(at1045.lower, 982.5932018073327);
    expectRelClose(at1045.upper, 1110.3312129856498);
    // 99.8%, z = 3.090232306167813: O = 65 -> 42.880261471480197, 94.000290844318000.
    const at65High = byarLimits(65, { confidence: 0.998 });
    expectRelClose(at65High.lower, 42.8802614714802);
    expectRelClose(at65High.upper, 94.000290844318);
  });

  it("returns a null lower limit where the formula goes negative, as byars_lower sets NA", () => {
    // O = 1 at 99.8%: 1 - 1/9 - 3.090232306/3 = -0.14119 -> cubed -0.0028145 < 0 -> NA.
    expect(byarLimits(1, { confidence: 99.8 }).lower).toBeNull();
    // ...but at 95%: 1 - 1/9 - 1.959963985/3 = 0.23557 -> 0.0130721 >= 0.
    expectRelClose(byarLimits(1).lower, 0.013072132901504324);
    // O = 0: 0 * (1 - 1/0 - ...)^3 is undefined (NaN in R) -> null; the upper limit is (1 - 1/9 + z/3)^3.
    const atZero = byarLimits(0);
    expect(atZero.lower).toBeNull();
    expectRelClose(atZero.upper, (1 - 1 / 9 + Z95 / 3) ** 3, 1e-14);
  });

  it("returns nulls for a missing count", () => {
    expect(byarLimits(undefined)).toEqual({ lower: null, upper: null });
  });
});

describe("exactPoissonLimits (the exact branch of phe_rate)", () => {
  it("matches closed forms for 1 event", () => {
    // lower = qchisq(0.025, 2)/2 = -ln(0.975) = 0.025317807984289875;
    // upper = qchisq(0.975, 4)/2 = mu solving exp(-mu)(1 + mu) = 0.025, i.e. mu = 5.5716433909388986.
    const limits = exactPoissonLimits(1);
    expectRelClose(limits.lower, 0.025317807984289875, 1e-12);
    expectRelClose(limits.upper, 5.571643390938899, 1e-12);
  });

  it("stays exact for counts over 1,000", () => {
    // 1,000 events: upper = qchisq(0.975, 2002)/2 = 1063.9521360163020 and
    // lower = qchisq(0.025, 2000)/2 = 938.97301840769522 (roots of the regularised incomplete
    // gamma P(a, mu) = p solved at 30 digits with mpmath). The unpolished
    // @stdlib chi-square quantile would be ~0.015% off here.
    const limits = exactPoissonLimits(1000);
    expectRelClose(limits.lower, 938.9730184076952, 1e-12);
    expectRelClose(limits.upper, 1063.952136016302, 1e-12);
  });
});
