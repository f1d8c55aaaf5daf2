// Rates each contract KPI on the Procurement Act 2023 KPI scale (good, approaching target,
// requires improvement, inadequate) with a confidence interval from the project's statistics
// module, so that a month of 6 carers' assessments is not called "inadequate" on one miss.
// A TypeScript model, built by the runner after the models it reads, like a SQL model; it
// writes four contracts_* marts, each checked by the tests declared below:
//   contracts_kpi_monthly                 one row per contract, KPI and month (missing months kept)
//   contracts_kpi_ratings                 per contract and KPI, the latest 6 months pooled
//   contracts_prompt_payment              regulation 113 prompt payment, with Wilson intervals
//   contracts_decommissioning_candidates  persistently under target and dear per outcome
import { quantile, median as d3median } from "d3";
import { z } from "zod";
import { col, defineModel, type ModelContext, type RowOf } from "../model.ts";
import { shiftMonth } from "../months.ts";
import { proportion, rate, type Estimate } from "../statistics/index.ts";

type Reader = Pick<ModelContext, "all">;
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

export const RATINGS = ["good", "approaching target", "requires improvement", "inadequate"] as const;
export type Rating = (typeof RATINGS)[number] | "insufficient returns" | "no returns";

/**
 * How far beyond the target (as a share of the target) a KPI's whole interval may lie and still
 * be "requires improvement" rather than "inadequate": 10%, so with a 90% target the line is 81%.
 */
export const TOLERANCE = 0.1;
/** The pooled rating covers the latest this-many months of returns. */
export const POOLED_MONTHS = 6;
/** "Persistently" under target: the value misses the target in at least this many of the pooled months' returns. */
export const PERSISTENT_MONTHS = 4;
/**
 * Returns needed in the pooled window before a KPI is rated: with fewer (say 2 of 6 months) the
 * rating is "insufficient returns", and the missing returns are the finding, not the value.
 */
export const MIN_RETURNS = 4;
/** Comparable contracts needed before a cost per outcome is called high. */
export const MIN_COMPARABLE = 4;

export type MeasureType = "proportion" | "rate" | "count";
export type Direction = "higher" | "lower";

export interface KpiInput {
  type: MeasureType;
  direction: Direction;
  target: number;
  multiplier: number;
  /** Successes or events, summed over the months pooled. */
  numerator: number;
  /** Units at risk summed over the months pooled; ignored for counts. */
  denominator: number | null;
  /** Months pooled: a count's value is its mean per month. */
  months: number;
}

/** Value and 95% interval: Wilson for proportions, exact Poisson (under 10 events) or Byar's for rates and counts. */
export function kpiEstimate(input: KpiInput): Estimate {
  if (input.months <= 0) return { value: null, lower: null, upper: null };
  if (input.type === "proportion") {
    if (!input.denominator || input.denominator <= 0) return { value: null, lower: null, upper: null };
    return proportion(input.numerator, input.denominator, { confidence: 0.95, multiplier: input.multiplier });
  }
  const exposure = input.type === "count" ? input.months : input.denominator;
  if (!exposure || exposure <= 0) return { value: null, lower: null, upper: null };
  const estimate = rate(input.numerator, exposure, { confidence: 0.95, multiplier: input.multiplier });
  // With no events the lower limit is 0 (the R package leaves it NA when the formula fails).
  return { value: estimate.value, lower: estimate.lower ?? 0, upper: estimate.upper };
}

/**
 * The rating rule, stated once (the KPI page repeats it). For a KPI where higher is better:
 *   good                 the value meets or beats the target;
 *   approaching target   the value is below the target but the 95% interval reaches it
 *                        (the shortfall could be chance);
 *   requires improvement the whole interval is below the target, but its upper end is within
 *                        TOLERANCE (10%) of the target;
 *   inadequate           the whole interval is more than 10% of the target below it.
 * Where lower is better the same rule runs the other way (the interval's lower end against
 * the target, and 10% above it).
 */
export function rateKpi(estimate: Estimate, target: number, direction: Direction, tolerance = TOLERANCE): Rating {
  if (estimate.value === null || estimate.lower === null || estimate.upper === null) return "no returns";
  if (direction === "higher") {
    if (estimate.value >= target) return "good";
    if (estimate.upper >= target) return "approaching target";
    return estimate.upper >= target * (1 - tolerance) ? "requires improvement" : "inadequate";
  }
  if (estimate.value <= target) return "good";
  if (estimate.lower <= target) return "approaching target";
  return estimate.lower <= target * (1 + tolerance) ? "requires improvement" : "inadequate";
}

