// Rates, proportions and their intervals are withheld when any count they are built on was
// suppressed: a rate from a suppressed numerator would give the numerator back, and one from
// a suppressed denominator would give the denominator back.
import type { Protection } from "./protect.ts";

/** The value, or null if any of the given cells of the protection is suppressed. */
export function withheld<T>(value: T, protection: Protection, ...cells: number[]): T | null {
  return cells.some((index) => protection.published[index] === null) ? null : value;
}

/** Every property of a row of figures (a value and its interval, say) withheld together. */
export function withheldAll<T extends Record<string, unknown>>(figures: T, protection: Protection, ...cells: number[]): { [K in keyof T]: T[K] | null } {
  const out = {} as { [K in keyof T]: T[K] | null };
  for (const key of Object.keys(figures) as (keyof T)[]) out[key] = withheld(figures[key], protection, ...cells);
  return out;
}
