/**
 * Assigning values to quantiles (e.g. deprivation deciles).
 *
 * Mirrors PHEindicatormethods: phe_quantile (R/Quantiles.R), the method in
 * the OHID technical guide "Assigning deprivation categories":
 *
 *   rank     = rank of the (adjusted) value among the N non-missing values, ties.method = "min"
 *   quantile = floor((nq + 1) - ceiling(((N + 1) - rank) / (N / nq)))   (0 becomes 1)
 *
 * With invert = false the lowest values fall in quantile 1; with invert = true
 * values are first turned into max - value, so the highest fall in quantile 1.
 * (phe_quantile's own default is invert = TRUE; here it is false.)
 */
import { isMissing, type Maybe, requireFinite, requirePositiveInteger } from "./validate.ts";

export interface QuantileOptions {
  /** When true, the highest values are assigned to quantile 1. Default false. */
  invert?: boolean;
}

/** Number of entries in an ascending array that are strictly less than `x`. */
function countBelow(sorted: ReadonlyArray<number>, x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < x) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Quantile (1..n) for each value, in input order. Missing values stay null,
 * and every result is null when there are fewer non-missing values than
 * quantiles (phe_quantile warns and returns NA in that case).
 */
export function quantiles(
  values: ReadonlyArray<Maybe<number>>,
  n: number,
  options: QuantileOptions = {},
): Array<number | null> {
  requirePositiveInteger("quantiles", "n", n);
  const invert = options.invert ?? false;
  const present: number[] = [];
  for (const [i, value] of values.entries()) {
    if (!isMissing(value)) present.push(requireFinite("quantiles", `values[${i}]`, value));
  }
  const count = present.length;
  if (count < n) return values.map(() => null);

  const max = present.reduce((a, b) => Math.max(a, b), -Infinity);
  const adjust = (value: number): number => (invert ? max - value : value);
  const sorted = present.map(adjust).sort((a, b) => a - b);

  return values.map((value) => {
    if (isMissing(value)) return null;
    const rank = countBelow(sorted, adjust(value)) + 1;
    const quantile = Math.floor(n + 1 - Math.ceil((count + 1 - rank) / (count / n)));
    return quantile === 0 ? 1 : quantile;
  });
}
