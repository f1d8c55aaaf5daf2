// The indicator registry and the computation it drives: declarations are checked, intervals
// come from the statistics module, comparisons and quintiles face the right way, and the
// stated trend rule holds.
import { describe, expect, it } from "vitest";
import { defineIndicator, INDICATORS, type Indicator } from "../../models/indicators/index.ts";
import { proportion, rate } from "../../models/statistics/index.ts";
import { computeFunnel, computeValues, trendOf } from "../../models/outcomes/indicators.ts";
import { safeCsv } from "../../reports/data/indicator-metadata.ts";

const byId = (id: string) => INDICATORS.find((indicator) => indicator.id === id)!;

const row = (area_code: string, value: number | null, numerator: number | null, denominator: number | null, level = "Council") => ({
  period: "2020-21",
  area_code,
  area_name: area_code,
  level,
  value,
  numerator,
  denominator,
  missing_reason: value === null ? "not available" : null,
  median: null,
});

describe("the registry", () => {
  it("declares every indicator once, each naming a registered source", async () => {
    const { SOURCES } = await import("../../sources/index.ts");
    const ids = INDICATORS.map((indicator) => indicator.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const indicator of INDICATORS) {
      for (const source of indicator.sources) expect(SOURCES.map((s) => s.id), indicator.id).toContain(source);
    }
  });

  it("rejects an interval without counts, naming the indicator and the field", () => {
    const base = byId("ascof-6a");
    expect(() => defineIndicator({ ...base, id: "broken", intervalMethod: "wilson" } as Indicator)).toThrow(
      "indicator 'broken': intervalMethod: an interval needs a numerator and a denominator",
    );
  });

  it("rejects an id that is not lower-case words joined by hyphens", () => {
    expect(() => defineIndicator({ ...byId("ascof-2a"), id: "ASCOF 2D" })).toThrow(/indicator 'ASCOF 2D': id:/);
  });
});

