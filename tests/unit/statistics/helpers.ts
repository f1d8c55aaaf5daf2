/** Comparison helpers for the statistics tests. */
import { expect } from "vitest";

/** Asserts |actual - expected| <= rel * |expected| (1e-9 by default). */
export function expectRelClose(actual: number | null | undefined, expected: number, rel = 1e-9): void {
  expect(actual).toBeTypeOf("number");
  const difference = Math.abs((actual as number) - expected);
  const tolerance = rel * Math.abs(expected);
  expect(
    difference,
    `expected ${String(actual)} to be within ${rel} relative of ${expected} (difference ${difference})`,
  ).toBeLessThanOrEqual(tolerance);
}

/**
 * Asserts that `actual` rounds to a figure as published: the tolerance is half
 * a unit in the last printed decimal place (plus `slack`, for published
 * figures whose inputs were themselves rounded). E.g. "0.32141284" allows 5e-9.
 */
export function expectMatchesPrinted(actual: number | null | undefined, printed: string, slack = 0): void {
  expect(actual).toBeTypeOf("number");
  const decimals = printed.includes(".") ? (printed.split(".")[1] ?? "").length : 0;
  const tolerance = 0.5 * 10 ** -decimals * (1 + 1e-9) + slack;
  const difference = Math.abs((actual as number) - Number(printed));
  expect(
    difference,
    `expected ${String(actual)} to round to published ${printed} (difference ${difference}, tolerance ${tolerance})`,
  ).toBeLessThanOrEqual(tolerance);
}

/**
 * Independent chi-square CDF for even degrees of freedom, from the Poisson
 * identity P(chi2_{2a} <= y) = P(Poisson(y/2) >= a) = sum_{j>=a} t_j / sum_j t_j
 * with t_j = mu^j / j!, summed upwards from j = 0 and rescaled by 1e30 when the
 * total grows large (the way PHEindicatormethods' poisson_cis sums Poisson
 * tails). The implementation instead sums outwards from the mode, so the two
 * share no code.
 */
export function evenDfChisqCdf(y: number, df: number): number {
  const shape = df / 2;
  const mu = y / 2;
  let term = 1;
  let total = 0;
  let atOrAbove = 0;
  for (let j = 0; j <= mu || term > total * 1e-20; j++) {
    if (j > 0) term = (term * mu) / j;
    total += term;
    if (j >= shape) atOrAbove += term;
    if (total > 1e30) {
      term /= 1e30;
      total /= 1e30;
      atOrAbove /= 1e30;
    }
  }
  return atOrAbove / total;
}
