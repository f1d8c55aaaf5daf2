/**
 * Proportions with Wilson score confidence limits.
 *
 * Mirrors PHEindicatormethods: phe_proportion (R/Proportions.R) and the
 * internal wilson_lower / wilson_upper (R/utils.R), which implement Wilson
 * (1927) as recommended by Newcombe & Altman (2000):
 *
 *   lower, upper = (2x + z^2 -/+ z * sqrt(z^2 + 4x(1 - x/n))) / 2 / (n + z^2)
 *
 * with z = qnorm(confidence + (1 - confidence) / 2).
 */
import { zScore } from "./distributions.ts";
import { type ConfidenceOption, type Estimate, MISSING_ESTIMATE } from "./types.ts";
import {
  isMissing,
  type Maybe,
  normaliseConfidence,
  requireNonNegative,
  requirePositive,
} from "./validate.ts";

/** Wilson score lower limit for x successes out of n, as a fraction (wilson_lower). */
export function wilsonLower(x: number, n: number, z: number): number {
  return (2 * x + z ** 2 - z * Math.sqrt(z ** 2 + 4 * x * (1 - x / n))) / 2 / (n + z ** 2);
}

/** Wilson score upper limit for x successes out of n, as a fraction (wilson_upper). */
export function wilsonUpper(x: number, n: number, z: number): number {
  return (2 * x + z ** 2 + z * Math.sqrt(z ** 2 + 4 * x * (1 - x / n))) / 2 / (n + z ** 2);
}

export interface ProportionOptions extends ConfidenceOption {
  /** Scale of the output: 1 for a proportion (default), 100 for a percentage. */
  multiplier?: number;
}

/**
 * Proportion numerator / denominator with Wilson score limits, all scaled by
 * `multiplier` (phe_proportion). Missing numerator or denominator gives nulls.
 */
export function proportion(
  numerator: Maybe<number>,
  denominator: Maybe<number>,
  options: ProportionOptions = {},
): Estimate {
  const confidence = normaliseConfidence("proportion", options.confidence ?? 0.95);
  const multiplier = requirePositive("proportion", "multiplier", options.multiplier ?? 1);
  if (isMissing(numerator) || isMissing(denominator)) return { ...MISSING_ESTIMATE };
  requireNonNegative("proportion", "numerator", numerator);
  requirePositive("proportion", "denominator", denominator);
  if (numerator > denominator) {
    throw new Error(
      `proportion: numerator must not exceed denominator (numerator=${numerator}, denominator=${denominator})`,
    );
  }

  const z = zScore(confidence);
  return {
    value: (numerator / denominator) * multiplier,
    lower: wilsonLower(numerator, denominator, z) * multiplier,
    upper: wilsonUpper(numerator, denominator, z) * multiplier,
  };
}