const missesTarget = (value: number, target: number, direction: Direction) => (direction === "higher" ? value < target : value > target);

/** What names a KPI of a contract, and how it is judged. */
interface KpiOfContract {
  reference: string;
  kpi_id: string;
  kpi_name: string;
  measure_type: MeasureType;
  direction: Direction;
  target: number;
  multiplier: number;
}

interface MonthRow extends KpiOfContract {
  council_code: string;
  month: string;
  returned: boolean;
  numerator: number | null;
  denominator: number | null;
  actual: number | null;
  is_illustrative: boolean;
}

const kpiColumns = {
  reference: col.text(), kpi_id: col.text(), kpi_name: col.text(), measure_type: col.oneOf(["proportion", "rate", "count"]),
  direction: col.oneOf(["higher", "lower"]), target: col.double(), multiplier: col.double(),
};
const RATED = [...RATINGS, "insufficient returns", "no returns"] as const;

const monthlySchema = z.object({
  council_code: col.text(), ...kpiColumns, month: col.text(), returned: col.boolean(), numerator: col.double().nullable(), denominator: col.double().nullable(),
  actual: col.double().nullable(), value: col.double().nullable(), lower95: col.double().nullable(), upper95: col.double().nullable(),
  rating: col.oneOf(RATED), is_illustrative: col.boolean(),
});

const ratingSchema = z.object({
  council_code: col.text(), ...kpiColumns, window_start: col.text(), window_end: col.text(), months_expected: col.integer(), months_returned: col.integer(),
  numerator: col.double().nullable(), denominator: col.double().nullable(), value: col.double().nullable(),
  lower95: col.double().nullable(), upper95: col.double().nullable(), rating: col.oneOf(RATED), months_missing_target: col.integer(),
  is_illustrative: col.boolean(),
});
export type KpiRating = RowOf<typeof ratingSchema>;

const paymentSchema = z.object({
  council_code: col.text(), supplier_group: col.text(), period: col.text(), period_start: col.date(), invoices_paid: col.integer(), paid_within_30_days: col.integer(),
  amount_paid: col.double(), share_within_30_days: col.double(), lower95: col.double(), upper95: col.double(), is_illustrative: col.boolean(),
});

const candidateSchema = z.object({
  council_code: col.text(), reference: col.text(), title: col.text(), supplier_name: col.text(), category: col.text(), value: col.double(), end_date: col.text(),
  expiry_band: col.text(), kpis_under_target: col.text(), persistence: col.text(), cost_kpi_id: col.text(), window_spend: col.double(),
  window_outcomes: col.double(), cost_per_outcome: col.double(), median_cost_per_outcome: col.double(), upper_quartile_cost: col.double(),
  comparable_contracts: col.integer(), evidence: col.text(), is_illustrative: col.boolean(),
});

/** Pools one contract KPI's monthly rows (already limited to the window) into a rating. */
export function poolKpi(rows: MonthRow[], window: { start: string; end: string }): KpiRating {
  const first = rows[0]!;
  const returned = rows.filter((row) => row.returned && row.numerator !== null);
  const numerator = returned.reduce((sum, row) => sum + row.numerator!, 0);
  const denominator = first.measure_type === "count" ? null : returned.reduce((sum, row) => sum + (row.denominator ?? 0), 0);
  const estimate = kpiEstimate({
    type: first.measure_type,
    direction: first.direction,
    target: first.target,
    multiplier: first.multiplier,
    numerator,
    denominator,
    months: returned.length,
  });
  const monthly = returned.map((row) => kpiEstimate({ ...inputOf(row), months: 1 }).value);
  const rated = rateKpi(estimate, first.target, first.direction);
  return {
    council_code: first.council_code,
    reference: first.reference,
    kpi_id: first.kpi_id,
    kpi_name: first.kpi_name,
    measure_type: first.measure_type,
    direction: first.direction,
    target: first.target,
    multiplier: first.multiplier,
    window_start: window.start,
    window_end: window.end,
    months_expected: rows.length,
    months_returned: returned.length,
    numerator: returned.length ? numerator : null,
    denominator: returned.length ? denominator : null,
    value: estimate.value,
    lower95: estimate.lower,
    upper95: estimate.upper,
    rating: returned.length > 0 && returned.length < MIN_RETURNS ? "insufficient returns" : rated,
    months_missing_target: monthly.filter((value) => value !== null && missesTarget(value, first.target, first.direction)).length,
    is_illustrative: rows.some((row) => row.is_illustrative),
  };
}

