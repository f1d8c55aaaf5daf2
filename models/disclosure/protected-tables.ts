// TypeScript model: disclosure control before publication. Reads the tested tables that hold counts of
// people and writes the protected versions that public pages read (suffix _protected), by the
// rule in models/disclosure: 1-4 suppressed as [c], others rounded to the nearest 5, zero as 0,
// secondary suppression so that totals and differences give nothing away, and rates and
// intervals withheld where a count behind them is suppressed. The unprotected tables stay in
// the warehouse for the commissioners' site and for checks against the published files.
import { z } from "zod";
import { INDICATORS, type Indicator } from "../indicators/index.ts";
import { col, defineModel, type ModelContext } from "../model.ts";
import { computeFunnel, funnelSchema, summarySchema, valueSchema, type IndicatorValue } from "../outcomes/indicators.ts";
import { oneWay, protect, RULE, withheldAll, type Protection } from "./index.ts";

export const WITHHELD = `withheld: fewer than ${RULE.largestSuppressed + 1} people behind it`;

/** A row of outcomes_indicator_values as read back from the warehouse (comparison as text). */
type ValueRow = Omit<IndicatorValue, "computed_value" | "comparison"> & { comparison: string };

interface Counted {
  protection: Protection | null;
  /** Cells of the protection holding each count, or null where the count is not published. */
  at: Record<string, number | null>;
}

/**
 * Counts that belong together (parts of one total) protected as one table. Parts that are not
 * published by the source are left out; with both parts missing nothing is protected.
 */
function protectParts(parts: Record<string, number | null>, context: string): Counted {
  const present = Object.entries(parts).filter((entry): entry is [string, number] => entry[1] !== null);
  if (present.length === 0) return { protection: null, at: Object.fromEntries(Object.keys(parts).map((key) => [key, null])) };
  const table = oneWay(present.map(([, value]) => value), present.map(([key]) => `${context}: ${key}`));
  const at: Record<string, number | null> = Object.fromEntries(Object.keys(parts).map((key) => [key, null]));
  present.forEach(([key], index) => (at[key] = index));
  at.total = present.length;
  return { protection: protect(table), at };
}

const published = (counted: Counted, key: string) => (counted.at[key] === null || counted.at[key] === undefined ? null : counted.protection!.published[counted.at[key]!]!);
const shown = (counted: Counted, key: string) => (counted.at[key] === null || counted.at[key] === undefined ? null : counted.protection!.shown[counted.at[key]!]!);
const cells = (counted: Counted, ...keys: string[]) => keys.map((key) => counted.at[key]).filter((index): index is number => index !== null && index !== undefined);

/**
 * One indicator row: the numerator and the people in the denominator but not the numerator
 * are the two parts of the denominator, so that neither a small numerator nor a small
 * remainder (98 of 100) can be read off the published pair. England's published figures are
 * not treated as the total of the councils': they are not their sum (councils missing from the
 * file, later revisions), and a difference over 150 councils each rounded to the nearest 5 is
 * uncertain by hundreds, so no council's count can be recovered from it.
 */
export function protectIndicatorRow(row: ValueRow) {
  const context = `${row.indicator_id} ${row.area_code}`;
  const { numerator, denominator } = row;
  const counted =
    numerator !== null && denominator !== null
      ? numerator > denominator
        ? (() => {
            throw new Error(`disclosure control: ${context} has numerator ${numerator} above its denominator ${denominator}`);
          })()
        : protectParts({ numerator, remainder: denominator - numerator }, context)
      : protectParts({ numerator, denominator }, context);
  const denominatorCell = numerator !== null && denominator !== null ? "total" : "denominator";
  const basedOn = cells(counted, "numerator", denominatorCell);
  const figures = { value: row.value, lower95: row.lower95, upper95: row.upper95, lower998: row.lower998, upper998: row.upper998 };
  const kept = counted.protection && basedOn.length ? withheldAll(figures, counted.protection, ...basedOn) : figures;
  const isWithheld = kept.value === null && row.value !== null;
  return {
    ...row,
    ...kept,
    numerator: published(counted, "numerator"),
    denominator: published(counted, denominatorCell),
    numerator_shown: shown(counted, "numerator"),
    denominator_shown: shown(counted, denominatorCell),
    missing_reason: isWithheld ? WITHHELD : row.missing_reason,
    // Both are read off the withheld value, so they go with it.
    comparison: isWithheld ? "not compared" : row.comparison,
    quintile: isWithheld ? null : row.quintile,
  };
}