describe("computing an indicator", () => {

  it("gives a proportion its Wilson interval and compares the interval with England", () => {
    const indicator = byId("ascof-2d1"); // high is good
    const rows = [
      row("E92000001", 79.1, 79_100, 100_000, "England"),
      row("A", 83.2, 436, 524),
      row("B", 70, 350, 500),
      row("C", 80, 40, 50),
    ];
    const values = computeValues(indicator, rows);
    const a = values.find((v) => v.area_code === "A")!;
    const expected = proportion(436, 524, { multiplier: 100 });
    expect(a.lower95).toBe(expected.lower);
    expect(a.upper95).toBe(expected.upper);
    expect(a.computed_value).toBeCloseTo(83.206, 3);
    expect(a.level).toBe("council");
    expect(a.method).toBe("Wilson");
    // Interval 79.8 to 86.2 lies above England's 79.1: better. B's lies below: worse.
    expect(a.comparison).toBe("better");
    expect(values.find((v) => v.area_code === "B")!.comparison).toBe("worse");
    // C's interval (67 to 89) spans England's value: similar.
    expect(values.find((v) => v.area_code === "C")!.comparison).toBe("similar");
    expect(values.find((v) => v.area_code === "E92000001")!.comparison).toBe("not compared");
  });

  it("uses exact or Byar's limits for a rate, and ranks low-is-good councils lowest first", () => {
    const indicator = byId("ascof-2c"); // low is good
    const rows = ["A", "B", "C", "D", "E"].map((code, i) => row(code, (i + 1) * 100, (i + 1) * 8, 8_000));
    rows.push(row("E92000001", 300, 300, 100_000, "England"));
    const values = computeValues(indicator, rows);
    const a = values.find((v) => v.area_code === "A")!;
    const expected = rate(8, 8_000, { multiplier: 100_000 });
    expect(expected.method).toBe("exact");
    expect(a.method).toBe("Exact");
    expect(values.find((v) => v.area_code === "E")!.method).toBe("Byars");
    expect([a.lower95, a.upper95]).toEqual([expected.lower, expected.upper]);
    expect(values.filter((v) => v.area_code !== "E92000001").map((v) => v.quintile)).toEqual([1, 2, 3, 4, 5]);
  });

  it("ranks high-is-good councils highest first", () => {
    const rows = ["A", "B", "C", "D", "E"].map((code, i) => row(code, 50 + i, 50 + i, 100));
    const quintiles = computeValues(byId("ascof-2a"), rows).map((v) => v.quintile);
    expect(quintiles).toEqual([5, 4, 3, 2, 1]);
  });

  it("keeps a missing value missing, with its reason, and does not compare it", () => {
    const rows = [row("E92000001", 75, 750, 1000, "England"), row("A", null, null, null)];
    const [, a] = computeValues(byId("ascof-2a"), rows);
    expect(a).toMatchObject({ value: null, lower95: null, missing_reason: "not available", comparison: "not compared", quintile: null });
    // As phe_proportion: a missing count still carries the method label.
    expect(a!.method).toBe("Wilson");
  });

  it("takes a survey measure's interval from its published margin of error, widened by the normal quantiles at 99.8%", () => {
    const indicator = byId("ascof-1d");
    const rows = [
      { ...row("E92000001", 65.1, null, 59_160, "England"), margin_of_error: 0.5 },
      { ...row("E06000051", 67.9, null, 430), margin_of_error: 4.1 },
      { ...row("B", 58, null, 400), margin_of_error: 4 },
    ];
    const [, shropshire, b] = computeValues(indicator, rows);
    expect(shropshire!.lower95).toBeCloseTo(63.8, 10);
    expect(shropshire!.upper95).toBeCloseTo(72.0, 10);
    expect(shropshire!.upper998! - shropshire!.value!).toBeCloseTo((4.1 * 3.090232306167813) / 1.959963984540054, 9);
    expect(shropshire!.method).toBe("published margin of error");
    // 63.8 to 72.0 spans England's 65.1: similar; B's 54 to 62 lies below it: worse.
    expect(shropshire!.comparison).toBe("similar");
    expect(b!.comparison).toBe("worse");
  });

  it("compares a measure published without counts (6A) by its side of England, lower being better", () => {
    const rows = [row("E92000001", 23.7, null, null, "England"), row("E06000051", 25.2, null, null), row("B", 20, null, null)];
    const [, shropshire, b] = computeValues(byId("ascof-6a"), rows);
    expect([shropshire!.comparison, b!.comparison]).toEqual(["worse", "better"]);
    expect(shropshire!.lower95).toBeNull();
    expect(shropshire!.national_median).toBeCloseTo(22.6, 10);
  });

  it("draws funnel limits around England's proportion that narrow as the denominator grows", () => {
    const rows = [row("E92000001", 75, 7_500, 10_000, "England"), row("A", 80, 80, 100), row("B", 76, 7_600, 10_000)];
    const funnel = computeFunnel(byId("ascof-2a"), rows);
    expect(funnel.length).toBeGreaterThan(10);
    const first = funnel[0]!;
    const last = funnel.at(-1)!;
    expect(first.average).toBeCloseTo(75, 10);
    expect(first.upper95! - first.lower95!).toBeGreaterThan(last.upper95! - last.lower95!);
    expect(first.upper998!).toBeGreaterThan(first.upper95!);
  });
});

describe("the trend rule", () => {
  const points = (...values: (number | null)[]) => values.map((value, i) => ({ period: `${2016 + i}-${17 + i}`, value }));

  it("calls two moves the wrong way in a row worsening, and two the right way improving", () => {
    expect(trendOf(byId("ascof-2a"), points(80, 78, 76)).trend).toBe("worsening");
    expect(trendOf(byId("ascof-2a"), points(70, 78, 79)).trend).toBe("improving");
    expect(trendOf(byId("ascof-2a"), points(70, 78, 77)).trend).toBe("no clear change");
  });

  it("skips unpublished years and needs three published ones", () => {
    expect(trendOf(byId("ascof-2a"), points(80, null, 78, 76)).trend).toBe("worsening");
    expect(trendOf(byId("ascof-2a"), points(80, null, 78)).trend).toBe("too few years");
  });

  it("does not call a neutral indicator better or worse", () => {
    expect(trendOf(byId("oflog-asc6"), points(1, 2, 3)).trend).toBe("no clear change");
  });
});

describe("the metadata export", () => {
  it("neutralises text cells that a spreadsheet would run as formulas, and leaves numbers alone", () => {
    const csv = safeCsv([{ a: "=HYPERLINK(1)", b: -3, c: "@SUM", d: "+1", e: "Plain text" }]);
    expect(csv.split("\r\n")[1]).toBe(`"'=HYPERLINK(1)",-3,"'@SUM","'+1",Plain text`);
  });
});
