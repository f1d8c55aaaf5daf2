// A source's freshness from its latest release and the publisher's cadence.
import { describe, expect, it } from "vitest";
import { addMonths, shiftMonth } from "../../models/months.ts";
import { sourceFreshness as freshness } from "../../pipelines/status.ts";
import { SOURCES } from "../../sources/index.ts";

const source = { ...SOURCES[0]!, cadenceMonths: 12, files: [{ path: "x.csv", edition: "2024", released: "2024-06-25" }] };

describe("freshness", () => {
  it("is fresh before the next edition is expected, due for a grace period, then overdue", () => {
    expect(freshness(source, new Date("2025-06-24T12:00:00Z"))).toMatchObject({ latest: "2024-06-25", due: "2025-06-25", state: "fresh", overdue: false });
    expect(freshness(source, new Date("2025-06-26T12:00:00Z"))).toMatchObject({ state: "due", overdue: false });
    // Grace for a yearly source: a quarter of the cadence, 3 months.
    expect(freshness(source, new Date("2025-09-24T12:00:00Z")).state).toBe("due");
    expect(freshness(source, new Date("2025-09-26T12:00:00Z"))).toMatchObject({ state: "overdue", overdue: true });
  });

  it("gives a monthly source at least a month's grace", () => {
    const monthly = { ...source, cadenceMonths: 1 };
    expect(freshness(monthly, new Date("2024-07-30T12:00:00Z")).state).toBe("due");
    expect(freshness(monthly, new Date("2024-08-26T12:00:00Z")).state).toBe("overdue");
  });
});

describe("month arithmetic", () => {
  it("clamps to the end of a shorter month rather than rolling into the next (regression: 31 January + 1 month was 2 or 3 March)", () => {
    expect(addMonths(new Date("2025-01-31T00:00:00Z"), 1).toISOString().slice(0, 10)).toBe("2025-02-28");
    expect(addMonths(new Date("2024-01-31T00:00:00Z"), 1).toISOString().slice(0, 10)).toBe("2024-02-29");
    expect(addMonths(new Date("2024-11-30T00:00:00Z"), -9).toISOString().slice(0, 10)).toBe("2024-02-29");
    expect(addMonths(new Date("2024-06-15T00:00:00Z"), -18).toISOString().slice(0, 10)).toBe("2022-12-15");
  });

  it("a source released on 31 August with a six-month cadence is due on the last day of February", () => {
    const sixMonthly = { ...source, cadenceMonths: 6, files: [{ path: "x.csv", edition: "2024", released: "2024-08-31" }] };
    expect(freshness(sixMonthly, new Date("2025-02-27T12:00:00Z"))).toMatchObject({ due: "2025-02-28", state: "fresh" });
    expect(freshness(sixMonthly, new Date("2025-03-01T12:00:00Z")).state).toBe("due");
  });

  it("shifts a written month across year ends", () => {
    expect(shiftMonth("2026-11", 2)).toBe("2027-01");
    expect(shiftMonth("2026-01", -13)).toBe("2024-12");
  });
});
