/**
 * Quantiles of the normal, chi-square and Student's t distributions.
 *
 * These stand in for R's qnorm, qchisq and qt, which PHEindicatormethods
 * calls. Normal and t quantiles come straight from @stdlib. The chi-square
 * quantile starts from @stdlib and is then polished with Newton steps on an
 * accurate CDF, because the packaged versions are not accurate enough at
 * high degrees of freedom:
 *
 *  - @stdlib/stats-base-dists-chisquare-quantile 0.2.3 is ~1.5e-4 relative
 *    off at 2,002 degrees of freedom (p = 0.975: 2128.2337 against R/mpmath
 *    2127.9043), and
 *  - @stdlib/math-base-special-gammainc 0.3.1, which it inverts, is itself
 *    wrong by up to ~2.5% once the shape a = df/2 passes roughly 900 with x
 *    near a (measured against mpmath at 30 digits; it is accurate to ~1e-14
 *    up to a = 800). Newton steps on that function would converge to the same
 *    wrong answer.
 *
 * So the CDF used for the Newton steps is:
 *  - for even degrees of freedom (integer shape a, which is every exact
 *    Poisson limit of a whole-number count: df = 2x or 2x + 2), the exact
 *    Poisson identity P(chi2_{2a} <= y) = P(Poisson(y/2) >= a), summed term
 *    by term outwards from the mode until terms fall below 1e-18 of the total
 *    (the same finite Poisson summation that PHEindicatormethods' own
 *    poisson_cis uses for funnel plots, with a tighter stopping rule);
 *  - for other degrees of freedom, @stdlib gammainc, but only while the shape
 *    is at most 500 where it was measured accurate; beyond that we throw
 *    rather than return a wrong number.
 */
import stdlibNormalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import stdlibChisqQuantile from "@stdlib/stats-base-dists-chisquare-quantile";
import stdlibTQuantile from "@stdlib/stats-base-dists-t-quantile";
import gammainc from "@stdlib/math-base-special-gammainc";

/** Largest gamma shape (df / 2) for which @stdlib gammainc 0.3.1 is trusted. */
const STDLIB_GAMMAINC_MAX_SHAPE = 500;

/** Poisson terms smaller than this fraction of the running total are dropped. */
const POISSON_TERM_CUTOFF = 1e-18;

function requireProbability(fn: string, p: number): void {
  if (!(p > 0 && p < 1)) {
    throw new Error(`${fn}: p must be strictly between 0 and 1 (p=${p})`);
  }
}

/** Standard normal quantile, as R's qnorm(p). */
export function normalQuantile(p: number): number {
  requireProbability("normalQuantile", p);
  return stdlibNormalQuantile(p, 0, 1);
}

/**
 * Two-sided critical value for a confidence level given as a fraction,
 * computed exactly as PHEindicatormethods does: qnorm(confidence + (1 - confidence) / 2).
 * For 0.95 this is 1.959963984540054; for 0.998 it is 3.090232306167813.
 */
export function zScore(confidence: number): number {
  return normalQuantile(confidence + (1 - confidence) / 2);
}

/** Student's t quantile with `df` degrees of freedom, as R's qt(p, df). */
export function tQuantile(p: number, df: number): number {
  requireProbability("tQuantile", p);
  if (!(df > 0)) {
    throw new Error(`tQuantile: df must be greater than 0 (df=${df})`);
  }
  return stdlibTQuantile(p, df);
}

/** Both tails of a distribution function and its density at one point. */
interface CdfPoint {
  lower: number;
  upper: number;
  density: number;
}

/**
 * Splits a Poisson(mu) distribution at m: P(X < m), P(X >= m) and P(X = m - 1).
 *
 * Terms are generated relative to the modal term (set to 1) by the
 * recurrences t(j-1) = t(j) * j / mu and t(j+1) = t(j) * mu / (j + 1), so no
 * factorial or exp(-mu) is ever formed and nothing overflows; the
 * probabilities are the bucket sums divided by the grand total.
 */
