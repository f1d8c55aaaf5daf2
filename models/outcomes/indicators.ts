// TypeScript model: every registered indicator for every upper-tier council and England, every
// published year: the value with its confidence interval (models/statistics; survey measures
// from the published margin of error), significance against England, quintile among councils,
// the national median, funnel limits and the trend over the years ASCOF itself publishes.
// Built by the runner after the models it reads, like a SQL model; writes four outcomes_*
// marts. No council is singled out: comparison with a site's comparators is made in page data
// (reports/data/outcomes.json.ts). England's code comes from the seed_england seed.
import { median } from "d3";
import { INDICATORS, type Indicator } from "../indicators/index.ts";
import { col, defineModel, type ModelContext, type RowOf } from "../model.ts";
import { compare, proportion, proportionFunnel, quantiles, rate, zScore, type Comparison } from "../statistics/index.ts";
import { z } from "zod";

type Reader = Pick<ModelContext, "all">;
const FUNNEL_POINTS = 60;
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
const ENGLAND = "(select area_code from seed_england)";

export interface PublishedRow {
  period: string;
  area_code: string;
  area_name: string;
  level: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  margin_of_error?: number | null;
  missing_reason: string | null;
  median: number | null;
}

const COMPARISONS = ["better", "similar", "worse", "higher", "lower", "not compared"] as const satisfies readonly Comparison[];

export const valueSchema = z.object({
  indicator_id: col.text(),
  period: col.text(),
  area_code: col.text(),
  area_name: col.text(),
  /** council or england: every upper-tier council is in the mart, none singled out. */
  level: col.text(),
  value: col.double().nullable(),
  numerator: col.double().nullable(),
  denominator: col.double().nullable(),
  lower95: col.double().nullable(),
  upper95: col.double().nullable(),
  lower998: col.double().nullable(),
  upper998: col.double().nullable(),
  /**
   * The interval method as PHEindicatormethods labels it (Wilson; Exact or Byars by count; the
   * published margin of error): like phe_proportion, the label stands even where a missing
   * count leaves the limits empty. Null where no interval is computed.
   */
  method: col.text().nullable(),
  missing_reason: col.text().nullable(),
  /** numerator / denominator × multiplier, to check against the published value. */
  computed_value: col.double().nullable(),
  benchmark_value: col.double().nullable(),
  /** The median of all councils' values that year. */
  national_median: col.double().nullable(),
  comparison: col.oneOf(COMPARISONS),
  /** 1 = the best fifth of councils (highest fifth where neither high nor low is good). */
  quintile: col.integer().nullable(),
});
export type IndicatorValue = RowOf<typeof valueSchema>;

export const funnelSchema = z.object({
  indicator_id: col.text(),
  denominator: col.double(),
  average: col.double(),
  lower95: col.double().nullable(),
  upper95: col.double().nullable(),
  lower998: col.double().nullable(),
  upper998: col.double().nullable(),
});

export const trendSchema = z.object({
  indicator_id: col.text(),
  period: col.text(),
  year_end: col.integer(),
  area_code: col.text(),
  area_name: col.text(),
  level: col.text(),
  value: col.double().nullable(),
  median: col.double().nullable(),
  missing_reason: col.text().nullable(),
});
export type TrendPoint = RowOf<typeof trendSchema>;

export const summarySchema = z.object({
  indicator_id: col.text(),
  area_code: col.text(),
  latest_period: col.text().nullable(),
  latest_value: col.double().nullable(),
  comparison: col.oneOf(COMPARISONS),
  /** improving | worsening | no clear change | too few years | no series */
  trend: col.text(),
  trend_detail: col.text(),
});
export type IndicatorSummary = RowOf<typeof summarySchema>;

