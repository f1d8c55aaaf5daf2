/**
 * Funnel-plot control limits and funnel significance.
 *
 * Mirrors PHEindicatormethods' funnel functions (R/Funnels.R, R/utils.R),
 * which follow the Fingertips technical guidance and its Excel funnel macro:
 *
 *  - proportions: sigma_adjustment, used by calculate_funnel_limits(statistic = "proportion").
 *    For a population n it gives the observed proportion whose Wilson score
 *    interval just touches the average, i.e. it solves the Wilson equations
 *    for the observed value instead of for the limit.
 *  - ratios and rates: poisson_funnel, used by calculate_funnel_limits(statistic =
 *    "ratio" / "rate"). For an observed count O it bisects for the expected
 *    count E at which O sits on the p tail of Poisson(E), with Poisson tail
 *    sums from poisson_cis. The bisection stops when its step falls to 1e-7
 *    in the transformed variable v = E / (1 + O + E), as the package's does,
 *    so these limits match the package to ~1e-10 but differ from the exact
 *    chi-square limits by up to ~2.4e-7 relative. Above 1,000,000 events
 *    (where the bisection gets slow) the exact chi-square limits are used.
 *  - ratio significance: funnel_ratio_significance, used by
 *    assign_funnel_significance(statistic = "ratio"): the observed count's
 *    confidence limits (exact below 10 events, Byar's from 10) are divided by
 *    the expected count and compared with 1 at 95% and 99.8%.
 *
 * None of these apply the Spiegelhalter over-dispersion adjustment: the
 * package's funnels are unadjusted, and so are these.
 */
import { chisqQuantile, normalQuantile } from "./distributions.ts";
import { byarLowerCount, byarUpperCount, EXACT_METHOD_BELOW } from "./rate.ts";
import type { ConfidenceOption, Limits } from "./types.ts";
import {
  isMissing,
  type Maybe,
  normaliseConfidence,
  requireNonNegative,
  requirePositive,
} from "./validate.ts";

type Side = "low" | "high";

/**
 * sigma_adjustment(p, population, average_proportion, side, multiplier):
 * the proportion at population n on the low or high funnel line for
 * one-sided probability p (0.975 for 95%, 0.999 for 99.8%).
 */
function sigmaAdjustment(p: number, population: number, average: number, side: Side, multiplier: number): number {
  const z = normalQuantile(p);
  const z2 = z * z;
  const firstPart = average * (population / z2 + 1);
  const adjustment = Math.sqrt(
    (-8 * average * (population / z2 + 1)) ** 2 -
      64 * (1 / z2 + 1 / population) * average * (population * (average * (population / z2 + 2) - 1) + z2 * (average - 1)),
  );
  const lastPart = 1 / z2 + 1 / population;
  const limit = side === "low" ? (firstPart - adjustment / 8) / lastPart : (firstPart + adjustment / 8) / lastPart;
  return (limit / population) * multiplier;
}

export interface ProportionFunnelOptions extends ConfidenceOption {
  /** Scale of the limits: 1 for proportions (default), 100 for percentages. */
  multiplier?: number;
}

/**
 * Funnel control limits for a proportion at one denominator
 * (calculate_funnel_limits, statistic = "proportion"): sigma_adjustment at
 * p = confidence + (1 - confidence) / 2, floored at 0 and capped at the top
 * of the scale. The package caps at 100 whatever the multiplier; we cap at
 * `multiplier` (a proportion of 1), which is the same thing for percentages.
 *
 * @param average the funnel's baseline as a proportion in [0, 1]
 *   (sum of numerators / sum of denominators across the areas plotted).
 */
