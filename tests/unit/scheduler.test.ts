import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LockHeldError, processStart, releaseLock, takeLock } from "../../pipelines/lock.ts";
import { runPipelines } from "../../pipelines/run.ts";
import { dryRunner, lastCompleteFrom } from "../../pipelines/schedule/effects.ts";
import { Scheduler, type RunOutcome, type SchedulerEffects, type SchedulerEvent } from "../../pipelines/schedule/scheduler.ts";

const root = resolve(import.meta.dirname, "../..");
// Tuesday 10 June 2025, 13:00 in London (BST): Monday's 06:00 slot was 05:00 UTC.
const NOW = new Date("2025-06-10T12:00:00Z");
const PIPELINES = [
  { name: "population", schedule: "0 6 * * 1" },
  { name: "supply", schedule: "0 6 * * 2" },
  { name: "outcomes", schedule: "0 6 1 * *" },
];

/** A runner whose runs finish only when the test says so. */
function fakeRunner() {
  const calls: { pipelines: string[]; finish: (outcome: RunOutcome) => void; done: boolean }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const run = (pipelines: string[]) =>
    new Promise<RunOutcome>((resolve) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const call = {
        pipelines,
        done: false,
        finish: (outcome: RunOutcome) => {
          call.done = true;
          inFlight -= 1;
          resolve(outcome);
        },
      };
      calls.push(call);
    });
  return { calls, run, maxInFlight: () => maxInFlight };
}

function fakeTimers() {
  const timers: { ms: number; fire: () => void; cancelled: boolean }[] = [];
  const setTimer = (fn: () => void, ms: number) => {
    const timer = { ms, fire: fn, cancelled: false };
    timers.push(timer);
    return () => (timer.cancelled = true);
  };
  return { timers, setTimer };
}

/** Let queued promise callbacks (the scheduler's next step) run. */
const flush = () => new Promise((done) => setImmediate(done));

const created: { scheduler: Scheduler; runner: ReturnType<typeof fakeRunner> | null }[] = [];

function make(effects: Partial<SchedulerEffects> & { runner?: ReturnType<typeof fakeRunner> }, retryDelaysMs?: number[]) {
  const events: SchedulerEvent[] = [];
  const timers = fakeTimers();
  const runner = effects.runner ?? (effects.run ? null : fakeRunner());
  const scheduler = new Scheduler(
    { pipelines: PIPELINES, retryDelaysMs },
    {
      run: effects.run ?? runner!.run,
      // By default everything ran just now, so nothing needs catching up.
      lastComplete: effects.lastComplete ?? (() => NOW),
      record: (event) => events.push(event),
      now: () => NOW,
      setTimer: timers.setTimer,
    },
  );
  created.push({ scheduler, runner });
  const of = (event: string) => events.filter((e) => e.event === event);
  return { scheduler, events, of, runner: runner!, timers: timers.timers };
}

afterEach(async () => {
  // Croner jobs keep Node alive until stopped; stop() also waits for runs, so finish them.
  for (const { scheduler, runner } of created.splice(0)) {
    for (const call of runner?.calls ?? []) if (!call.done) call.finish({ status: "COMPLETE" });
    await scheduler.stop();
  }
});

