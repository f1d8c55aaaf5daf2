/**
 * Directly standardised rates (DSRs) with Dobson confidence limits.
 *
 * Mirrors PHEindicatormethods: calculate_dsr / dsr_inner (R/DSR.R), the
 * Dobson et al (1991) method as used on Fingertips:
 *
 *   DSR       = sum(w_i * x_i / n_i) / sum(w_i)                  (x count, n population, w standard)
 *   var(DSR)  = sum(w_i^2 * x_i / n_i^2) / sum(w_i)^2
 *   limit     = DSR + sqrt(var(DSR) / O) * (O_limit - O)         (O = sum(x_i))
 *
 * where O_limit is Byar's lower or upper limit for the total count O. The
 * package suppresses the DSR and its limits when O < 10, so Byar's method is
 * the only one it needs (no exact branch); we do the same.
 */
import { zScore } from "./distributions.ts";
import { byarLowerCount, byarUpperCount } from "./rate.ts";
import type { ConfidenceOption } from "./types.ts";
import {
  isMissing,
  type Maybe,
  normaliseConfidence,
  requireNonNegative,
  requirePositive,
} from "./validate.ts";

/** One standardisation category (usually a 5-year age band). */
export interface DsrBand {
  /** Events in the band; a missing count is treated as 0, as calculate_dsr does (na.zero). */
  count: Maybe<number>;
  /** Population in the band; must be greater than 0. */
  population: Maybe<number>;
  /** Standard population weight for the band, e.g. from EUROPEAN_STANDARD_POPULATION_2013. */
  standard: number;
}

export interface DsrOptions extends ConfidenceOption {
  /** Rate per this many people; default 100,000. */
  multiplier?: number;
}

export interface DsrEstimate {
  value: number | null;
  lower: number | null;
  upper: number | null;
  totalCount: number | null;
  totalPopulation: number | null;
}

/** Total counts below this make the DSR unreliable, so it is not published. */
export const DSR_MINIMUM_COUNT = 10;

/**
 * The 2013 European Standard Population in the 19 five-year bands used by
 * PHEindicatormethods' esp2013 (0-4 ... 85-89, 90+; Eurostat 2013, with ages
 * 0 and 1-4 combined and 90-94 and 95+ combined). Weights sum to 100,000.
 */
export const EUROPEAN_STANDARD_POPULATION_2013: ReadonlyArray<{ readonly band: string; readonly weight: number }> =
  Object.freeze(
    [
      ["0-4", 5000],
      ["5-9", 5500],
      ["10-14", 5500],
      ["15-19", 5500],
      ["20-24", 6000],
      ["25-29", 6000],
      ["30-34", 6500],
      ["35-39", 7000],
      ["40-44", 7000],
      ["45-49", 7000],
      ["50-54", 7000],
      ["55-59", 6500],
      ["60-64", 6000],
      ["65-69", 5500],
      ["70-74", 5000],
      ["75-79", 4000],
      ["80-84", 2500],
      ["85-89", 1500],
      ["90+", 1000],
    ].map(([band, weight]) => Object.freeze({ band: band as string, weight: weight as number })),
  );

const MISSING_DSR: Readonly<DsrEstimate> = Object.freeze({
  value: null,
  lower: null,
  upper: null,
  totalCount: null,
  totalPopulation: null,
});

/**
 * Directly standardised rate per `multiplier` with Dobson limits (calculate_dsr).
 * Returns nulls for value and limits when the total count is under 10, and
 * all nulls when `bands` or any band's population is missing.
 */
export function dsr(bands: Maybe<ReadonlyArray<DsrBand>>, options: DsrOptions = {}): DsrEstimate {
  const confidence = normaliseConfidence("dsr", options.confidence ?? 0.95);
  const multiplier = requirePositive("dsr", "multiplier", options.multiplier ?? 100000);
  if (isMissing(bands)) return { ...MISSING_DSR };
  if (bands.length === 0) throw new Error("dsr: bands must contain at least one band (bands.length=0)");

  let totalCount = 0;
  let totalPopulation = 0;
  let totalStandard = 0;
  let weightedRates = 0;
  let weightedSquaredRates = 0;
  for (const [i, band] of bands.entries()) {
    const count = isMissing(band.count) ? 0 : requireNonNegative("dsr", `bands[${i}].count`, band.count);
    if (isMissing(band.population)) return { ...MISSING_DSR };
    const population = requirePositive("dsr", `bands[${i}].population`, band.population);
    const standard = requireNonNegative("dsr", `bands[${i}].standard`, band.standard);
    totalCount += count;
    totalPopulation += population;
    totalStandard += standard;
    weightedRates += (count * standard) / population;
    weightedSquaredRates += count * (standard / population) ** 2;
  }
  requirePositive("dsr", "sum of standard weights", totalStandard);

  if (totalCount < DSR_MINIMUM_COUNT) {
    return { value: null, lower: null, upper: null, totalCount, totalPopulation };
  }

  const value = (weightedRates / totalStandard) * multiplier;
  const variance = (1 / totalStandard ** 2) * weightedSquaredRates;
  const scale = Math.sqrt(variance / totalCount);
  const z = zScore(confidence);
  // byars_lower is NA when negative (only at extreme confidence), so the DSR limit is too.
  const lowerCount = byarLowerCount(totalCount, z);
  return {
    value,
    lower: lowerCount >= 0 ? value + scale * (lowerCount - totalCount) * multiplier : null,
    upper: value + scale * (byarUpperCount(totalCount, z) - totalCount) * multiplier,
    totalCount,
    totalPopulation,
  };
}