export function proportionFunnel(
  average: Maybe<number>,
  denominator: Maybe<number>,
  options: ProportionFunnelOptions = {},
): Limits {
  const confidence = normaliseConfidence("proportionFunnel", options.confidence ?? 0.95);
  const multiplier = requirePositive("proportionFunnel", "multiplier", options.multiplier ?? 1);
  if (isMissing(average) || isMissing(denominator)) return { lower: null, upper: null };
  requireNonNegative("proportionFunnel", "average", average);
  if (average > 1) {
    throw new Error(`proportionFunnel: average must be a proportion between 0 and 1 (average=${average})`);
  }
  requirePositive("proportionFunnel", "denominator", denominator);

  const p = confidence + (1 - confidence) / 2;
  const lower = Math.max(0, sigmaAdjustment(p, denominator, average, "low", multiplier));
  const upper = Math.min(multiplier, sigmaAdjustment(p, denominator, average, "high", multiplier));
  return { lower: Number.isFinite(lower) ? lower : null, upper: Number.isFinite(upper) ? upper : null };
}

/**
 * poisson_cis(z, x_a, x_b): P(x_a <= X <= x_b) for X ~ Poisson(z), by summing
 * terms z^k / k! from k = 0 until past the mean and below 1e-10 of the total,
 * rescaling by 1e30 to avoid overflow. Kept operation for operation so that
 * the bisection below takes the same branches as the package's.
 */
function poissonCis(z: number, xa: number, xb: number): number {
  let q = 1;
  let total = 0;
  let sum = 0;
  let k = 0;
  while (k <= z || q > total * 1e-10) {
    total += q;
    if (k >= xa && k <= xb) sum += q;
    if (total > 1e30) {
      sum /= 1e30;
      total /= 1e30;
      q /= 1e30;
    }
    k += 1;
    q = (q * z) / k;
  }
  return sum / total;
}

/**
 * Above this many events poisson_funnel's bisection (whose cost grows with the
 * count) is replaced by the exact chi-square limit it converges to.
 */
export const POISSON_FUNNEL_BISECTION_MAX = 1_000_000;

/**
 * poisson_funnel(obs, p, side): the Poisson mean E for which P(X >= obs) = p
 * ("low": E is the lower exact limit of obs) or P(X <= obs) = p ("high": the
 * upper exact limit), found by bisection on v = E / (1 + obs + E) until the
 * step is below 1e-7. Each step sums the Poisson terms up to ~E, so above
 * POISSON_FUNNEL_BISECTION_MAX events the exact chi-square limit is returned
 * instead (within ~2.4e-7 relative of what the bisection would give).
 */
function poissonFunnel(observed: number, p: number, side: Side): number {
  if (observed > POISSON_FUNNEL_BISECTION_MAX) {
    return side === "low" ? chisqQuantile(p, 2 * observed) / 2 : chisqQuantile(p, 2 * observed + 2, true) / 2;
  }
  let v = 0.5;
  let dv = 0.5;
  while (dv > 1e-7) {
    dv /= 2;
    const mean = ((1 + observed) * v) / (1 - v);
    // "low": P(X >= obs) above p means E is too big; "high": P(X <= obs) below p means E is too big.
    const decrease = side === "low" ? poissonCis(mean, observed, 1e10) > p : poissonCis(mean, 0, observed) < p;
    v = decrease ? v - dv : v + dv;
  }
  return ((1 + observed) * v) / (1 - v);
}

/** One-sided tail probability of a two-sided level: 0.025 for 95%, 0.001 for 99.8%. */
function tailProbability(confidence: number): number {
  return (1 - confidence) / 2;
}

/**
 * Funnel control limits for an indirectly standardised ratio (or any
 * observed/expected ratio) at a given observed count
 * (calculate_funnel_limits, statistic = "ratio"): the ratios
 * O / E_high and O / E_low where E_high and E_low are poisson_funnel's
 * expected counts. The package reports these minus 1 ("count") or times 100
 * ("isr"); we return the plain ratio. With O = 0 the lower limit is 0 and the
 * upper limit does not exist (null).
 */