describe("scheduler: one run at a time in this process", () => {
  it("queues a pipeline that comes due during another's run instead of overlapping", async () => {
    const { scheduler, runner, of } = make({});
    scheduler.start();
    scheduler.tick("population");
    scheduler.tick("supply");
    await flush();
    expect(runner.calls.map((c) => c.pipelines)).toEqual([["population"]]);
    expect(of("queued")).toMatchObject([{ pipeline: "supply", detail: "scheduled: waiting for the run of population" }]);

    runner.calls[0]!.finish({ status: "COMPLETE", runId: "r1" });
    await flush();
    expect(runner.calls.map((c) => c.pipelines)).toEqual([["population"], ["supply"]]);
    runner.calls[1]!.finish({ status: "COMPLETE", runId: "r2" });
    await scheduler.idle();
    expect(runner.maxInFlight()).toBe(1);
    expect(of("complete").map((e) => e.detail)).toEqual(["run r1", "run r2"]);
  });

  it("records a tick for a pipeline already queued or running as skipped, and runs it once", async () => {
    const { scheduler, runner, of } = make({});
    scheduler.start();
    scheduler.tick("population");
    scheduler.tick("supply");
    scheduler.tick("supply");
    scheduler.tick("population");
    expect(of("skipped")).toMatchObject([
      { pipeline: "supply", detail: "scheduled: supply is already queued" },
      { pipeline: "population", detail: "scheduled: population is already running" },
    ]);
    runner.calls[0]!.finish({ status: "COMPLETE" });
    await flush();
    runner.calls[1]!.finish({ status: "COMPLETE" });
    await scheduler.idle();
    expect(runner.calls.map((c) => c.pipelines.join())).toEqual(["population", "supply"]);
  });
});

describe("scheduler: failures", () => {
  it("retries a failed run after 1, 5 and 25 minutes, then gives up until the next scheduled time", async () => {
    const { scheduler, runner, timers, of } = make({});
    scheduler.start();
    scheduler.tick("population");
    for (let attempt = 0; attempt < 4; attempt++) {
      await flush();
      expect(runner.calls).toHaveLength(attempt + 1);
      runner.calls[attempt]!.finish({ status: "FAIL", error: `broken ${attempt}\nsecond line` });
      await flush();
      if (attempt < 3) timers[attempt]!.fire();
    }
    await scheduler.idle();
    expect(timers.map((t) => t.ms)).toEqual([60_000, 300_000, 1_500_000]);
    expect(of("retry").map((e) => e.detail)).toEqual(["retry 1 of 3 in 1 min", "retry 2 of 3 in 5 min", "retry 3 of 3 in 25 min"]);
    expect(of("run").map((e) => e.detail)).toEqual(["scheduled", "retry 1 of 3", "retry 2 of 3", "retry 3 of 3"]);
    expect(of("fail").at(-1)!.detail).toBe("broken 3");
    // Next Monday 06:00 in London, BST: 05:00 UTC.
    expect(of("give-up")).toMatchObject([{ pipeline: "population", detail: "4 failed attempt(s); next try at the next scheduled time, 2025-06-16T05:00:00.000Z" }]);
    expect(runner.calls).toHaveLength(4);
  });

  it("uses the configured delays, treats a thrown error as a failure, and stops retrying after a success", async () => {
    let runs = 0;
    const run = async (): Promise<RunOutcome> => {
      runs += 1;
      if (runs === 1) throw new Error("disk full");
      return { status: "COMPLETE", runId: "ok" };
    };
    const { scheduler, timers, of } = make({ run }, [5_000]);
    scheduler.start();
    scheduler.tick("supply");
    await scheduler.idle();
    expect(of("fail")[0]!.detail).toBe("disk full");
    expect(timers.map((t) => t.ms)).toEqual([5_000]);
    timers[0]!.fire();
    await scheduler.idle();
    expect(of("complete")).toHaveLength(1);
    expect(timers).toHaveLength(1);
    expect(of("give-up")).toEqual([]);
  });
});

