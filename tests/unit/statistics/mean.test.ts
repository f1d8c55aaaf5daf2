import { describe, expect, it } from "vitest";
import { mean } from "../../../models/statistics/index.ts";
import { expectMatchesPrinted, expectRelClose } from "./helpers.ts";

describe("mean (phe_mean, Student's t)", () => {
  it("reproduces the package's published vignette output", () => {
    // ukhsa-collaboration/PHEindicatormethods, inst/doc/IntroductiontoPHEindicatormethods.html
    // (commit d7dcb0a1): `phe_mean(df, obs)` over obs = 68, 86, 18, 29, 99, 74, 8, 94
    // printed "59.5 29.45637 89.54363".
    const result = mean([68, 86, 18, 29, 99, 74, 8, 94]);
    expectMatchesPrinted(result.value, "59.5");
    expectMatchesPrinted(result.lower, "29.45637");
    expectMatchesPrinted(result.upper, "89.54363");
  });

  it("matches the t interval worked by hand", () => {
    // phe_mean's own example values 30, 40, 50, 60: mean 45, sd = sqrt((225+25+25+225)/3) = sqrt(500/3)
    // = 12.909944487358056; qt(0.975, 3) = 3.1824463052837096 (root of the regularised incomplete
    // beta at 30 digits, mpmath; 3.182 in printed t tables);
    // half-width = 3.1824463052837096 * 12.909944487358056 / sqrt(4) = 20.542602567605220
    // -> 24.457397432394780 to 65.542602567605220.
    const result = mean([30, 40, 50, 60]);
    expectRelClose(result.value, 45, 1e-15);
    expectRelClose(result.lower, 24.45739743239478);
    expectRelClose(result.upper, 65.54260256760522);
  });

  it("takes 99.8 and 0.998 alike", () => {
    expect(mean([30, 40, 50, 60], { confidence: 99.8 })).toEqual(mean([30, 40, 50, 60], { confidence: 0.998 }));
  });

  it("gives the mean without limits for a single value, and nulls for none or any missing value", () => {
    expect(mean([7])).toEqual({ value: 7, lower: null, upper: null });
    expect(mean([])).toEqual({ value: null, lower: null, upper: null });
    expect(mean(null)).toEqual({ value: null, lower: null, upper: null });
    // phe_mean does not drop NAs: sum() over an NA is NA.
    expect(mean([30, null, 50])).toEqual({ value: null, lower: null, upper: null });
  });

  it("rejects non-finite values with the position named", () => {
    expect(() => mean([1, Number.NaN])).toThrow("mean: values[1] must be a finite number (values[1]=NaN)");
  });
});