export function ratioFunnel(observed: Maybe<number>, options: ConfidenceOption = {}): Limits {
  const confidence = normaliseConfidence("ratioFunnel", options.confidence ?? 0.95);
  if (isMissing(observed)) return { lower: null, upper: null };
  requireNonNegative("ratioFunnel", "observed", observed);
  if (observed === 0) return { lower: 0, upper: null };
  const tail = tailProbability(confidence);
  return {
    lower: observed / poissonFunnel(observed, tail, "high"),
    upper: observed / poissonFunnel(observed, tail, "low"),
  };
}

export interface RateFunnelOptions extends ConfidenceOption {
  /** Limits per this many people; default 100,000. */
  multiplier?: number;
}

/**
 * Funnel control limits for a rate at a given number of events
 * (calculate_funnel_limits, statistic = "rate"): the population at which
 * `events` sits on each funnel line is poisson_funnel(events) / averageRate,
 * and the limit is events / that population * multiplier.
 *
 * @param averageRate the funnel's baseline as events per person, NOT per
 *   multiplier (the package's `av`: sum of events / sum of populations).
 */
export function rateFunnel(
  events: Maybe<number>,
  averageRate: Maybe<number>,
  options: RateFunnelOptions = {},
): Limits {
  const confidence = normaliseConfidence("rateFunnel", options.confidence ?? 0.95);
  const multiplier = requirePositive("rateFunnel", "multiplier", options.multiplier ?? 100000);
  if (isMissing(events) || isMissing(averageRate)) return { lower: null, upper: null };
  requireNonNegative("rateFunnel", "events", events);
  requirePositive("rateFunnel", "averageRate", averageRate);
  if (events === 0) return { lower: 0, upper: null };
  const tail = tailProbability(confidence);
  const lowerPopulation = poissonFunnel(events, tail, "high") / averageRate;
  const upperPopulation = poissonFunnel(events, tail, "low") / averageRate;
  return {
    lower: (events / lowerPopulation) * multiplier,
    upper: (events / upperPopulation) * multiplier,
  };
}

export type FunnelSignificance =
  | "High (0.001)"
  | "High (0.025)"
  | "Not significant"
  | "Low (0.025)"
  | "Low (0.001)";

/**
 * funnel_ratio_significance(obs, expected, p, side): the observed count's
 * lower ("low") or upper ("high") confidence limit at level p, divided by
 * the expected count. Exact (chi-square) below 10 events, Byar's from 10.
 */
function ratioLimit(observed: number, expected: number, level: number, side: Side): number {
  let limit: number;
  if (observed === 0 && side === "low") {
    limit = 0;
  } else if (observed < EXACT_METHOD_BELOW) {
    limit =
      side === "low"
        ? chisqQuantile(0.5 + level / 2, 2 * observed, true) / 2
        : chisqQuantile(0.5 + level / 2, 2 * observed + 2) / 2;
  } else {
    const z = normalQuantile(0.5 + level / 2);
    limit = side === "low" ? byarLowerCount(observed, z) : byarUpperCount(observed, z);
  }
  return limit / expected;
}

/**
 * Funnel-plot significance of an observed count against its expected count
 * (assign_funnel_significance, statistic = "ratio"): "High" when the ratio's
 * lower limit is above 1, "Low" when its upper limit is below 1, tested at
 * 99.8% ("(0.001)") before 95% ("(0.025)"). Null when either input is missing.
 */
export function ratioSignificance(observed: Maybe<number>, expected: Maybe<number>): FunnelSignificance | null {
  if (isMissing(observed) || isMissing(expected)) return null;
  requireNonNegative("ratioSignificance", "observed", observed);
  requirePositive("ratioSignificance", "expected", expected);
  if (1 < ratioLimit(observed, expected, 0.998, "low")) return "High (0.001)";
  if (1 < ratioLimit(observed, expected, 0.95, "low")) return "High (0.025)";
  if (1 > ratioLimit(observed, expected, 0.998, "high")) return "Low (0.001)";
  if (1 > ratioLimit(observed, expected, 0.95, "high")) return "Low (0.025)";
  return "Not significant";
}
