/**
 * Indicator statistics faithful to PHEindicatormethods, the OHID/UKHSA R
 * package behind Fingertips. Pure functions, no I/O. Each module names the R
 * function it mirrors.
 *
 * Conventions shared by every function:
 *  - confidence accepts a fraction (0.95, 0.998) or a percentage (95, 99.8);
 *  - missing inputs (null / undefined) give null outputs rather than throwing;
 *  - invalid inputs (negative counts, zero denominators, NaN, confidence
 *    outside (0, 1)) throw an Error naming the function, argument and rule.
 */
export { compare, type Comparison, type ComparedValue, type CompareOptions, type Polarity } from "./compare.ts";
export { chisqCdf, chisqQuantile, normalQuantile, tQuantile, zScore } from "./distributions.ts";
export {
  dsr,
  DSR_MINIMUM_COUNT,
  type DsrBand,
  type DsrEstimate,
  type DsrOptions,
  EUROPEAN_STANDARD_POPULATION_2013,
} from "./dsr.ts";
export {
  type FunnelSignificance,
  POISSON_FUNNEL_BISECTION_MAX,
  proportionFunnel,
  type ProportionFunnelOptions,
  rateFunnel,
  type RateFunnelOptions,
  ratioFunnel,
  ratioSignificance,
} from "./funnel.ts";
export { mean } from "./mean.ts";
export { proportion, type ProportionOptions, wilsonLower, wilsonUpper } from "./proportion.ts";
export { quantiles, type QuantileOptions } from "./quantiles.ts";
export {
  byarLimits,
  EXACT_METHOD_BELOW,
  exactPoissonLimits,
  rate,
  type RateEstimate,
  type RateOptions,
} from "./rate.ts";
export { isRate, type IsRateOptions, isRatio, type IsRatioOptions, type IsrBand } from "./ratio.ts";
export type { ConfidenceOption, Estimate, Limits } from "./types.ts";
export { type Maybe, normaliseConfidence } from "./validate.ts";
