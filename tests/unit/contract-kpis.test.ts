// The KPI rating rule on hand-made cases near its boundaries, the interval it relies on checked
// against the Wilson formula worked here, and the pooling and cost comparison behind the
// decommissioning screen.
import { describe, expect, it } from "vitest";
import { costComparison, kpiEstimate, poolKpi, rateKpi, TOLERANCE, MIN_RETURNS } from "../../models/contracts/kpi-ratings.ts";
import { shiftMonth } from "../../models/months.ts";

const Z = 1.959963984540054;
/** Wilson score upper limit, written out from Wilson (1927) rather than taken from the module. */
const wilsonUpper = (x: number, n: number) => (2 * x + Z * Z + Z * Math.sqrt(Z * Z + 4 * x * (1 - x / n))) / (2 * (n + Z * Z));

const proportionKpi = (numerator: number, denominator: number) =>
  kpiEstimate({ type: "proportion", direction: "higher", target: 0.9, multiplier: 1, numerator, denominator, months: 1 });

describe("kpiEstimate", () => {
  it("gives the Wilson 95% interval for a proportion", () => {
    const estimate = proportionKpi(8, 10);
    expect(estimate.value).toBeCloseTo(0.8, 12);
    expect(estimate.upper).toBeCloseTo(wilsonUpper(8, 10), 9);
    expect(estimate.upper).toBeCloseTo(0.9433, 4);
  });

  it("gives a count's value per month pooled, with an exact Poisson interval below 10 events", () => {
    const estimate = kpiEstimate({ type: "count", direction: "lower", target: 1, multiplier: 1, numerator: 6, denominator: null, months: 6 });
    expect(estimate.value).toBe(1);
    // Exact Poisson 95% limits for 6 events are 2.2019 and 13.0594 (Garwood), over 6 months.
    expect(estimate.lower).toBeCloseTo(2.2019 / 6, 3);
    expect(estimate.upper).toBeCloseTo(13.0594 / 6, 3);
  });

  it("returns nulls when no month was returned", () => {
    expect(kpiEstimate({ type: "proportion", direction: "higher", target: 0.9, multiplier: 1, numerator: 0, denominator: 0, months: 0 })).toEqual({ value: null, lower: null, upper: null });
  });
});

describe("rateKpi (higher is better, target 90%)", () => {
  it("calls a value at the target good", () => {
    expect(rateKpi(proportionKpi(90, 100), 0.9, "higher")).toBe("good");
  });

  it("calls a small sample just below target 'approaching target', not worse", () => {
    expect(rateKpi(proportionKpi(8, 10), 0.9, "higher")).toBe("approaching target");
  });

  it("calls the same 80% from 100 cases 'requires improvement': the interval no longer reaches the target", () => {
    expect(wilsonUpper(80, 100)).toBeLessThan(0.9);
    expect(wilsonUpper(80, 100)).toBeGreaterThan(0.9 * (1 - TOLERANCE));
    expect(rateKpi(proportionKpi(80, 100), 0.9, "higher")).toBe("requires improvement");
  });

  it("calls a large sample far below target 'inadequate'", () => {
    expect(rateKpi(proportionKpi(7000, 10000), 0.9, "higher")).toBe("inadequate");
  });

  it("puts the line between requires improvement and inadequate at the target less 10% of it", () => {
    const line = 0.9 * (1 - TOLERANCE);
    expect(rateKpi({ value: 0.7, lower: 0.6, upper: line + 1e-6 }, 0.9, "higher")).toBe("requires improvement");
    expect(rateKpi({ value: 0.7, lower: 0.6, upper: line - 1e-6 }, 0.9, "higher")).toBe("inadequate");
    expect(rateKpi({ value: 0.9 - 1e-9, lower: 0.8, upper: 0.95 }, 0.9, "higher")).toBe("approaching target");
  });

  it("says 'no returns' for a missing estimate", () => {
    expect(rateKpi({ value: null, lower: null, upper: null }, 0.9, "higher")).toBe("no returns");
  });
});

