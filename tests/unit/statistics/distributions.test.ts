import { describe, expect, it } from "vitest";
import { chisqCdf, chisqQuantile, normalQuantile, tQuantile, zScore } from "../../../models/statistics/index.ts";
import { evenDfChisqCdf, expectRelClose } from "./helpers.ts";

describe("normal quantile (R qnorm)", () => {
  it("gives the two-sided critical values PHEindicatormethods uses", () => {
    // z = qnorm(0.975) = sqrt(2) * erfinv(0.95) = 1.95996398454005423552... (30-digit evaluation,
    // mpmath); "1.96" in the Fingertips guidance, 1.959964 as R prints it.
    expectRelClose(zScore(0.95), 1.959963984540054, 1e-15);
    // qnorm(0.999) = sqrt(2) * erfinv(0.998) = 3.09023230616781354154... (mpmath).
    expectRelClose(zScore(0.998), 3.090232306167813, 1e-15);
    expectRelClose(normalQuantile(0.025), -1.959963984540054, 1e-15);
  });
});

describe("chi-square quantile (R qchisq)", () => {
  it("matches the closed form for 2 degrees of freedom", () => {
    // chi2 with 2 df is exponential with mean 2: F(y) = 1 - exp(-y/2), so q(p) = -2 ln(1 - p).
    // q(0.975) = -2 ln(0.025) = 7.37775890822787...; q(0.025) = -2 ln(0.975) = 0.0506356159685798...
    expectRelClose(chisqQuantile(0.975, 2), -2 * Math.log(0.025), 1e-13);
    expectRelClose(chisqQuantile(0.025, 2), -2 * Math.log(0.975), 1e-13);
    expectRelClose(chisqCdf(7.377758908227871, 2), 0.975, 1e-14);
  });

  it("matches the closed form for 1 degree of freedom", () => {
    // chi2 with 1 df is Z^2, so q(0.95) = qnorm(0.975)^2 = 1.959963984540054^2 = 3.841458820694124.
    expectRelClose(chisqQuantile(0.95, 1), 1.959963984540054 ** 2, 1e-13);
  });

  it("is 0 for 0 degrees of freedom, as R's qchisq(p, 0) (the lower exact limit of a zero count)", () => {
    expect(chisqQuantile(0.025, 0)).toBe(0);
  });

  it("stays accurate at 2,000+ degrees of freedom (the Newton fix)", () => {
    // @stdlib/stats-base-dists-chisquare-quantile 0.2.3 returns 2128.2336730897 for
    // qchisq(0.975, 2002), 1.5e-4 relative too high. The defining property of the
    // quantile is CDF(q) = p; check it with the independent Poisson-sum CDF above.
    for (const [p, df] of [
      [0.975, 2002],
      [0.025, 2000],
      [0.999, 2002],
      [0.001, 2000],
    ] as const) {
      const q = chisqQuantile(p, df);
      expect(Math.abs(evenDfChisqCdf(q, df) - p)).toBeLessThan(1e-12);
    }
    // qchisq(0.975, 2002) = 2127.9042720326... : the root of P(1001, y/2) = 0.975
    // (regularised lower incomplete gamma) solved at 40 digits with mpmath.
    expectRelClose(chisqQuantile(0.975, 2002), 2127.904272032604, 1e-13);
  });

  it("stays accurate at 20,000 degrees of freedom", () => {
    // Same defining property; the reference's recurrence drifts by ~1e-12 over its 10,000+ terms.
    for (const p of [0.001, 0.999]) {
      expect(Math.abs(evenDfChisqCdf(chisqQuantile(p, 20000), 20000) - p)).toBeLessThan(1e-11);
    }
  });

  it("refuses odd degrees of freedom where @stdlib gammainc is unreliable rather than return a wrong number", () => {
    expect(() => chisqQuantile(0.5, 1001)).toThrow(
      "chisqQuantile: odd or fractional degrees of freedom above 1000 are not supported (df=1001)",
    );
  });
});

describe("Student's t quantile (R qt)", () => {
  it("matches the closed forms for 1 and 2 degrees of freedom", () => {
    // 1 df is Cauchy: qt(p, 1) = tan(pi (p - 1/2)); qt(0.025, 1) = -12.7062047361747...
    expectRelClose(tQuantile(0.025, 1), Math.tan(Math.PI * (0.025 - 0.5)), 1e-13);
    // 2 df: qt(p, 2) = (2p - 1) / sqrt(2 p (1 - p)); qt(0.025, 2) = -0.95 / sqrt(0.04875) = -4.30265272974946...
    expectRelClose(tQuantile(0.025, 2), -0.95 / Math.sqrt(0.04875), 1e-13);
  });

  it("matches the tabulated 7 df value", () => {
    // qt(0.975, 7) = 2.36462425159278534... (root of the regularised incomplete beta, mpmath);
    // 2.365 in printed t tables.
    expectRelClose(tQuantile(0.975, 7), 2.3646242515927853, 1e-13);
  });
});
