/**
 * Means with Student's t confidence limits.
 *
 * Mirrors PHEindicatormethods: phe_mean (R/Means.R):
 *
 *   value = sum(x) / n
 *   limits = value -/+ |qt((1 - confidence) / 2, n - 1)| * sd(x) / sqrt(n)
 *
 * where sd is the sample standard deviation (n - 1 denominator).
 */
import { tQuantile } from "./distributions.ts";
import { type ConfidenceOption, type Estimate, MISSING_ESTIMATE } from "./types.ts";
import { isMissing, type Maybe, normaliseConfidence, requireFinite } from "./validate.ts";

/**
 * Mean of `values` with Student's t limits (phe_mean).
 *
 * Like the R function (which does not drop NAs), a missing value anywhere
 * makes the whole result missing; an empty list also gives nulls. With a
 * single value the mean is returned but the limits are null (no spread).
 */
export function mean(values: Maybe<ReadonlyArray<Maybe<number>>>, options: ConfidenceOption = {}): Estimate {
  const confidence = normaliseConfidence("mean", options.confidence ?? 0.95);
  if (isMissing(values) || values.length === 0) return { ...MISSING_ESTIMATE };
  const present: number[] = [];
  for (const [i, value] of values.entries()) {
    if (isMissing(value)) return { ...MISSING_ESTIMATE };
    present.push(requireFinite("mean", `values[${i}]`, value));
  }

  const count = present.length;
  const value = present.reduce((sum, x) => sum + x, 0) / count;
  if (count < 2) return { value, lower: null, upper: null };

  const variance = present.reduce((sum, x) => sum + (x - value) ** 2, 0) / (count - 1);
  const halfWidth = (Math.abs(tQuantile((1 - confidence) / 2, count - 1)) * Math.sqrt(variance)) / Math.sqrt(count);
  return { value, lower: value - halfWidth, upper: value + halfWidth };
}