describe("rateKpi (lower is better: falls per 1,000 bed days, target 5)", () => {
  const falls = (events: number, bedDays: number) =>
    kpiEstimate({ type: "rate", direction: "lower", target: 5, multiplier: 1000, numerator: events, denominator: bedDays, months: 1 });

  it("rates each side of the target by the interval's lower end", () => {
    expect(rateKpi(falls(4, 1000), 5, "lower")).toBe("good");
    // 8 falls in 1,000 bed days: 8 per 1,000, but the exact lower limit (3.45) is under 5.
    expect(rateKpi(falls(8, 1000), 5, "lower")).toBe("approaching target");
    expect(rateKpi(falls(800, 100000), 5, "lower")).toBe("inadequate");
    expect(rateKpi({ value: 6, lower: 5.4, upper: 6.6 }, 5, "lower")).toBe("requires improvement");
    expect(rateKpi({ value: 6, lower: 5.6, upper: 6.6 }, 5, "lower")).toBe("inadequate");
  });
});

describe("poolKpi", () => {
  const month = (m: string, numerator: number | null, denominator: number | null) => ({
    council_code: "E06000051", reference: "X-1", kpi_id: "K1", kpi_name: "On time", measure_type: "proportion" as const, direction: "higher" as const,
    target: 0.9, multiplier: 1, month: m, returned: numerator !== null, numerator, denominator, actual: null, is_illustrative: true,
  });

  it("sums the returned months, counts missing ones and months below target", () => {
    const rows = [month("2026-05", 85, 100), month("2026-06", 80, 100), month("2026-07", null, null), month("2026-08", 95, 100), month("2026-09", 70, 100)];
    const pooled = poolKpi(rows, { start: "2026-05", end: "2026-09" });
    expect(pooled.months_expected).toBe(5);
    expect(pooled.months_returned).toBe(4);
    expect(pooled.numerator).toBe(330);
    expect(pooled.denominator).toBe(400);
    expect(pooled.value).toBeCloseTo(330 / 400, 12);
    expect(pooled.upper95).toBeCloseTo(wilsonUpper(330, 400), 9);
    expect(pooled.months_missing_target).toBe(3);
    expect(pooled.rating).toBe("requires improvement");
  });

  it("rates a KPI with 2 of 6 returns 'insufficient returns', however good those two months were (regression: rated good)", () => {
    const rows = ["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"].map((m, i) => (i < 2 ? month(m, 99, 100) : month(m, null, null)));
    const pooled = poolKpi(rows, { start: "2026-04", end: "2026-09" });
    expect(pooled.months_returned).toBe(2);
    expect(MIN_RETURNS).toBeGreaterThan(2);
    expect(pooled.value).toBeCloseTo(0.99, 12);
    expect(pooled.rating).toBe("insufficient returns");
  });

  it("rates a KPI with no returns in the window 'no returns'", () => {
    const pooled = poolKpi([month("2026-09", null, null)], { start: "2026-04", end: "2026-09" });
    expect(pooled.rating).toBe("no returns");
    expect(pooled.months_returned).toBe(0);
  });
});

describe("costComparison", () => {
  it("marks costs at or above the upper quartile of comparable contracts as high", () => {
    const result = costComparison([
      { reference: "a", cost: 10 },
      { reference: "b", cost: 20 },
      { reference: "c", cost: 30 },
      { reference: "d", cost: 40 },
    ]);
    // Type 7 quantile of 10, 20, 30, 40 at 0.75: 30 + 0.25 * 10.
    expect(result.get("d")).toEqual({ median: 25, upperQuartile: 32.5, high: true, comparable: 4 });
    expect(result.get("c")?.high).toBe(false);
  });

  it("does not judge with fewer than four comparable contracts", () => {
    expect(costComparison([{ reference: "a", cost: 10 }, { reference: "b", cost: 99 }, { reference: "c", cost: 5 }]).size).toBe(0);
  });
});

describe("shiftMonth", () => {
  it("moves across year ends", () => {
    expect(shiftMonth("2026-11", -5)).toBe("2026-06");
    expect(shiftMonth("2026-02", -5)).toBe("2025-09");
    expect(shiftMonth("2025-12", 1)).toBe("2026-01");
  });
});