/** Every published row of one indicator: upper-tier councils and England, every year. */
async function publishedRows(db: Reader, indicator: Indicator): Promise<PublishedRow[]> {
  const code = `${ident(indicator.codeColumn)} = ${literal(indicator.code)}`;
  const councils = `area_code in (select area_code from int_councils__upper_tier)`;
  if (indicator.framework === "ASCOF") {
    return db.all<PublishedRow>(
      `select year as period, area_code, area_name, case when area_code = ${ENGLAND} then 'England' else 'Council' end as level,
              ${ident(indicator.valueColumn)} as value,
              ${indicator.numerator ? ident(indicator.numerator.column) : "null::double"} as numerator,
              ${indicator.denominator ? ident(indicator.denominator.column) : "null::double"} as denominator,
              margin_of_error, missing_reason, null::double as median
       from ${ident(indicator.model)}
       where ${code} and ((geography_level = 'Council' and ${councils}) or area_code = ${ENGLAND})
       order by period, area_code`,
    );
  }
  return db.all<PublishedRow>(
    `select financial_year as period, area_code, area_name, 'Council' as level, ${ident(indicator.valueColumn)} as value,
            null::double as numerator, null::double as denominator, missing_reason, median
     from ${ident(indicator.model)} where ${code} and ${councils}
     order by period, area_code`,
  );
}

const NO_INTERVAL = { lower: null, upper: null };

export function interval(indicator: Indicator, row: Pick<PublishedRow, "value" | "numerator" | "denominator" | "margin_of_error">, confidence: number) {
  if (indicator.intervalMethod === "margin-of-error") {
    // The published margin is at 95%; at 99.8% it is widened by the ratio of the normal quantiles.
    if (row.value === null || row.margin_of_error === null || row.margin_of_error === undefined) return NO_INTERVAL;
    const margin = row.margin_of_error * (zScore(confidence) / zScore(0.95));
    return { lower: row.value - margin, upper: row.value + margin };
  }
  if (row.numerator === null || row.denominator === null || row.denominator <= 0 || row.numerator < 0) return NO_INTERVAL;
  if (indicator.intervalMethod === "wilson") {
    if (row.numerator > row.denominator) return NO_INTERVAL;
    return proportion(row.numerator, row.denominator, { confidence, multiplier: indicator.multiplier });
  }
  if (indicator.intervalMethod === "poisson") return rate(row.numerator, row.denominator, { confidence, multiplier: indicator.multiplier });
  return NO_INTERVAL;
}

/** The method label PHEindicatormethods gives: phe_proportion "Wilson" always; phe_rate "Exact" below 10 events, "Byars" from 10, NA without a count. */
export function methodLabel(indicator: Indicator, numerator: number | null): string | null {
  if (indicator.intervalMethod === "wilson") return "Wilson";
  if (indicator.intervalMethod === "poisson") return numerator === null ? null : numerator < 10 ? "Exact" : "Byars";
  if (indicator.intervalMethod === "margin-of-error") return "published margin of error";
  return null;
}

/** Without an interval, "better" or "worse" only says which side of the benchmark a council is. */
function sideOf(value: number | null, benchmark: number | null, indicator: Indicator): Comparison {
  if (value === null || benchmark === null) return "not compared";
  if (value === benchmark) return "similar";
  const higher = value > benchmark;
  if (indicator.polarity === "neutral") return higher ? "higher" : "lower";
  return higher === (indicator.polarity === "high-is-good") ? "better" : "worse";
}

/** One year's rows of one indicator (councils and England). */
export function computeValues(indicator: Indicator, rows: PublishedRow[]): IndicatorValue[] {
  const councils = rows.filter((row) => row.level === "Council");
  const england = rows.find((row) => row.level === "England") ?? null;
  const councilValues = councils.map((row) => row.value).filter((value): value is number => value !== null);
  const nationalMedian = councils.find((row) => row.median !== null)?.median ?? median(councilValues) ?? null;
  const benchmark = indicator.benchmarkMethod === "median" ? nationalMedian : (england?.value ?? null);
  // PHE quantiles put the lowest values in quantile 1; invert so that 1 is the best fifth.
  const quintiles = quantiles(councils.map((row) => row.value), 5, { invert: indicator.polarity !== "low-is-good" });
  const quintileOf = new Map(councils.map((row, index) => [row.area_code, quintiles[index] ?? null]));
  return rows.map((row) => {
    const at95 = interval(indicator, row, 0.95);
    const at998 = interval(indicator, row, 0.998);
    const isEngland = row.level === "England";
    const comparison = isEngland
      ? "not compared"
      : indicator.benchmarkMethod === "england-95"
        ? compare({ value: row.value, lower: at95.lower, upper: at95.upper }, benchmark, { polarity: indicator.polarity, level: 0.95 })
        : sideOf(row.value, benchmark, indicator);
    const computed = row.numerator !== null && row.denominator !== null && row.denominator > 0 && indicator.intervalMethod !== "margin-of-error" ? (row.numerator / row.denominator) * indicator.multiplier : null;
    return {
      indicator_id: indicator.id,
      period: row.period,
      area_code: row.area_code,
      area_name: isEngland ? "England" : row.area_name,
      level: isEngland ? "england" : "council",
      value: row.value,
      numerator: row.numerator,
      denominator: row.denominator,
      lower95: at95.lower,
      upper95: at95.upper,
      lower998: at998.lower,
      upper998: at998.upper,
      method: methodLabel(indicator, row.numerator),
      missing_reason: row.missing_reason,
      computed_value: computed,
      benchmark_value: benchmark,
      national_median: nationalMedian,
      comparison,
      quintile: quintileOf.get(row.area_code) ?? null,
    };
  });
}

