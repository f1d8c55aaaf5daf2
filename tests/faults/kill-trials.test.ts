// Twenty runs killed with SIGKILL at random moments of a full run (seeded, so a failure can be replayed),
// each followed by checks that the last good warehouse and site are still whole and readable;
// then one run that must succeed. Works on a copy of the published state from the setup run,
// so the other tests' warehouse and site are untouched.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { runPipelines } from "../../pipelines/run.ts";
import { openWarehouse } from "../../pipelines/warehouse.ts";
import { mulberry32 } from "../../pipelines/illustrative/prng.ts";

const root = resolve(import.meta.dirname, "../..");
const setup = inject("pipeline");
const TRIALS = 20;
const SEED = 20261201;
// The moments span a whole full run (loading, models, both site builds, publishing), measured
// first on this machine, and a little past it: a moment after the run has ended gives a
// finished run, also checked, and another moment is drawn.
const PAST_THE_END = 1.05;


/** Starts a full run (every source reloaded, site built) and SIGKILLs it after `ms`. */
function runKilledAfter(dir: string, ms: number): Promise<{ killed: boolean; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", "pipelines/cli.ts", "run", "--full"], {
      cwd: root,
      env: { ...process.env, WAREHOUSE_DIR: join(dir, "warehouse"), SITE_DIR: join(dir, "dist") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), ms);
    child.on("error", fail);
    child.on("exit", (_code, signal) => {
      clearTimeout(timer);
      done({ killed: signal === "SIGKILL", output });
    });
  });
}

async function publishedRun(dir: string): Promise<string> {
  const db = await openWarehouse(join(dir, "warehouse", "warehouse.duckdb"), { readOnly: true });
  try {
    const [row] = await db.all<{ run_id: string; n: number }>(
      "select (select run_id from meta_run) as run_id, (select count(*)::integer from needs_population_older) as n",
    );
    expect(row!.n).toBeGreaterThan(0);
    return row!.run_id;
  } finally {
    db.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), "kill-trials-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`${TRIALS} runs killed at random moments`, () => {
  it("each leave a whole, readable warehouse and site, and the next run succeeds", async () => {
    // The published state of the setup run: warehouse, the dist symlink and the build it names.
    cpSync(setup.dir, dir, { recursive: true, verbatimSymlinks: true });
    const next = mulberry32(SEED).next;
    const seen = new Set([await publishedRun(dir)]);
    const moments: string[] = [];
    let kills = 0;
    const t0 = performance.now();
    const timed = await runKilledAfter(dir, 600_000);
    expect(timed.output, "the timed full run must complete").toMatch(/COMPLETE/);
    const WINDOW_MS = (performance.now() - t0) * PAST_THE_END;
    seen.add(await publishedRun(dir));
    for (let attempt = 0; kills < TRIALS && attempt < TRIALS * 2; attempt++) {
      const ms = Math.round(300 + next() * WINDOW_MS);
      const { killed, output } = await runKilledAfter(dir, ms);
      moments.push(`${ms} ms: ${killed ? "killed" : "finished"} after '${output.trim().split("\n").at(-1)?.trim().slice(0, 60)}'`);
      if (killed) kills++;
      else expect(output, "a run that was not killed must complete").toMatch(/COMPLETE/);
      // Whatever the moment, a reader finds a complete warehouse and a complete site. The run id
      // is the last good one, or the killed run's own if it was killed after publishing.
      const runId = await publishedRun(dir);
      seen.add(runId);
      const site = realpathSync(join(dir, "dist"));
      expect(readFileSync(join(site, "population.html"), "utf8"), moments.at(-1)).toContain('<html lang="en-GB">');
      expect(existsSync(join(site, "_file")), moments.at(-1)).toBe(true);
    }
    expect(kills, moments.join("\n")).toBe(TRIALS);

    const after = await runPipelines({ root, warehouseDir: join(dir, "warehouse"), siteDir: join(dir, "dist"), log: () => {} });
    expect(after.error).toBeUndefined();
    expect(after.status).toBe("COMPLETE");
    // Nothing changed since the last run that published, so it may rightly have had nothing to do.
    expect(await publishedRun(dir)).toBe(after.unchangedSince ?? after.runId);
    expect(readdirSync(join(dir, "warehouse")).filter((name) => name.startsWith("build-"))).toEqual([]);
    expect(existsSync(join(dir, "warehouse", "run.lock"))).toBe(false);
  }, 1_800_000);
});
