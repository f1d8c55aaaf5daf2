/**
 * Comparing an indicator value with a benchmark, Fingertips style.
 *
 * Fingertips' "compared with benchmark" method (technical guidance,
 * "Comparing with a benchmark"): a value is significantly different from the
 * benchmark when the benchmark lies outside the value's confidence interval.
 * The interval's limits count as inside, so a benchmark exactly on a limit
 * is "similar". Polarity turns "higher"/"lower" into "better"/"worse".
 */
import { isMissing, type Maybe, normaliseConfidence, requireFinite } from "./validate.ts";

export type Polarity = "high-is-good" | "low-is-good" | "neutral";

export type Comparison = "better" | "similar" | "worse" | "higher" | "lower" | "not compared";

/** The value being compared, with its confidence interval. */
export interface ComparedValue {
  value: Maybe<number>;
  lower: Maybe<number>;
  upper: Maybe<number>;
}

export interface CompareOptions {
  polarity: Polarity;
  /**
   * Confidence level of the interval supplied (0.95 / 95 or 0.998 / 99.8).
   * The interval itself decides the result; the level is validated and
   * documents which interval the caller should pass.
   */
  level?: number;
}

const POLARITIES: ReadonlyArray<Polarity> = ["high-is-good", "low-is-good", "neutral"];

/**
 * "better" / "similar" / "worse" (or "higher" / "similar" / "lower" when
 * polarity is neutral) for `value` against `benchmark`; "not compared" when
 * the value, either limit or the benchmark is missing.
 */
export function compare(value: Maybe<ComparedValue>, benchmark: Maybe<number>, options: CompareOptions): Comparison {
  normaliseConfidence("compare", options.level ?? 0.95, "level");
  if (!POLARITIES.includes(options.polarity)) {
    throw new Error(`compare: polarity must be one of ${POLARITIES.join(", ")} (polarity=${String(options.polarity)})`);
  }
  if (isMissing(value) || isMissing(value.value) || isMissing(value.lower) || isMissing(value.upper)) {
    return "not compared";
  }
  if (isMissing(benchmark)) return "not compared";
  requireFinite("compare", "value", value.value);
  const lower = requireFinite("compare", "lower", value.lower);
  const upper = requireFinite("compare", "upper", value.upper);
  requireFinite("compare", "benchmark", benchmark);
  if (lower > upper) {
    throw new Error(`compare: lower must not exceed upper (lower=${lower}, upper=${upper})`);
  }

  const direction = lower > benchmark ? "higher" : upper < benchmark ? "lower" : "similar";
  if (direction === "similar" || options.polarity === "neutral") return direction;
  const higherIsBetter = options.polarity === "high-is-good";
  return (direction === "higher") === higherIsBetter ? "better" : "worse";
}