/** Funnel limits around England's proportion, across the range of councils' denominators. */
export function computeFunnel(indicator: Indicator, rows: Pick<PublishedRow, "level" | "numerator" | "denominator">[]) {
  if (indicator.intervalMethod !== "wilson") return [];
  const england = rows.find((row) => row.level === "England");
  const denominators = rows.filter((row) => row.level === "Council" && row.denominator !== null && row.denominator > 0).map((row) => row.denominator!);
  if (!england?.numerator || !england.denominator || denominators.length === 0) return [];
  const average = england.numerator / england.denominator;
  const low = Math.log(Math.max(1, Math.min(...denominators) * 0.8));
  const high = Math.log(Math.max(...denominators) * 1.2);
  return Array.from({ length: FUNNEL_POINTS }, (_, i) => {
    const denominator = Math.round(Math.exp(low + ((high - low) * i) / (FUNNEL_POINTS - 1)));
    const at95 = proportionFunnel(average, denominator, { confidence: 0.95, multiplier: indicator.multiplier });
    const at998 = proportionFunnel(average, denominator, { confidence: 0.998, multiplier: indicator.multiplier });
    return { indicator_id: indicator.id, denominator, average: average * indicator.multiplier, lower95: at95.lower, upper95: at95.upper, lower998: at998.lower, upper998: at998.upper };
  });
}

/**
 * The stated trend rule: over the last three published years, "worsening" when both
 * year-on-year changes go the worse way, "improving" when both go the better way, otherwise
 * "no clear change". A direction, not a significance test.
 */
export function trendOf(indicator: Indicator, points: { period: string; value: number | null }[]): { trend: string; detail: string } {
  const present = points.filter((point) => point.value !== null).sort((a, b) => a.period.localeCompare(b.period));
  if (present.length < 3) return { trend: "too few years", detail: `${present.length} published year(s)` };
  const [a, b, c] = present.slice(-3) as [(typeof present)[0], (typeof present)[0], (typeof present)[0]];
  const detail = `${a.period} ${a.value}, ${b.period} ${b.value}, ${c.period} ${c.value}`;
  if (indicator.polarity === "neutral") return { trend: "no clear change", detail: `${detail} (neither direction is better)` };
  const sign = indicator.polarity === "high-is-good" ? 1 : -1;
  const first = sign * (b.value! - a.value!);
  const second = sign * (c.value! - b.value!);
  if (first < 0 && second < 0) return { trend: "worsening", detail };
  if (first > 0 && second > 0) return { trend: "improving", detail };
  return { trend: "no clear change", detail };
}

const yearEnd = (period: string) => Number(period.slice(0, 4)) + 1;