/**
 * Activity volumes are client-weeks or hours averaged over the year, so not whole numbers:
 * each is taken to whole units first, a volume below one unit counting as 1 so that activity
 * is never shown as none. In-house activity the source leaves blank (nursing from 2015) is
 * the rest of the total, as in market_asc_activity's shares: it is protected as a part, though
 * not shown, so that total minus external cannot give a small count away.
 */
const wholeUnits = (value: number | null) => (value === null ? null : value > 0 && value < 1 ? 1 : Math.round(value));

interface ActivityRow {
  area_code: string;
  area_name: string;
  year: number;
  financial_year: string;
  setting: string;
  in_house: number | null;
  external: number | null;
  total: number | null;
  external_share: number | null;
  in_house_share: number | null;
  share_missing_reason: string | null;
  era: string;
  ages: string;
  series_break: string | null;
}

export function protectActivityRow(row: ActivityRow) {
  const context = `activity ${row.area_code} ${row.year} ${row.setting}`;
  const inHouse = row.in_house ?? (row.total !== null && row.external !== null ? Math.max(row.total - row.external, 0) : null);
  const counted = protectParts({ in_house: wholeUnits(inHouse), external: wholeUnits(row.external) }, context);
  const shares = { external_share: row.external_share, in_house_share: row.in_house_share };
  const kept = counted.protection ? withheldAll(shares, counted.protection, ...cells(counted, "in_house", "external", "total")) : shares;
  const isWithheld = kept.external_share === null && row.external_share !== null;
  const showInHouse = row.in_house !== null;
  return {
    area_code: row.area_code,
    area_name: row.area_name,
    year: row.year,
    financial_year: row.financial_year,
    setting: row.setting,
    in_house: showInHouse ? published(counted, "in_house") : null,
    external: published(counted, "external"),
    total: row.total === null ? null : published(counted, "total"),
    in_house_shown: showInHouse ? shown(counted, "in_house") : null,
    external_shown: shown(counted, "external"),
    total_shown: row.total === null ? null : shown(counted, "total"),
    ...kept,
    share_missing_reason: isWithheld ? WITHHELD : row.share_missing_reason,
    era: row.era,
    ages: row.ages,
    series_break: row.series_break,
  };
}

// As the values, without the check column, with the counts as shown (the marker or the rounded count) after them.
const { computed_value: _, lower95, upper95, lower998, upper998, method, missing_reason, benchmark_value, national_median, comparison, quintile, ...leading } = valueSchema.shape;
const protectedValueSchema = z.object({
  ...leading,
  numerator_shown: col.text().nullable(),
  denominator_shown: col.text().nullable(),
  lower95, upper95, lower998, upper998, method, missing_reason, benchmark_value, national_median, comparison, quintile,
});

const activitySchema = z.object({
  area_code: col.text(), area_name: col.text(), year: col.integer(), financial_year: col.text(),
  setting: col.text(), in_house: col.double().nullable(), external: col.double().nullable(), total: col.double().nullable(),
  in_house_shown: col.text().nullable(), external_shown: col.text().nullable(), total_shown: col.text().nullable(),
  external_share: col.double().nullable(), in_house_share: col.double().nullable(), share_missing_reason: col.text().nullable(),
  era: col.text(), ages: col.text(), series_break: col.text().nullable(),
});

