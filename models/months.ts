// Calendar-month arithmetic in UTC, in one place. d3's utcMonth.offset keeps the day of the
// month and so rolls 31 January + 1 month into March (as setUTCMonth does); addMonths clamps to
// the target month's last day instead, as SQL's date + interval does.
import { utcDay, utcMonth } from "d3";

/** The same day `n` months on (back, when negative), clamped to the end of a shorter month. */
export function addMonths(date: Date, n: number): Date {
  const start = utcMonth.offset(utcMonth.floor(date), n);
  const days = utcDay.count(start, utcMonth.offset(start, 1));
  return utcDay.offset(start, Math.min(date.getUTCDate(), days) - 1);
}

/** The first day of the date's month. */
export const monthStart = (date: Date): Date => utcMonth.floor(date);

/** A month written "2026-11" moved by `n` months. */
export function shiftMonth(month: string, n: number): string {
  return utcMonth.offset(new Date(`${month}-01T00:00:00Z`), n).toISOString().slice(0, 7);
}
