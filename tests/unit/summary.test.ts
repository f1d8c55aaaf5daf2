// The end-of-run summary: what an analyst reads, including a warning for stale sources.
import { describe, expect, it } from "vitest";
import type { RunResult } from "../../pipelines/run.ts";
import { summarise } from "../../pipelines/summary.ts";
import { SOURCES } from "../../sources/index.ts";

const result: RunResult = {
  runId: "r1",
  status: "COMPLETE",
  steps: [],
  inputs: [{ source: "s", file: "sources/data/s/a.csv", sha256: "x", rowsRead: 10, rowsLoaded: 8, rowsRejected: 2 }],
  rejected: 2,
  testsRun: 5,
  warehousePath: "/p/warehouse/warehouse.duckdb",
  siteDir: "/p/dist",
  internalSiteDir: "/p/dist-internal",
  seconds: 1.5,
};

describe("the run summary", () => {
  it("reconciles the counts and points at the rejects", () => {
    const text = summarise(result, "/p", new Date("2000-01-01"));
    expect(text).toContain("10 rows read, 8 loaded, 2 rejected");
    expect(text).toContain("sources/data/s/a.csv: 2 rejected");
    expect(text).not.toContain("WARNING");
  });

  it("warns when sources are overdue for a new edition, naming them", () => {
    const text = summarise(result, "/p", new Date("2100-01-01"));
    expect(text).toContain(`WARNING: ${SOURCES.length} source(s) overdue for a new edition`);
    expect(text).toContain(SOURCES[0]!.id);
  });
});
