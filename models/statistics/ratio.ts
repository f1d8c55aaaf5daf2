/**
 * Indirectly standardised ratios and rates.
 *
 * Mirrors PHEindicatormethods: calculate_ISRatio (R/ISRatio.R, formerly
 * phe_smr) and calculate_ISRate (R/ISRate.R, formerly phe_isr):
 *
 *   expected = sum(referenceCount_i / referencePopulation_i * population_i)
 *   ratio    = observed / expected * refValue
 *   rate     = observed / expected * (sum(referenceCount) / sum(referencePopulation) * multiplier)
 *
 * with the observed count's limits exact below 10 events and Byar's from 10
 * (the same rule as phe_rate), scaled by the same factor.
 *
 * Missing values follow the package: a missing observed count, population or
 * reference count counts as 0 (na.rm / na.zero); a missing reference
 * population makes the expected count, and so the result, missing.
 */
import { countLimits } from "./rate.ts";
import { type ConfidenceOption, type Estimate, MISSING_ESTIMATE } from "./types.ts";
import {
  isMissing,
  type Maybe,
  normaliseConfidence,
  requireNonNegative,
  requirePositive,
} from "./validate.ts";

/** One standardisation category (usually an age band) with its reference rate inputs. */
export interface IsrBand {
  /** Observed events in the band for the area. */
  count: Maybe<number>;
  /** Population of the band in the area. */
  population: Maybe<number>;
  /** Events in the band in the reference population (e.g. England). */
  referenceCount: Maybe<number>;
  /** Reference population of the band; must be greater than 0. */
  referencePopulation: Maybe<number>;
}

interface ObservedExpected {
  observed: number;
  expected: number;
  referenceCount: number;
  referencePopulation: number;
}

/** Sums observed, expected and the reference totals; null when a reference population is missing. */
function observedAndExpected(fn: string, bands: ReadonlyArray<IsrBand>): ObservedExpected | null {
  if (bands.length === 0) throw new Error(`${fn}: bands must contain at least one band (bands.length=0)`);
  let observed = 0;
  let expected = 0;
  let referenceCount = 0;
  let referencePopulation = 0;
  for (const [i, band] of bands.entries()) {
    const count = isMissing(band.count) ? 0 : requireNonNegative(fn, `bands[${i}].count`, band.count);
    const population = isMissing(band.population)
      ? 0
      : requireNonNegative(fn, `bands[${i}].population`, band.population);
    const refCount = isMissing(band.referenceCount)
      ? 0
      : requireNonNegative(fn, `bands[${i}].referenceCount`, band.referenceCount);
    if (isMissing(band.referencePopulation)) return null;
    const refPopulation = requirePositive(fn, `bands[${i}].referencePopulation`, band.referencePopulation);
    observed += count;
    expected += (refCount / refPopulation) * population;
    referenceCount += refCount;
    referencePopulation += refPopulation;
  }
  requirePositive(fn, "expected count", expected);
  return { observed, expected, referenceCount, referencePopulation };
}

/** Scales the observed count and its limits by factor / expected. */
function scaledEstimate(observed: number, expected: number, factor: number, confidence: number): Estimate {
  const limits = countLimits(observed, confidence);
  return {
    value: (observed / expected) * factor,
    lower: limits.lower === null ? null : (limits.lower / expected) * factor,
    upper: (limits.upper / expected) * factor,
  };
}

export interface IsRatioOptions extends ConfidenceOption {
  /** Value of the reference ratio: 1 (default) for a ratio, 100 for an SMR-style index. */
  refValue?: number;
}

/** Indirectly standardised ratio (observed / expected) with limits (calculate_ISRatio). */
export function isRatio(bands: Maybe<ReadonlyArray<IsrBand>>, options: IsRatioOptions = {}): Estimate {
  const confidence = normaliseConfidence("isRatio", options.confidence ?? 0.95);
  const refValue = requirePositive("isRatio", "refValue", options.refValue ?? 1);
  if (isMissing(bands)) return { ...MISSING_ESTIMATE };
  const totals = observedAndExpected("isRatio", bands);
  if (totals === null) return { ...MISSING_ESTIMATE };
  return scaledEstimate(totals.observed, totals.expected, refValue, confidence);
}

export interface IsRateOptions extends ConfidenceOption {
  /** Rate per this many people; default 100,000. */
  multiplier?: number;
}

/**
 * Indirectly standardised rate (calculate_ISRate): the ratio observed/expected
 * multiplied by the crude reference rate sum(referenceCount)/sum(referencePopulation).
 */
export function isRate(bands: Maybe<ReadonlyArray<IsrBand>>, options: IsRateOptions = {}): Estimate {
  const confidence = normaliseConfidence("isRate", options.confidence ?? 0.95);
  const multiplier = requirePositive("isRate", "multiplier", options.multiplier ?? 100000);
  if (isMissing(bands)) return { ...MISSING_ESTIMATE };
  const totals = observedAndExpected("isRate", bands);
  if (totals === null) return { ...MISSING_ESTIMATE };
  const referenceRate = (totals.referenceCount / totals.referencePopulation) * multiplier;
  return scaledEstimate(totals.observed, totals.expected, referenceRate, confidence);
}
