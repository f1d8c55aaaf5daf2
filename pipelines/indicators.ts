// Computes every registered indicator for every council, England and the configured areas:
// the published value with its confidence interval (models/statistics), significance against
// the benchmark, quintile among councils, funnel limits and the trend over the Oflog series.
// Runs after the SQL models and their tests, and writes four outcomes_* marts.
import type { Indicator } from "../models/indicators/index.ts";
import { compare, proportion, proportionFunnel, quantiles, rate, type Comparison } from "../models/statistics/index.ts";
import { ident, literal, writeTable, type Warehouse } from "./warehouse.ts";

const ENGLAND = "E92000001";
const FUNNEL_POINTS = 60;

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

export interface IndicatorValue {
  indicator_id: string;
  period: string;
  area_code: string;
  area_name: string;
  role: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  missing_reason: string | null;
  /** numerator / denominator × multiplier, to check against the published value. */
  computed_value: number | null;
  benchmark_value: number | null;
  comparison: Comparison;
  /** 1 = the best fifth of councils (highest fifth where neither high nor low is good). */
  quintile: number | null;
}

export interface TrendPoint {
  indicator_id: string;
  period: string;
  year_end: number;
  area_code: string;
  area_name: string;
  role: string;
  value: number | null;
  median: number | null;
  missing_reason: string | null;
}

export interface IndicatorSummary {
  indicator_id: string;
  area_code: string;
  latest_period: string | null;
  latest_value: number | null;
  comparison: Comparison;
  /** improving | worsening | no clear change | too few years | no series */
  trend: string;
  trend_detail: string;
}

/** The published rows of one indicator: councils from the latest period, and England. */
async function publishedRows(db: Warehouse, indicator: Indicator, period: "latest" | "all"): Promise<PublishedRow[]> {
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

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
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
  const england = rows.find((row) => row.area_code === ENGLAND) ?? null;
  const councilValues = councils.map((row) => row.value).filter((value): value is number => value !== null);
  const benchmark = indicator.benchmarkMethod === "england-95" ? (england?.value ?? null) : (councils.find((row) => row.median !== null)?.median ?? median(councilValues));
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
      row.area_code === ENGLAND
        ? "not compared"
        : indicator.benchmarkMethod === "england-95"
          ? compare({ value: row.value, lower: at95.lower, upper: at95.upper }, benchmark, { polarity: indicator.polarity, level: 0.95 })
          : sideOfMedian(row.value, benchmark, indicator);
    const computed = row.numerator !== null && row.denominator !== null && row.denominator > 0 ? (row.numerator / row.denominator) * indicator.multiplier : null;
    return {
      indicator_id: indicator.id,
      period: row.period,
      area_code: row.area_code,
      area_name: row.area_code === ENGLAND ? "England" : row.area_name,
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
  const england = rows.find((row) => row.area_code === ENGLAND);
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


const VALUE_COLUMNS = {
  indicator_id: "varchar", period: "varchar", area_code: "varchar", area_name: "varchar", role: "varchar",
  value: "double", numerator: "double", denominator: "double", lower95: "double", upper95: "double",
  lower998: "double", upper998: "double", missing_reason: "varchar", computed_value: "double",
  benchmark_value: "double", comparison: "varchar", quintile: "integer",
};

/** Computes and writes outcomes_indicator_{values,funnel,trend,summary}; returns rows written. */
export async function computeIndicators(db: Warehouse, indicators: readonly Indicator[]): Promise<number> {
  const roles = new Map(
    (await db.all<{ area_code: string; role: string }>(`select area_code, role from config_areas`)).map((row) => [row.area_code, row.role]),
  );
  const council = [...roles].find(([, role]) => role === "council")![0];
  const values: IndicatorValue[] = [];
  const funnel: Record<string, unknown>[] = [];
  const trend: TrendPoint[] = [];
  const summary: IndicatorSummary[] = [];
  for (const indicator of indicators) {
    const latest = await publishedRows(db, indicator, "latest");
    const computed = computeValues(indicator, latest, roles);
    values.push(...computed);
    funnel.push(...computeFunnel(indicator, latest));
    let series: { period: string; value: number | null }[] = [];
    if (indicator.trendCode) {
      const points = await db.all<TrendPoint>(
        `select ${literal(indicator.id)} as indicator_id, financial_year as period, year_end, area_code, area_name,
                coalesce(c.role, 'other') as role, value, median, missing_reason
         from stg_oflog__asc_measures left join config_areas c using (area_code)
         where measure_code = ${literal(indicator.trendCode)} and c.role is not null
         order by area_code, financial_year`,
      );
      trend.push(...points);
      series = points.filter((point) => point.area_code === council);
    }
    const mine = computed.find((row) => row.area_code === council);
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
  await writeTable(db, "outcomes_indicator_values", VALUE_COLUMNS, values as unknown as Record<string, unknown>[]);
  await writeTable(db, "outcomes_indicator_funnel", { indicator_id: "varchar", denominator: "double", average: "double", lower95: "double", upper95: "double", lower998: "double", upper998: "double" }, funnel);
  await writeTable(
    db,
    "outcomes_indicator_trend",
    { indicator_id: "varchar", period: "varchar", year_end: "integer", area_code: "varchar", area_name: "varchar", role: "varchar", value: "double", median: "double", missing_reason: "varchar" },
    trend as unknown as Record<string, unknown>[],
  );
  await writeTable(
    db,
    "outcomes_indicator_summary",
    { indicator_id: "varchar", area_code: "varchar", latest_period: "varchar", latest_value: "double", comparison: "varchar", trend: "varchar", trend_detail: "varchar" },
    summary as unknown as Record<string, unknown>[],
  );
  return values.length + funnel.length + trend.length + summary.length;
}
