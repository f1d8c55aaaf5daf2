// What a failed run rejected is kept after its build warehouse is gone, and reads as a person
// needs it: grouped by source, each reject with its file, line, column, reason and value.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeReject, formatRejects, keepFailedRun, readFailedRun, rejectsOfRun } from "../../pipelines/failed-runs.ts";
import { LOAD_TABLES_SQL } from "../../pipelines/load/index.ts";
import { openWarehouse } from "../../pipelines/warehouse.ts";

describe("a failed run's rejects", () => {
  it("are read from its build warehouse for the files it loaded, kept in a file and read back", async () => {
    const dir = mkdtempSync(join(tmpdir(), "failed-"));
    const build = join(dir, "build.duckdb");
    const db = await openWarehouse(build);
    await db.run(LOAD_TABLES_SQL);
    await db.run(`insert into loads values ('run-2', 'iod', 'sources/data/iod/ltla.csv', 'abc', 10, 1, 9, 8, 1, 0, now()),
                                           ('run-1', 'old', 'sources/data/old/x.csv', 'def', 10, 1, 5, 5, 0, 0, now())`);
    await db.run(`insert into rejects values ('iod', 'sources/data/iod/ltla.csv', 'line 7', 7, 'imd_average_score', 'CAST: could not convert', 'not published'),
                                             ('old', 'sources/data/old/x.csv', 'line 2', 2, 'a', 'kept from an earlier run', 'x')`);
    db.close();
    const { loads, rejects } = await rejectsOfRun(build, "run-2");
    expect(loads.map((load) => load.source)).toEqual(["iod"]);
    expect(rejects).toHaveLength(1);
    expect(describeReject(rejects[0]!)).toBe('sources/data/iod/ltla.csv, line 7, column imd_average_score: CAST: could not convert (value "not published")');
    keepFailedRun(dir, { runId: "run-2", error: "boom", loads, rejects });
    expect(readFailedRun(dir, "run-2")?.rejects).toEqual(rejects);
    expect(readFailedRun(dir, "run-3")).toBeNull();
    const text = formatRejects(loads, rejects);
    expect(text).toBe('iod: 9 rows read in 1 file(s), 1 rejected\n  ltla.csv, line 7, column imd_average_score: CAST: could not convert (value "not published")');
    expect(Math.max(...text.split("\n").map((line) => line.length))).toBeLessThanOrEqual(100);
  });

  it("a missing or unreadable build warehouse gives none rather than hiding the run's error", async () => {
    expect(await rejectsOfRun(join(tmpdir(), "no-such-build.duckdb"), "x")).toEqual({ loads: [], rejects: [] });
  });
});