/**
 * The protected copies of outcomes_indicator_{values,summary,funnel} and market_asc_activity.
 * The funnel is recomputed from the protected counts, since its range is read off the smallest
 * and largest councils' denominators.
 */
export async function protectTables(db: Pick<ModelContext, "all">, indicators: readonly Indicator[]) {
  const values = (await db.all<ValueRow>(`select * exclude (computed_value) from outcomes_indicator_values order by indicator_id, area_code`)).map(protectIndicatorRow);
  const summary = await db.all<z.infer<typeof summarySchema>>(`select * from outcomes_indicator_summary order by indicator_id, area_code`);
  const latestOf = new Map(summary.map((row) => [row.indicator_id, row.latest_period]));
  const valueAt = new Map(values.map((value) => [`${value.indicator_id} ${value.area_code} ${value.period}`, value]));
  const protectedSummary = summary.map((row) => {
    const mine = valueAt.get(`${row.indicator_id} ${row.area_code} ${row.latest_period}`);
    return mine?.missing_reason === WITHHELD ? { ...row, latest_value: null, comparison: "not compared" as const } : row;
  });
  const funnel = indicators.flatMap((indicator) =>
    computeFunnel(
      indicator,
      // The latest year's counts only, as the unprotected funnel.
      values
        .filter((row) => row.indicator_id === indicator.id && row.period === latestOf.get(indicator.id))
        .map((row) => ({ ...row, level: row.level === "england" ? "England" : "Council" })),
    ),
  );
  const activity = (await db.all<ActivityRow>(`select * exclude (total_is_published, published_names) from market_asc_activity order by area_code, year, setting`)).map(protectActivityRow);
  return {
    outcomes_indicator_values_protected: values,
    outcomes_indicator_summary_protected: protectedSummary,
    outcomes_indicator_funnel_protected: funnel,
    market_asc_activity_protected: activity,
  };
}

/** Why the protected tables are public although the tables they protect are not. */
export const DISCLOSURE_REASON = `disclosure control applied (models/disclosure): counts of 1 to ${RULE.largestSuppressed} shown as ${RULE.marker}, others rounded to the nearest ${RULE.roundingBase}, secondary suppression, rates withheld where a count is suppressed`;

const PROTECTED = { classification: "public", reason: DISCLOSURE_REASON } as const;
// Published counts are whole multiples of the rounding base, or suppressed (null, shown as the marker).
const ROUNDED = (column: string) => `expression: ${column} is null or ${column} % ${RULE.roundingBase} = 0`;

export default defineModel({
  name: "disclosure_control",
  path: "models/disclosure/protected-tables.ts",
  reads: ["outcomes_indicator_values", "outcomes_indicator_summary", "market_asc_activity"],
  outputs: {
    outcomes_indicator_values_protected: {
      schema: protectedValueSchema,
      classification: PROTECTED,
      tests: ["unique: indicator_id, area_code, period", ROUNDED("numerator"), ROUNDED("denominator"), `expression: numerator_shown is null or numerator_shown = '${RULE.marker}' or replace(numerator_shown, ',', '') = numerator::bigint::varchar`],
    },
    outcomes_indicator_summary_protected: {
      schema: summarySchema,
      classification: PROTECTED,
      tests: ["unique: indicator_id, area_code", "relationships: indicator_id -> outcomes_indicator_values_protected.indicator_id"],
    },
    outcomes_indicator_funnel_protected: {
      schema: funnelSchema,
      classification: PROTECTED,
      tests: ["not_null: indicator_id, denominator, average", "expression: denominator > 0", "expression: lower95 is null or (lower998 <= lower95 and lower95 <= average and average <= upper95 and upper95 <= upper998)"],
    },
    market_asc_activity_protected: {
      schema: activitySchema,
      classification: PROTECTED,
      tests: ["unique: area_code, year, setting", ROUNDED("in_house"), ROUNDED("external"), ROUNDED("total")],
    },
  },
  build: (context) => protectTables(context, INDICATORS),
});