function inputOf(row: MonthRow): KpiInput {
  return {
    type: row.measure_type,
    direction: row.direction,
    target: row.target,
    multiplier: row.multiplier,
    numerator: row.numerator ?? 0,
    denominator: row.denominator,
    months: row.returned ? 1 : 0,
  };
}

/**
 * Cost per successful outcome against comparable contracts (those reporting the same KPI):
 * "high" when at or above the upper quartile of at least MIN_COMPARABLE contracts' costs.
 */
export function costComparison(costs: { reference: string; cost: number }[]): Map<string, { median: number; upperQuartile: number; high: boolean; comparable: number }> {
  const values = costs.map((c) => c.cost).sort((a, b) => a - b);
  const out = new Map<string, { median: number; upperQuartile: number; high: boolean; comparable: number }>();
  if (values.length < MIN_COMPARABLE) return out;
  const upperQuartile = quantile(values, 0.75)!;
  const median = d3median(values)!;
  for (const { reference, cost } of costs) out.set(reference, { median, upperQuartile, high: cost >= upperQuartile, comparable: values.length });
  return out;
}


const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
const money = (value: number) => `£${Math.round(value).toLocaleString("en-GB")}`;
const shown = (row: { measure_type: MeasureType; multiplier: number }, value: number | null) =>
  value === null ? "n/a" : row.measure_type === "proportion" ? pct(value) : row.measure_type === "rate" ? `${value.toFixed(2)} per ${row.multiplier.toLocaleString("en-GB")}` : `${value.toFixed(1)} a month`;

/** Computes the four contracts_* KPI and payment marts, for every council with KPI returns or invoices. */
export async function computeContractKpiRatings(db: Reader) {
  const councils = await db.all<{ council_code: string }>(
    `select council_code from int_kpi_returns__registers union select council_code from int_invoices__registers order by 1`,
  );
  const out = { contracts_kpi_monthly: [] as unknown[], contracts_kpi_ratings: [] as unknown[], contracts_prompt_payment: [] as unknown[], contracts_decommissioning_candidates: [] as unknown[] };
  for (const { council_code } of councils) {
    const one = await computeCouncil(db, council_code);
    for (const key of Object.keys(out) as (keyof typeof out)[]) out[key].push(...one[key]);
  }
  return out as Awaited<ReturnType<typeof computeCouncil>>;
}

