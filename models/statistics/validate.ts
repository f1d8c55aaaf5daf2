/**
 * Argument checks shared by the statistics functions.
 *
 * Two kinds of bad input are kept apart on purpose:
 *  - *missing* input (null / undefined) is normal in published data
 *    (suppressed or not-yet-available figures), so callers turn it into
 *    null outputs rather than throwing;
 *  - *invalid* input (negative counts, zero denominators, NaN, a confidence
 *    level outside (0, 1)) is a bug upstream, so it throws an Error whose
 *    message names the function, the argument and the rule broken, e.g.
 *    `proportion: numerator must not exceed denominator (numerator=12, denominator=10)`.
 */

/** A value that may be missing from the source data. */
export type Maybe<T> = T | null | undefined;

/** True when a value is missing (null or undefined). NaN is *not* missing: it is invalid. */
export function isMissing<T>(value: Maybe<T>): value is null | undefined {
  return value === null || value === undefined;
}

/** Throws unless `value` is a finite number. */
export function requireFinite(fn: string, name: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new Error(`${fn}: ${name} must be a finite number (${name}=${String(value)})`);
  }
  return value;
}

/** Throws unless `value` is a finite number >= 0 (counts, populations that may be zero). */
export function requireNonNegative(fn: string, name: string, value: number): number {
  requireFinite(fn, name, value);
  if (value < 0) {
    throw new Error(`${fn}: ${name} must be greater than or equal to 0 (${name}=${value})`);
  }
  return value;
}

/** Throws unless `value` is a finite number > 0 (denominators, multipliers). */
export function requirePositive(fn: string, name: string, value: number): number {
  requireFinite(fn, name, value);
  if (value <= 0) {
    throw new Error(`${fn}: ${name} must be greater than 0 (${name}=${value})`);
  }
  return value;
}

/**
 * Normalises a confidence level to a fraction in (0, 1).
 *
 * PHEindicatormethods accepts 0.95 or 95 alike ("confidence >= 90 is divided
 * by 100"); here any value above 1 is read as a percentage, so 95 -> 0.95 and
 * 99.8 -> 0.998. Unlike the R package we do not insist on >= 0.9: any level
 * strictly between 0 and 1 is allowed.
 */
export function normaliseConfidence(fn: string, confidence: number, name = "confidence"): number {
  requireFinite(fn, name, confidence);
  const fraction = confidence > 1 ? confidence / 100 : confidence;
  if (!(fraction > 0 && fraction < 1)) {
    throw new Error(
      `${fn}: ${name} must be strictly between 0 and 1, or between 0 and 100 as a percentage (${name}=${confidence})`,
    );
  }
  return fraction;
}

/** Throws unless `value` is a whole number >= 1 (e.g. a number of quantiles). */
export function requirePositiveInteger(fn: string, name: string, value: number): number {
  requireFinite(fn, name, value);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${fn}: ${name} must be a whole number of at least 1 (${name}=${value})`);
  }
  return value;
}
