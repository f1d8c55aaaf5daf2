// `npm run schedule` as a real process, in dry-run mode (it takes the run lock and logs but
// builds nothing): it stops cleanly on SIGTERM, and two schedulers on one warehouse do not
// both run.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, it } from "vitest";
import { PIPELINES } from "../../pipelines/definitions.ts";
import type { SchedulerEvent } from "../../pipelines/schedule/scheduler.ts";

const root = resolve(import.meta.dirname, "../..");
/** Start a dry-run scheduler; `cleanup` registers its kill for when the test ends, pass or fail. */
function startScheduler(warehouseDir: string, dryRunMs: number, cleanup: (fn: () => void) => void) {
  const child = spawn(process.execPath, ["--import", "tsx", "pipelines/schedule/main.ts"], {
    cwd: root,
    env: { ...process.env, WAREHOUSE_DIR: warehouseDir, SCHEDULE_DRY_RUN: "1", SCHEDULE_DRY_RUN_MS: String(dryRunMs) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  cleanup(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on("exit", (code, signal) => done({ code, signal })));
  // A bound, not a timing: two schedulers starting at once on a loaded two-core machine can take
  // many seconds to import their modules.
  const waitFor = (pattern: RegExp, ms = 40_000) =>
    new Promise<void>((done, fail) => {
      const started = Date.now();
      const check = () => {
        if (pattern.test(output)) return done();
        if (child.exitCode !== null || Date.now() - started > ms) return fail(new Error(`no ${pattern} in:\n${output}`));
        setTimeout(check, 20);
      };
      check();
    });
  return { child, exited, waitFor, output: () => output };
}

describe.concurrent("npm run schedule (dry run)", () => {
  // Concurrent, so each test takes its own expect and cleanup from its context.
  it("on SIGTERM waits for the run in progress, then exits 0", async ({ expect, onTestFinished }) => {
    const dir = mkdtempSync(join(tmpdir(), "schedule-"));
    const scheduler = startScheduler(dir, 1_000, onTestFinished);
    // A new warehouse has never run anything, so the scheduler starts with a catch-up run.
    await scheduler.waitFor(/dry run .* would run/);
    const signalled = Date.now();
    scheduler.child.kill("SIGTERM");
    expect(await scheduler.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(5_000);

    const events = readFileSync(join(dir, "scheduler.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as SchedulerEvent);
    expect(events.map((e) => e.event).slice(-3)).toEqual(["stopping", "complete", "stopped"]);
    // The catch-up runs every pipeline, named in definition order.
    expect(events.find((e) => e.event === "stopping")!.detail).toBe(`waiting for the run of ${PIPELINES.map((p) => p.name).join("+")} to finish`);
    expect(existsSync(join(dir, "run.lock"))).toBe(false);
  }, 15_000);

  it("two schedulers started together on one warehouse: one runs, the other records a skip", async ({ expect, onTestFinished }) => {
    const dir = mkdtempSync(join(tmpdir(), "schedule-"));
    // Long enough a hold that the slower-starting process finds the lock taken.
    const both = [startScheduler(dir, 3_000, onTestFinished), startScheduler(dir, 3_000, onTestFinished)];
    await Promise.all(both.map((s) => s.waitFor(/would run|skipped .*another run in progress/)));
    for (const s of both) s.child.kill("SIGTERM");
    for (const s of both) expect(await s.exited).toEqual({ code: 0, signal: null });

    const ran = both.filter((s) => /would run/.test(s.output()));
    const skipped = both.filter((s) => /skipped .*another run in progress/.test(s.output()));
    expect(ran).toHaveLength(1);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.output()).toContain(`another run in progress (process ${ran[0]!.child.pid})`);
    const events = readFileSync(join(dir, "scheduler.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as SchedulerEvent);
    expect(events.filter((e) => e.event === "complete")).toHaveLength(1);
    expect(existsSync(join(dir, "run.lock"))).toBe(false);
  }, 15_000);
});