/** One council's KPI and payment rows: windows, comparisons and medians never cross councils. */
async function computeCouncil(db: Reader, council: string) {
  const inCouncil = `council_code = ${literal(council)}`;
  // The window: the council's latest POOLED_MONTHS months with any return, so that a contract
  // that stopped sending returns shows as missing rather than being rated on older months.
  const [bounds] = await db.all<{ first: string | null; last: string | null }>(
    `select strftime(min(month_start), '%Y-%m') as first, strftime(max(month_start), '%Y-%m') as last from int_kpi_returns__registers where ${inCouncil}`,
  );
  const months: MonthRow[] = bounds?.last
    ? await db.all<MonthRow>(`
      with calendar as (
          select strftime(m, '%Y-%m') as month, m::date as month_start
          from range(strptime(${literal(bounds.first!)} || '-01', '%Y-%m-%d'), strptime(${literal(bounds.last)} || '-01', '%Y-%m-%d') + interval 1 month, interval 1 month) t(m)
      ),
      kpis as (
          select distinct contract_reference as reference, kpi_id, kpi_name, measure_type, direction, target, multiplier
          from int_kpi_returns__registers where ${inCouncil}
      )
      -- A month is expected while the contract ran for the whole of it.
      select ${literal(council)} as council_code, k.*, c.month, r.contract_reference is not null as returned, r.numerator::double as numerator,
             r.denominator::double as denominator, r.actual, reg.is_illustrative
      from kpis k
      join contracts_register reg on reg.reference = k.reference and reg.${inCouncil}
      join calendar c on c.month_start >= date_trunc('month', reg.start_date) and c.month_start + interval 1 month - interval 1 day <= reg.end_date
      left join int_kpi_returns__registers r on r.contract_reference = k.reference and r.kpi_id = k.kpi_id and r.month = c.month
      order by k.reference, k.kpi_id, c.month`)
    : [];

  const monthly = months.map((row) => {
    const estimate = row.returned ? kpiEstimate(inputOf(row)) : { value: null, lower: null, upper: null };
    return { ...row, value: estimate.value, lower95: estimate.lower, upper95: estimate.upper, rating: rateKpi(estimate, row.target, row.direction) };
  });

  const windowStart = bounds?.last ? shiftMonth(bounds.last, -(POOLED_MONTHS - 1)) : "";
  const window = { start: windowStart, end: bounds?.last ?? "" };
  const byKpi = new Map<string, MonthRow[]>();
  for (const row of months) {
    if (row.month < window.start || row.month > window.end) continue;
    const key = `${row.reference}\u0000${row.kpi_id}`;
    byKpi.set(key, [...(byKpi.get(key) ?? []), row]);
  }
  const ratings = [...byKpi.values()].map((rows) => poolKpi(rows, window));

  // Cost per successful outcome over the same window: invoices are monthly in arrears, so the
  // window's service is invoiced from one month after its start to one month after its end.
  const spend = new Map(
    (
      await db.all<{ reference: string; spend: number }>(
        window.end
          ? `select contract_reference as reference, sum(amount) as spend from int_invoices__registers
             where ${inCouncil} and received_date >= strptime(${literal(window.start)} || '-01', '%Y-%m-%d') + interval 1 month
               and received_date < strptime(${literal(window.end)} || '-01', '%Y-%m-%d') + interval 2 month
             group by contract_reference`
          : `select null::varchar as reference, null::double as spend where false`,
      )
    ).map((row) => [row.reference, row.spend]),
  );
  // The outcome a contract is paid for: its first KPI (by id) where higher is better and which
  // counts successes (a proportion); falls or complaints are not outcomes to price.
  const outcomeKpi = new Map<string, KpiRating>();
  for (const rating of [...ratings].sort((a, b) => a.kpi_id.localeCompare(b.kpi_id))) {
    if (rating.measure_type === "proportion" && rating.direction === "higher" && !outcomeKpi.has(rating.reference)) outcomeKpi.set(rating.reference, rating);
  }
  const costsByKpi = new Map<string, { reference: string; cost: number }[]>();
  for (const [reference, rating] of outcomeKpi) {
    const spent = spend.get(reference);
    // Only contracts with a full window of returns are priced: missing months would make the
    // outcomes look fewer and the cost per outcome higher than it is.
    if (spent === undefined || !rating.numerator || rating.months_returned < POOLED_MONTHS) continue;
    costsByKpi.set(rating.kpi_id, [...(costsByKpi.get(rating.kpi_id) ?? []), { reference, cost: spent / rating.numerator }]);
  }
  const costs = new Map<string, { median: number; upperQuartile: number; high: boolean; comparable: number; cost: number }>();
  for (const list of costsByKpi.values()) {
    const compared = costComparison(list);
    for (const { reference, cost } of list) {
      const found = compared.get(reference);
      if (found) costs.set(reference, { ...found, cost });
    }
  }

  const register = new Map(
    (await db.all<{ council_code: string; reference: string; title: string; supplier_name: string; category: string; value: number; end_date: string; expiry_band: string }>(
      `select council_code, reference, title, supplier_name, category, value, end_date::varchar as end_date, expiry_band from contracts_register where ${inCouncil}`,
    )).map((row) => [row.reference, row]),
  );
  const candidates: RowOf<typeof candidateSchema>[] = [];
  for (const [reference, contract] of register) {
    const under = ratings.filter(
      (r) => r.reference === reference && (r.rating === "requires improvement" || r.rating === "inadequate") && r.months_missing_target >= PERSISTENT_MONTHS,
    );
    const cost = costs.get(reference);
    if (under.length === 0 || !cost?.high) continue;
    const outcome = outcomeKpi.get(reference)!;
    const spent = spend.get(reference)!;
    const kpis = under.map((r) => `${r.kpi_id} ${r.kpi_name}: ${r.rating}, ${shown(r, r.value)} (95% CI ${shown(r, r.lower95)} to ${shown(r, r.upper95)}) against a target of ${shown(r, r.target)}`);
    const persistence = under.map((r) => `${r.kpi_id} missed its target in ${r.months_missing_target} of ${r.months_returned} monthly returns, ${window.start} to ${window.end}`);
    candidates.push({
      ...contract,
      kpis_under_target: kpis.join("; "),
      persistence: persistence.join("; "),
      cost_kpi_id: outcome.kpi_id,
      window_spend: spent,
      window_outcomes: outcome.numerator!,
      cost_per_outcome: cost.cost,
      median_cost_per_outcome: cost.median,
      upper_quartile_cost: cost.upperQuartile,
      comparable_contracts: cost.comparable,
      evidence:
        `Under target: ${kpis.join("; ")}. Persistently: ${persistence.join("; ")}. ` +
        `Cost per successful outcome (${outcome.kpi_id}) ${money(cost.cost)} against a median of ${money(cost.median)} across ${cost.comparable} contracts reporting ${outcome.kpi_id} ` +
        `(upper quartile ${money(cost.upperQuartile)}): ${money(spent)} invoiced for ${outcome.numerator!.toLocaleString("en-GB")} successful outcomes, ${window.start} to ${window.end}.`,
      is_illustrative: ratings.some((r) => r.reference === reference && r.is_illustrative),
    });
  }

  const counts = await db.all<{ council_code: string; supplier_group: string; period: string; period_start: string; invoices_paid: number; paid_within_30_days: number; amount_paid: number; is_illustrative: boolean }>(
    `select council_code, supplier_group, period, period_start::varchar as period_start, invoices_paid, paid_within_30_days, amount_paid, is_illustrative
     from int_invoices__payment_counts where ${inCouncil} order by supplier_group, period`,
  );
  const payments = counts.map((row) => {
    const estimate = proportion(row.paid_within_30_days, row.invoices_paid, { confidence: 0.95 });
    return { ...row, share_within_30_days: estimate.value, lower95: estimate.lower, upper95: estimate.upper };
  });

  return {
    contracts_kpi_monthly: monthly,
    contracts_kpi_ratings: ratings,
    contracts_prompt_payment: payments,
    contracts_decommissioning_candidates: candidates,
  };
}

