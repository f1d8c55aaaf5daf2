import { describe, expect, it } from "vitest";
import { compare, proportion } from "../../../models/statistics/index.ts";

/**
 * Fingertips' "compared with benchmark" rule: significantly different when the benchmark lies
 * outside the value's confidence interval; a benchmark on a limit counts as inside ("similar").
 */
describe("compare (Fingertips benchmark comparison)", () => {
  const interval = { value: 50, lower: 45, upper: 55 };

  it("reads polarity into better / worse", () => {
    expect(compare(interval, 40, { polarity: "high-is-good" })).toBe("better");
    expect(compare(interval, 60, { polarity: "high-is-good" })).toBe("worse");
    expect(compare(interval, 40, { polarity: "low-is-good" })).toBe("worse");
    expect(compare(interval, 60, { polarity: "low-is-good" })).toBe("better");
  });

  it("reports higher / lower when polarity is neutral", () => {
    expect(compare(interval, 40, { polarity: "neutral" })).toBe("higher");
    expect(compare(interval, 60, { polarity: "neutral" })).toBe("lower");
    expect(compare(interval, 50, { polarity: "neutral" })).toBe("similar");
  });

  it("treats a benchmark inside the interval, or on a limit, as similar", () => {
    expect(compare(interval, 45, { polarity: "high-is-good" })).toBe("similar");
    expect(compare(interval, 55, { polarity: "high-is-good" })).toBe("similar");
    expect(compare(interval, 44.999, { polarity: "high-is-good" })).toBe("better");
  });

  it("works on a computed interval: 68 of 174 against an England value of 30%", () => {
    // 95% Wilson interval for 68/174 is 0.3214-0.4649 (proportion.test.ts); 0.30 is below it.
    expect(compare(proportion(68, 174), 0.3, { polarity: "high-is-good", level: 95 })).toBe("better");
    // At 99.8% the interval is 0.2850-0.5079, which contains 0.30.
    expect(compare(proportion(68, 174, { confidence: 99.8 }), 0.3, { polarity: "high-is-good", level: 99.8 })).toBe(
      "similar",
    );
  });

  it("is not compared when the value, a limit or the benchmark is missing", () => {
    expect(compare(null, 40, { polarity: "neutral" })).toBe("not compared");
    expect(compare({ value: null, lower: null, upper: null }, 40, { polarity: "neutral" })).toBe("not compared");
    expect(compare({ value: 50, lower: null, upper: 55 }, 40, { polarity: "neutral" })).toBe("not compared");
    expect(compare(interval, null, { polarity: "neutral" })).toBe("not compared");
  });

  it("rejects an inverted interval and an unknown level", () => {
    expect(() => compare({ value: 50, lower: 55, upper: 45 }, 40, { polarity: "neutral" })).toThrow(
      "compare: lower must not exceed upper (lower=55, upper=45)",
    );
    expect(() => compare(interval, 40, { polarity: "neutral", level: 0 })).toThrow(
      "compare: level must be strictly between 0 and 1, or between 0 and 100 as a percentage (level=0)",
    );
  });
});
