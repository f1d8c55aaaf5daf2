import { describe, expect, it } from "vitest";
import {
  byarLimits,
  dsr,
  exactPoissonLimits,
  isRate,
  isRatio,
  mean,
  normaliseConfidence,
  proportion,
  proportionFunnel,
  rate,
  rateFunnel,
  ratioFunnel,
} from "../../../models/statistics/index.ts";

// Small inputs for exercising every function's confidence handling.
const BANDS = [
  { count: 5, population: 10000, standard: 5000 },
  { count: 20, population: 8000, standard: 3000 },
];
const ISR_BANDS = [
  { count: 3, population: 2000, referenceCount: 100, referencePopulation: 100000 },
  { count: 12, population: 1000, referenceCount: 600, referencePopulation: 50000 },
];

/** Every confidence-taking function, called with the given confidence. */
const CALLS: Record<string, (confidence: number) => unknown> = {
  proportion: (confidence) => proportion(30, 100, { confidence }),
  rate: (confidence) => rate(30, 1000, { confidence }),
  byarLimits: (confidence) => byarLimits(30, { confidence }),
  exactPoissonLimits: (confidence) => exactPoissonLimits(3, { confidence }),
  dsr: (confidence) => dsr(BANDS, { confidence }),
  isRatio: (confidence) => isRatio(ISR_BANDS, { confidence }),
  isRate: (confidence) => isRate(ISR_BANDS, { confidence }),
  mean: (confidence) => mean([1, 2, 4], { confidence }),
  proportionFunnel: (confidence) => proportionFunnel(0.3, 100, { confidence }),
  ratioFunnel: (confidence) => ratioFunnel(30, { confidence }),
  rateFunnel: (confidence) => rateFunnel(30, 0.001, { confidence }),
};

describe("confidence levels", () => {
  it("reads values above 1 as percentages", () => {
    expect(normaliseConfidence("test", 95)).toBe(0.95);
    expect(normaliseConfidence("test", 99.8)).toBeCloseTo(0.998, 15);
    expect(normaliseConfidence("test", 0.9)).toBe(0.9);
  });

  it("gives identical results for 95 and 0.95, and for 99.8 and 0.998, in every function", () => {
    for (const [name, call] of Object.entries(CALLS)) {
      expect(call(95), name).toEqual(call(0.95));
      expect(call(99.8), name).toEqual(call(0.998));
      expect(call(99.8), name).not.toEqual(call(95));
    }
  });

  it("rejects levels outside (0, 1) and (0, 100) with the function named", () => {
    for (const [name, call] of Object.entries(CALLS)) {
      for (const bad of [0, 1, 100, -5, 150]) {
        expect(() => call(bad)).toThrow(
          `${name}: confidence must be strictly between 0 and 1, or between 0 and 100 as a percentage (confidence=${bad})`,
        );
      }
      expect(() => call(Number.NaN)).toThrow(`${name}: confidence must be a finite number (confidence=NaN)`);
    }
  });
});