const rated = RATED.join(", ");

export default defineModel({
  name: "contracts_kpi_ratings",
  path: "models/contracts/kpi-ratings.ts",
  reads: ["int_kpi_returns__registers", "int_invoices__registers", "int_invoices__payment_counts", "contracts_register"],
  outputs: {
    contracts_kpi_monthly: {
      schema: monthlySchema,
      tests: [
        "unique: reference, kpi_id, month",
        "not_null: council_code, reference, kpi_id, month, returned, rating, is_illustrative",
        `accepted_values: rating = ${rated}`,
        "relationships: reference -> contracts_register.reference",
        "expression: returned or (numerator is null and rating = 'no returns')",
        "expression: value is null or (lower95 <= value + 1e-9 and value <= upper95 + 1e-9)",
      ],
    },
    contracts_kpi_ratings: {
      schema: ratingSchema,
      tests: [
        "unique: reference, kpi_id",
        "not_null: council_code, reference, kpi_id, rating, months_expected, months_returned, is_illustrative",
        `accepted_values: rating = ${rated}`,
        "relationships: reference -> contracts_register.reference",
        "expression: months_returned <= months_expected",
        "expression: (rating = 'no returns') = (months_returned = 0)",
        `expression: (rating = 'insufficient returns') = (months_returned between 1 and ${MIN_RETURNS - 1})`,
        "expression: value is null or (lower95 <= value + 1e-9 and value <= upper95 + 1e-9)",
      ],
    },
    contracts_prompt_payment: {
      schema: paymentSchema,
      tests: [
        "unique: council_code, supplier_group, period",
        "not_null: council_code, supplier_group, period, invoices_paid, paid_within_30_days, share_within_30_days, lower95, upper95, is_illustrative",
        "expression: lower95 <= share_within_30_days + 1e-9 and share_within_30_days <= upper95 + 1e-9",
      ],
    },
    contracts_decommissioning_candidates: {
      schema: candidateSchema,
      tests: [
        "unique: reference",
        "not_null: council_code, reference, kpis_under_target, persistence, cost_per_outcome, median_cost_per_outcome, evidence, is_illustrative",
        "relationships: reference -> contracts_register.reference",
        "expression: cost_per_outcome >= upper_quartile_cost",
      ],
    },
  },
  build: computeContractKpiRatings,
});
