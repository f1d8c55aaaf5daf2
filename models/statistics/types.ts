/** Shapes shared by the statistics functions. */

/** A statistic with its confidence limits; all null when an input was missing. */
export interface Estimate {
  value: number | null;
  lower: number | null;
  upper: number | null;
}

/** Lower and upper confidence or control limits. */
export interface Limits {
  lower: number | null;
  upper: number | null;
}

/** Confidence level: a fraction (0.95, 0.998) or a percentage (95, 99.8). */
export interface ConfidenceOption {
  confidence?: number;
}

/** The all-null estimate returned when an input is missing. */
export const MISSING_ESTIMATE: Readonly<Estimate> = Object.freeze({ value: null, lower: null, upper: null });
