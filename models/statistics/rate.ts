/**
 * Crude rates and confidence limits for counts of events.
 *
 * Mirrors PHEindicatormethods: phe_rate (R/Rates.R) and the internal
 * byars_lower / byars_upper (R/utils.R). Counts below 10 get exact Poisson
 * limits from the chi-square distribution (Armitage & Berry 2002); counts of
 * 10 or more get Byar's approximation (Breslow & Day 1987), which the
 * Fingertips technical guide says is within 0.2% of exact from 10 events.
 */
import { chisqQuantile, zScore } from "./distributions.ts";
import type { ConfidenceOption, Limits } from "./types.ts";
import {
  isMissing,
  type Maybe,
  normaliseConfidence,
  requireNonNegative,
  requirePositive,
} from "./validate.ts";

/** Counts below this use exact Poisson limits; from it, Byar's method. */
export const EXACT_METHOD_BELOW = 10;

/** Byar's lower limit for a count x: x * (1 - 1/(9x) - z/(3 sqrt(x)))^3 (byars_lower). */
export function byarLowerCount(count: number, z: number): number {
  return count * (1 - 1 / (9 * count) - z / (3 * Math.sqrt(count))) ** 3;
}

/** Byar's upper limit for a count x: (x+1) * (1 - 1/(9(x+1)) + z/(3 sqrt(x+1)))^3 (byars_upper). */
export function byarUpperCount(count: number, z: number): number {
  return (count + 1) * (1 - 1 / (9 * (count + 1)) + z / (3 * Math.sqrt(count + 1))) ** 3;
}

/**
 * Byar's confidence limits for an observed count (byars_lower / byars_upper).
 * The lower limit is null where the formula is negative or undefined (very
 * small counts or very high confidence), as the R package sets those to NA.
 */
export function byarLimits(count: Maybe<number>, options: ConfidenceOption = {}): Limits {
  const confidence = normaliseConfidence("byarLimits", options.confidence ?? 0.95);
  if (isMissing(count)) return { lower: null, upper: null };
  requireNonNegative("byarLimits", "count", count);
  const z = zScore(confidence);
  const lower = byarLowerCount(count, z);
  return { lower: lower >= 0 ? lower : null, upper: byarUpperCount(count, z) };
}

/**
 * Exact Poisson limits for an observed count (the `x < 10` branch of phe_rate):
 * lower = qchisq((1 - c)/2, 2x) / 2, upper = qchisq(c + (1 - c)/2, 2x + 2) / 2.
 * Valid at any count: the chi-square quantile stays accurate at high degrees of freedom.
 */
export function exactPoissonLimits(count: Maybe<number>, options: ConfidenceOption = {}): Limits {
  const confidence = normaliseConfidence("exactPoissonLimits", options.confidence ?? 0.95);
  if (isMissing(count)) return { lower: null, upper: null };
  requireNonNegative("exactPoissonLimits", "count", count);
  return exactCountLimits(count, confidence);
}

/** Exact Poisson limits for a validated count and a confidence fraction. */
export function exactCountLimits(count: number, confidence: number): { lower: number; upper: number } {
  return {
    lower: chisqQuantile((1 - confidence) / 2, 2 * count) / 2,
    upper: chisqQuantile(confidence + (1 - confidence) / 2, 2 * count + 2) / 2,
  };
}

/**
 * Confidence limits for a count the way phe_rate, calculate_ISRatio and
 * calculate_ISRate choose them: exact below 10 events, Byar's from 10.
 */
export function countLimits(
  count: number,
  confidence: number,
): { lower: number | null; upper: number; method: "exact" | "byar" } {
  if (count < EXACT_METHOD_BELOW) {
    return { ...exactCountLimits(count, confidence), method: "exact" };
  }
  const z = zScore(confidence);
  const lower = byarLowerCount(count, z);
  return { lower: lower >= 0 ? lower : null, upper: byarUpperCount(count, z), method: "byar" };
}

export interface RateOptions extends ConfidenceOption {
  /** Rate per this many people; default 100,000. */
  multiplier?: number;
}

export interface RateEstimate {
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** "exact" below 10 events, "byar" from 10; null when an input was missing. */
  method: "exact" | "byar" | null;
}

/**
 * Crude rate per `multiplier` with confidence limits (phe_rate):
 * value = count / denominator * multiplier; limits are the count's limits
 * scaled the same way.
 */
export function rate(
  count: Maybe<number>,
  denominator: Maybe<number>,
  options: RateOptions = {},
): RateEstimate {
  const confidence = normaliseConfidence("rate", options.confidence ?? 0.95);
  const multiplier = requirePositive("rate", "multiplier", options.multiplier ?? 100000);
  if (isMissing(count) || isMissing(denominator)) {
    return { value: null, lower: null, upper: null, method: null };
  }
  requireNonNegative("rate", "count", count);
  requirePositive("rate", "denominator", denominator);

  const limits = countLimits(count, confidence);
  return {
    value: (count / denominator) * multiplier,
    lower: limits.lower === null ? null : (limits.lower / denominator) * multiplier,
    upper: (limits.upper / denominator) * multiplier,
    method: limits.method,
  };
}
