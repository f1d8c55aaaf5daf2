// TypeScript model: every registered indicator for every council, England and the configured
// areas: the published value with its confidence interval (models/statistics), significance
// against the benchmark, quintile among councils, funnel limits and the trend over the Oflog
// series. Built by the runner after the models it reads, like a SQL model; writes four
// outcomes_* marts, for every council and England. Which area is England comes from the
// seed_england seed; role is 'england' for it and 'council' for every other area, and which
// council a site is about is chosen when the site is built.
import { median } from "d3";
import { INDICATORS, type Indicator } from "../indicators/index.ts";
import { col, defineModel, type ModelContext, type RowOf } from "../model.ts";
import { compare, proportion, proportionFunnel, quantiles, rate, type Comparison } from "../statistics/index.ts";
import { z } from "zod";

type Reader = Pick<ModelContext, "all">;
const FUNNEL_POINTS = 60;
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

interface PublishedRow {
  period: string;
  area_code: string;
  area_name: string;
  level: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  missing_reason: string | null;
  median: number | null;
}

const COMPARISONS = ["better", "similar", "worse", "higher", "lower", "not compared"] as const satisfies readonly Comparison[];

export const valueSchema = z.object({
  indicator_id: col.text(),
  period: col.text(),
  area_code: col.text(),
  area_name: col.text(),
  role: col.text(),
  value: col.double().nullable(),
  numerator: col.double().nullable(),
  denominator: col.double().nullable(),
  lower95: col.double().nullable(),
  upper95: col.double().nullable(),
  lower998: col.double().nullable(),
  upper998: col.double().nullable(),
  missing_reason: col.text().nullable(),
  /** numerator / denominator × multiplier, to check against the published value. */
  computed_value: col.double().nullable(),
  benchmark_value: col.double().nullable(),
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
  role: col.text(),
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

/** The published rows of one indicator: councils from the latest period, and England. */
async function publishedRows(db: Reader, indicator: Indicator, period: "latest" | "all"): Promise<PublishedRow[]> {
  const isAscof = indicator.framework === "ASCOF";
  const columns = isAscof
    ? `year as period, area_code, area_name, geography_level as level, ${ident(indicator.valueColumn)} as value,
       ${ident(indicator.numerator?.column ?? "numerator")} as numerator, ${ident(indicator.denominator?.column ?? "denominator")} as denominator,
       missing_reason, null::double as median`
    : `financial_year as period, area_code, area_name, 'Council' as level, ${ident(indicator.valueColumn)} as value,
       null::double as numerator, null::double as denominator, missing_reason, median`;
  const where = isAscof ? `and geography_level in ('Council', 'England')` : "";
  const latest =
    period === "latest" && !isAscof
      ? `and financial_year = (select max(financial_year) from ${ident(indicator.model)} where ${ident(indicator.codeColumn)} = ${literal(indicator.code)} and value is not null)`
      : "";
  return db.all<PublishedRow>(
    `select ${columns} from ${ident(indicator.model)}
     where ${ident(indicator.codeColumn)} = ${literal(indicator.code)} ${where} ${latest}
     order by area_code`,
  );
}

function interval(indicator: Indicator, row: PublishedRow, confidence: number) {
  if (row.numerator === null || row.denominator === null || row.denominator <= 0 || row.numerator < 0) return { lower: null, upper: null };
  if (indicator.intervalMethod === "wilson") {
    if (row.numerator > row.denominator) return { lower: null, upper: null };
    return proportion(row.numerator, row.denominator, { confidence, multiplier: indicator.multiplier });
  }
  if (indicator.intervalMethod === "poisson") return rate(row.numerator, row.denominator, { confidence, multiplier: indicator.multiplier });
  return { lower: null, upper: null };
}

/** Without an interval, "better" or "worse" only says which side of the median a council is. */
function sideOfMedian(value: number | null, benchmark: number | null, indicator: Indicator): Comparison {
  if (value === null || benchmark === null) return "not compared";
  if (value === benchmark) return "similar";
  const higher = value > benchmark;
  if (indicator.polarity === "neutral") return higher ? "higher" : "lower";
  return higher === (indicator.polarity === "high-is-good") ? "better" : "worse";
}

export function computeValues(indicator: Indicator, rows: PublishedRow[], roles: Map<string, string>): IndicatorValue[] {
  const councils = rows.filter((row) => row.level === "Council");
  const isEngland = (code: string) => roles.get(code) === "england";
  const england = rows.find((row) => isEngland(row.area_code)) ?? null;
  const councilValues = councils.map((row) => row.value).filter((value): value is number => value !== null);
  const benchmark = indicator.benchmarkMethod === "england-95" ? (england?.value ?? null) : (councils.find((row) => row.median !== null)?.median ?? (median(councilValues) ?? null));
  // PHE quantiles put the lowest values in quantile 1; invert so that 1 is the best fifth.
  const quintiles = quantiles(
    councils.map((row) => row.value),
    5,
    { invert: indicator.polarity !== "low-is-good" },
  );
  const quintileOf = new Map(councils.map((row, index) => [row.area_code, quintiles[index] ?? null]));
  return rows.map((row) => {
    const at95 = interval(indicator, row, 0.95);
    const at998 = interval(indicator, row, 0.998);
    const comparison =
      isEngland(row.area_code)
        ? "not compared"
        : indicator.benchmarkMethod === "england-95"
          ? compare({ value: row.value, lower: at95.lower, upper: at95.upper }, benchmark, { polarity: indicator.polarity, level: 0.95 })
          : sideOfMedian(row.value, benchmark, indicator);
    const computed = row.numerator !== null && row.denominator !== null && row.denominator > 0 ? (row.numerator / row.denominator) * indicator.multiplier : null;
    return {
      indicator_id: indicator.id,
      period: row.period,
      area_code: row.area_code,
      area_name: isEngland(row.area_code) ? "England" : row.area_name,
      role: roles.get(row.area_code) ?? "other",
      value: row.value,
      numerator: row.numerator,
      denominator: row.denominator,
      lower95: at95.lower,
      upper95: at95.upper,
      lower998: at998.lower,
      upper998: at998.upper,
      missing_reason: row.missing_reason,
      computed_value: computed,
      benchmark_value: benchmark,
      comparison,
      quintile: quintileOf.get(row.area_code) ?? null,
    };
  });
}

/** Funnel limits around England's proportion, across the range of councils' denominators. */
export function computeFunnel(indicator: Indicator, rows: PublishedRow[]) {
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
 * "no clear change". Oflog publishes no intervals, so this is a direction, not a significance.
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


/** Computes outcomes_indicator_{values,funnel,trend,summary} rows. */
export async function computeIndicators(db: Reader, indicators: readonly Indicator[]) {
  const [{ area_code: england } = { area_code: "" }] = await db.all<{ area_code: string }>(`select area_code from seed_england`);
  const areas = await db.all<{ area_code: string }>(`select area_code from int_areas__reported`);
  const roles = new Map(areas.map((row) => [row.area_code, row.area_code === england ? "england" : "council"]));
  const values: IndicatorValue[] = [];
  const funnel: RowOf<typeof funnelSchema>[] = [];
  const trend: TrendPoint[] = [];
  const summary: IndicatorSummary[] = [];
  for (const indicator of indicators) {
    const latest = await publishedRows(db, indicator, "latest");
    const computed = computeValues(indicator, latest, roles);
    values.push(...computed);
    funnel.push(...computeFunnel(indicator, latest));
    let points: TrendPoint[] = [];
    if (indicator.trendCode) {
      points = await db.all<TrendPoint>(
        `select ${literal(indicator.id)} as indicator_id, financial_year as period, year_end, area_code, area_name,
                case when area_code = ${literal(england)} then 'england' else 'council' end as role, value, median, missing_reason
         from stg_oflog__asc_measures
         where measure_code = ${literal(indicator.trendCode)} and area_code in (select area_code from int_areas__reported)
         order by area_code, financial_year`,
      );
      trend.push(...points);
    }
    // A summary line for every council, so that a site for any council finds its own.
    for (const [council, role] of roles) {
      if (role !== "council") continue;
      const mine = computed.find((row) => row.area_code === council);
      const series = points.filter((point) => point.area_code === council);
      const direction = indicator.trendCode ? trendOf(indicator, series) : { trend: "no series", detail: "only one year is published" };
      summary.push({
        indicator_id: indicator.id,
        area_code: council,
        latest_period: mine?.period ?? null,
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
  reads: [...new Set([...INDICATORS.map((indicator) => indicator.model), "stg_oflog__asc_measures", "seed_england", "int_areas__reported"])],
  outputs: {
    outcomes_indicator_values: {
      schema: valueSchema,
      classification: BEFORE_DISCLOSURE,
      tests: [
        KEY,
        "not_null: indicator_id, area_code, period, role",
        "accepted_values: role = council, comparator, england, other",
        // An interval, where there is one, holds the value it is computed from (the published
        // value is rounded, so 2,681 of 2,682 is published as 100) and widens with confidence.
        "expression: lower95 is null or computed_value is null or (lower95 <= computed_value + 1e-9 and computed_value <= upper95 + 1e-9)",
        "expression: lower998 is null or lower95 is null or (lower998 <= lower95 + 1e-9 and upper95 <= upper998 + 1e-9)",
        // The published value agrees with numerator / denominator where both are published.
        "expression: computed_value is null or value is null or abs(computed_value - value) <= greatest(0.06, abs(value) * 0.01)",
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