/** Computes outcomes_indicator_{values,funnel,trend,summary} rows for every council and England. */
export async function computeIndicators(db: Reader, indicators: readonly Indicator[]) {
  const values: IndicatorValue[] = [];
  const funnel: RowOf<typeof funnelSchema>[] = [];
  const trend: TrendPoint[] = [];
  const summary: IndicatorSummary[] = [];
  for (const indicator of indicators) {
    // Counts published beside a missing outcome that cannot be a proportion (Wirral's 2024-25
    // 4B: 380 of 315, outcome [z]) are not used: there is no value for them to support.
    const rows = (await publishedRows(db, indicator)).map((row) =>
      indicator.intervalMethod === "wilson" && row.value === null && row.numerator !== null && row.denominator !== null && row.numerator > row.denominator
        ? { ...row, numerator: null, denominator: null }
        : row,
    );
    const periods = [...new Set(rows.map((row) => row.period))].sort();
    const withValue = periods.filter((period) => rows.some((row) => row.period === period && row.level === "Council" && row.value !== null));
    const latest = withValue.at(-1) ?? null;
    const computed = periods.flatMap((period) => computeValues(indicator, rows.filter((row) => row.period === period)));
    values.push(...computed);
    if (latest) funnel.push(...computeFunnel(indicator, rows.filter((row) => row.period === latest)));
    for (const row of computed) {
      trend.push({ indicator_id: indicator.id, period: row.period, year_end: yearEnd(row.period), area_code: row.area_code, area_name: row.area_name, level: row.level, value: row.value, median: row.national_median, missing_reason: row.missing_reason });
    }
    const byArea = new Map<string, IndicatorValue[]>();
    for (const row of computed) byArea.set(row.area_code, [...(byArea.get(row.area_code) ?? []), row]);
    for (const [area, series] of byArea) {
      const mine = series.find((row) => row.period === latest);
      const direction = trendOf(indicator, series.filter((row) => withValue.includes(row.period)));
      summary.push({
        indicator_id: indicator.id,
        area_code: area,
        latest_period: latest,
        latest_value: mine?.value ?? null,
        comparison: mine?.comparison ?? "not compared",
        trend: direction.trend,
        trend_detail: direction.detail,
      });
    }
  }
  return { outcomes_indicator_values: values, outcomes_indicator_funnel: funnel, outcomes_indicator_trend: trend, outcomes_indicator_summary: summary };
}

const BEFORE_DISCLOSURE = { classification: "internal", reason: "counts of people before disclosure control; public pages read the _protected copies" } as const;
const KEY = "unique: indicator_id, area_code, period";

export default defineModel({
  name: "outcomes_indicators",
  path: "models/outcomes/indicators.ts",
  reads: [...new Set([...INDICATORS.map((indicator) => indicator.model), "int_councils__upper_tier", "seed_england"])],
  outputs: {
    outcomes_indicator_values: {
      schema: valueSchema,
      classification: BEFORE_DISCLOSURE,
      tests: [
        KEY,
        "not_null: indicator_id, area_code, period, level",
        "accepted_values: level = council, england",
        // An interval, where there is one, holds the value it is computed from (the published
        // value is rounded, so 2,681 of 2,682 is published as 100) and widens with confidence.
        "expression: lower95 is null or computed_value is null or (lower95 <= computed_value + 1e-9 and computed_value <= upper95 + 1e-9)",
        "expression: lower998 is null or lower95 is null or (lower998 <= lower95 + 1e-9 and upper95 <= upper998 + 1e-9)",
        // The published value agrees with numerator / denominator where both are published, to
        // the rounding of the counts: DHSC computes outcomes before rounding, and publishes some
        // counts rounded to the nearest 5 (safeguarding 4B; regions and England), so each count
        // may be 2.5 out.
        "expression: computed_value is null or value is null or abs(computed_value - value) <= greatest(0.06, abs(value) * 0.01) + abs(computed_value) * (coalesce(2.5 / nullif(numerator, 0), 0) + 2.5 / denominator)",
        "expression: quintile is null or quintile between 1 and 5",
      ],
    },
    outcomes_indicator_funnel: {
      schema: funnelSchema,
      classification: BEFORE_DISCLOSURE,
      // Denominators are rounded to whole people, so the smallest points of the curve can repeat.
      tests: ["not_null: indicator_id, denominator, average", "expression: denominator > 0", "expression: lower95 is null or (lower998 <= lower95 and lower95 <= average and average <= upper95 and upper95 <= upper998)"],
    },
    outcomes_indicator_trend: {
      schema: trendSchema,
      tests: ["unique: indicator_id, area_code, period", "not_null: indicator_id, area_code, period, year_end"],
    },
    outcomes_indicator_summary: {
      schema: summarySchema,
      classification: BEFORE_DISCLOSURE,
      tests: [
        "unique: indicator_id, area_code",
        "accepted_values: trend = improving, worsening, no clear change, too few years, no series",
        "relationships: indicator_id -> outcomes_indicator_values.indicator_id",
      ],
    },
  },
  build: (context) => computeIndicators(context, INDICATORS),
});
