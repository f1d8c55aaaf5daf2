// The stated rule for counts of people on the public site, as data, so that the pages, the
// pipeline and the tests all read the same numbers.
export interface DisclosureRule {
  /** Counts from 1 up to this many people are suppressed. */
  readonly smallest: number;
  readonly largestSuppressed: number;
  /** Every other count is rounded to the nearest multiple of this; zero stays 0. */
  readonly roundingBase: number;
  /** Shown in place of a suppressed count. */
  readonly marker: string;
}

export const RULE: DisclosureRule = { smallest: 1, largestSuppressed: 4, roundingBase: 5, marker: "[c]" };

export function isSmall(count: number, rule: DisclosureRule = RULE): boolean {
  return count >= rule.smallest && count <= rule.largestSuppressed;
}

/** Nearest multiple of the base, halves up (no halves arise for whole counts and base 5). */
export function roundCount(count: number, rule: DisclosureRule = RULE): number {
  return Math.floor(count / rule.roundingBase + 0.5) * rule.roundingBase;
}

/** The rule in words, for the site and for error messages. */
export function describeRule(rule: DisclosureRule = RULE): string {
  return `counts of ${rule.smallest} to ${rule.largestSuppressed} are suppressed and shown as ${rule.marker}; other counts are rounded to the nearest ${rule.roundingBase}; zero is shown as 0`;
}