describe("scheduler: downtime", () => {
  it("after downtime runs each missed pipeline once, in one catch-up run, judged in UK time", async () => {
    const last: Record<string, Date | null> = {
      population: new Date("2025-05-01T09:00:00Z"), // six Monday slots missed
      supply: new Date("2025-06-10T05:00:30Z"), // ran at this Tuesday's slot
      outcomes: null, // never ran
    };
    const { scheduler, runner, of } = make({ lastComplete: (name) => last[name] ?? null });
    scheduler.start();
    await flush();
    expect(of("missed")).toMatchObject([
      { pipeline: "population", detail: "scheduled 2025-06-09T05:00:00.000Z; last completed run started 2025-05-01T09:00:00.000Z" },
      { pipeline: "outcomes", detail: "scheduled 2025-06-01T05:00:00.000Z; last completed run never" },
    ]);
    expect(of("catch-up")).toMatchObject([{ pipeline: "population+outcomes" }]);
    runner.calls[0]!.finish({ status: "COMPLETE" });
    await scheduler.idle();
    expect(runner.calls.map((c) => c.pipelines)).toEqual([["population", "outcomes"]]);
  });

  it("a run that completed exactly at the slot counts; nothing is caught up", async () => {
    const { scheduler, runner, of } = make({ lastComplete: (name) => (name === "outcomes" ? new Date("2025-06-01T05:00:00Z") : NOW) });
    scheduler.start();
    await scheduler.idle();
    expect(of("missed")).toEqual([]);
    expect(runner.calls).toEqual([]);
  });

  it("reads the start of the last completed run from the run log, for joined pipeline names too", () => {
    const dir = mkdtempSync(join(tmpdir(), "runlog-"));
    const log = join(dir, "runs.jsonl");
    const event = (eventType: string, runId: string, name: string, eventTime: string) =>
      JSON.stringify({ eventType, eventTime, run: { runId }, job: { namespace: "commissioning", name } });
    writeFileSync(
      log,
      [
        event("START", "a", "population+supply", "2025-06-02T05:00:00Z"),
        event("COMPLETE", "a", "population+supply", "2025-06-02T05:10:00Z"),
        event("START", "b", "population", "2025-06-09T05:00:00Z"),
        event("FAIL", "b", "population", "2025-06-09T05:01:00Z"),
        "{half a line",
      ].join("\n"),
    );
    const last = lastCompleteFrom(log);
    expect(last("population")?.toISOString()).toBe("2025-06-02T05:00:00.000Z");
    expect(last("supply")?.toISOString()).toBe("2025-06-02T05:00:00.000Z");
    expect(last("outcomes")).toBeNull();
  });
});

