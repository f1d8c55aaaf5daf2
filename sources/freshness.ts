// When a source's next edition is expected, from its latest release and the publisher's
// cadence. One rule for the run summary, `pipeline status` and the freshness mart.
import { utcDay, utcMonth } from "d3";

/**
 * fresh: the next edition is not expected yet. due: it is expected now (from the expected date
 * for one month, or a quarter of the cadence if longer, as publishers slip). overdue: later
 * than that, so the bundled edition has probably been superseded.
 */
export type FreshnessState = "fresh" | "due" | "overdue";

/** `date` plus whole months, on the same day or the month's last day (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const first = utcMonth.offset(utcMonth.floor(date), months);
  const last = utcDay.offset(utcMonth.offset(first, 1), -1);
  return new Date(Math.min(utcDay.offset(first, date.getUTCDate() - 1).getTime(), last.getTime()));
}

export function freshness(latest: string, cadenceMonths: number, today: Date): { latest: string; due: string; state: FreshnessState; overdue: boolean } {
  const due = addMonths(new Date(`${latest}T00:00:00Z`), cadenceMonths);
  const late = addMonths(due, Math.max(1, Math.round(cadenceMonths / 4)));
  const state: FreshnessState = today.getTime() < due.getTime() ? "fresh" : today.getTime() < late.getTime() ? "due" : "overdue";
  return { latest, due: due.toISOString().slice(0, 10), state, overdue: state === "overdue" };
}

/** The date of a source's latest file, which is when its edition was released. */
export function latestRelease(source: { files: { released: string }[] }): string {
  return source.files.map((file) => file.released).sort().at(-1)!;
}