function poissonSplit(mu: number, m: number): CdfPoint {
  if (mu === 0) {
    return { lower: m > 0 ? 1 : 0, upper: m > 0 ? 0 : 1, density: m === 1 ? 1 : 0 };
  }
  const mode = Math.floor(mu);
  let below = 0;
  let atOrAbove = 0;
  let pmfAtMMinus1 = 0;
  let total = 0;
  const add = (j: number, term: number): void => {
    if (j < m) below += term;
    else atOrAbove += term;
    if (j === m - 1) pmfAtMMinus1 = term;
    total += term;
  };

  add(mode, 1);
  let term = 1;
  for (let j = mode; j > 0; j--) {
    term = (term * j) / mu;
    add(j - 1, term);
    if (term < total * POISSON_TERM_CUTOFF) break;
  }
  term = 1;
  for (let j = mode + 1; ; j++) {
    term = (term * mu) / j;
    add(j, term);
    if (term < total * POISSON_TERM_CUTOFF) break;
  }
  return { lower: below / total, upper: atOrAbove / total, density: pmfAtMMinus1 / total };
}

/** Chi-square CDF (both tails) and density at x, accurate at high degrees of freedom. */
function chisqPoint(x: number, df: number): CdfPoint {
  if (x <= 0) return { lower: 0, upper: 1, density: 0 };
  const shape = df / 2;
  if (Number.isInteger(shape)) {
    // P(chi2_{2a} <= x) = P(Poisson(x/2) >= a); d/dx of it = dpois(a - 1, x/2) / 2.
    const split = poissonSplit(x / 2, shape);
    return { lower: split.upper, upper: split.lower, density: split.density / 2 };
  }
  if (shape > STDLIB_GAMMAINC_MAX_SHAPE) {
    throw new Error(
      `chisqQuantile: odd or fractional degrees of freedom above ${2 * STDLIB_GAMMAINC_MAX_SHAPE} are not supported (df=${df})`,
    );
  }
  const lower = gammainc(x / 2, shape);
  const upper = gammainc(x / 2, shape, true, true);
  // Central difference of the CDF: only steers Newton, never sets the answer.
  const h = x * 1e-6;
  const density =
    (gammainc((x + h) / 2, shape, true, true) - gammainc((x - h) / 2, shape, true, true)) / (-2 * h);
  return { lower, upper, density };
}

/** Chi-square distribution function P(X <= x) (or P(X > x) when `upperTail`). */
export function chisqCdf(x: number, df: number, upperTail = false): number {
  const point = chisqPoint(x, df);
  return upperTail ? point.upper : point.lower;
}

/**
 * Chi-square quantile, as R's qchisq(p, df, lower.tail = !upperTail).
 * df = 0 returns 0, as R does (it is the lower exact Poisson limit of a zero count).
 */
export function chisqQuantile(p: number, df: number, upperTail = false): number {
  requireProbability("chisqQuantile", p);
  if (!(df >= 0) || !Number.isFinite(df)) {
    throw new Error(`chisqQuantile: df must be a finite number >= 0 (df=${df})`);
  }
  if (df === 0) return 0;

  const lowerP = upperTail ? 1 - p : p;
  const upperP = upperTail ? p : 1 - p;
  // Solve on whichever tail is smaller, where the probability keeps its precision.
  const useUpper = upperP < lowerP;
  let x = stdlibChisqQuantile(lowerP, df);
  if (!(x > 0) || !Number.isFinite(x)) x = df;

  for (let iteration = 0; iteration < 50; iteration++) {
    const point = chisqPoint(x, df);
    if (!(point.density > 0)) break;
    const step = useUpper
      ? -(point.upper - upperP) / point.density
      : (point.lower - lowerP) / point.density;
    const next = x - step > 0 ? x - step : x / 2;
    const converged = Math.abs(next - x) <= 4 * Number.EPSILON * x;
    x = next;
    if (converged) break;
  }
  return x;
}