describe("scheduler: the run lock shared with other processes", () => {
  const lockDir = () => mkdtempSync(join(tmpdir(), "lock-"));
  /** The pid of a process that has already exited. */
  const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

  it("skips a run while another live process holds the lock, and runs at the next tick", async () => {
    const lock = join(lockDir(), "run.lock");
    // The parent of this test worker is alive and is not this process.
    writeFileSync(lock, `${process.ppid} someone-elses-run`);
    const { scheduler, timers, of } = make({ run: dryRunner(lock, 1, () => {}) });
    scheduler.start();
    scheduler.tick("population");
    await scheduler.idle();
    expect(of("skipped")).toMatchObject([{ pipeline: "population", detail: `another run in progress (process ${process.ppid}); next try at the next scheduled time, 2025-06-16T05:00:00.000Z` }]);
    expect(of("complete")).toEqual([]);
    expect(timers).toEqual([]); // not a failure: no backoff retry
    expect(readFileSync(lock, "utf8")).toBe(`${process.ppid} someone-elses-run`);

    rmSync(lock); // the other run finished
    scheduler.tick("population");
    await scheduler.idle();
    expect(of("complete")).toHaveLength(1);
  });

  it("recovers a lock left by a crashed process and runs", async () => {
    const lock = join(lockDir(), "run.lock");
    writeFileSync(lock, `${deadPid()} crashed-run`);
    const { scheduler, of } = make({ run: dryRunner(lock, 1, () => {}) });
    scheduler.start();
    scheduler.tick("supply");
    await scheduler.idle();
    expect(of("skipped")).toEqual([]);
    expect(of("complete")).toHaveLength(1);
    expect(existsSync(lock)).toBe(false); // released after the run
  });

  it("takeLock is exclusive, re-entrant for its holder, and releaseLock never frees another's lock", () => {
    const lock = join(lockDir(), "run.lock");
    const start = processStart(process.pid);
    expect(start).toMatch(/^\d+$/);
    takeLock(lock, "mine", () => {});
    expect(readFileSync(lock, "utf8")).toBe(`${process.pid} mine ${start}`);
    takeLock(lock, "mine-again", () => {}); // the scheduler holds it around runPipelines, which takes it too
    expect(readFileSync(lock, "utf8")).toBe(`${process.pid} mine-again ${start}`);
    releaseLock(lock);
    expect(existsSync(lock)).toBe(false);

    // A live run of this project, in the old two-field form and with its recorded start time.
    for (const text of [`${process.ppid} theirs`, `${process.ppid} theirs ${processStart(process.ppid)}`]) {
      writeFileSync(lock, text);
      expect(() => takeLock(lock, "mine", () => {})).toThrow(LockHeldError);
      releaseLock(lock);
      expect(readFileSync(lock, "utf8")).toBe(text);
    }

    const messages: string[] = [];
    writeFileSync(lock, `${deadPid()} crashed 1`);
    takeLock(lock, "mine", (line) => messages.push(line));
    expect(readFileSync(lock, "utf8")).toBe(`${process.pid} mine ${start}`);
    expect(messages).toEqual([expect.stringMatching(/Cleared a stale run lock .*: process \d+ is no longer running/)]);
    releaseLock(lock);
  });

  it("takeLock clears a lock whose pid is alive but was reused by a process that is not the run that took it", () => {
    const lock = join(lockDir(), "run.lock");
    // The parent process is alive, but the lock says its holder started at another time.
    writeFileSync(lock, `${process.ppid} killed-before-reboot 1`);
    const messages: string[] = [];
    takeLock(lock, "mine", (line) => messages.push(line));
    expect(readFileSync(lock, "utf8")).toBe(`${process.pid} mine ${processStart(process.pid)}`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`process ${process.ppid} is alive but is not the run that took the lock`);
    releaseLock(lock);
  });

  it("runPipelines refuses with LockHeldError before logging anything while another process runs", async () => {
    const dir = lockDir();
    writeFileSync(join(dir, "run.lock"), `${process.ppid} theirs`);
    await expect(runPipelines({ root, warehouseDir: dir, siteDir: join(dir, "dist"), log: () => {} })).rejects.toBeInstanceOf(LockHeldError);
    expect(existsSync(join(dir, "runs.jsonl"))).toBe(false);
    expect(readFileSync(join(dir, "run.lock"), "utf8")).toBe(`${process.ppid} theirs`);
  });
});

describe("scheduler: shutdown", () => {
  it("stops its cron jobs, drops queued runs, and waits for the run in progress", async () => {
    const { scheduler, runner, events, of } = make({});
    scheduler.start();
    expect(scheduler.nextRuns().every((r) => r.next !== null)).toBe(true);
    scheduler.tick("population");
    scheduler.tick("supply");
    await flush();

    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await flush();
    expect(stopped).toBe(false);
    expect(of("stopping")).toMatchObject([{ detail: "waiting for the run of population to finish; dropped queued supply" }]);
    expect(scheduler.nextRuns().map((r) => r.next)).toEqual([null, null, null]); // croner jobs stopped
    scheduler.tick("outcomes"); // a tick already in flight when the signal came
    expect(of("queued")).toHaveLength(1); // only supply's, from before

    runner.calls[0]!.finish({ status: "COMPLETE" });
    await stopping;
    expect(events.map((e) => e.event).slice(-2)).toEqual(["complete", "stopped"]);
    expect(runner.calls.map((c) => c.pipelines.join())).toEqual(["population"]);
  });

  it("cancels a pending retry, so no run starts after stopping", async () => {
    const { scheduler, runner, timers } = make({});
    scheduler.start();
    scheduler.tick("population");
    await flush();
    runner.calls[0]!.finish({ status: "FAIL", error: "x" });
    await scheduler.idle();
    expect(timers).toHaveLength(1);
    await scheduler.stop();
    expect(timers[0]!.cancelled).toBe(true);
  });
});
