// The scheduler's real effects: the run log it reads, the scheduler log it writes, and the
// runners it calls (the real pipeline run, or a dry run that only takes the lock and logs).
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { releaseLock, takeLock } from "../lock.ts";
import { readRunEvents } from "../run-log.ts";
import { runPipelines, type RunOptions } from "../run.ts";
import type { RunOutcome, SchedulerEvent } from "./scheduler.ts";

/**
 * When the last completed run of a pipeline started. The start, not the end, is what says
 * which inputs the run saw; a run that started before a scheduled time did not cover it.
 */
export function lastCompleteFrom(runLog: string): (pipeline: string) => Date | null {
  return (pipeline) => {
    const events = readRunEvents(runLog);
    const started = new Map(events.filter((e) => e.eventType === "START").map((e) => [e.run.runId, e.eventTime]));
    let last: Date | null = null;
    for (const event of events) {
      if (event.eventType !== "COMPLETE" || !event.job.name.split("+").includes(pipeline)) continue;
      const time = new Date(started.get(event.run.runId) ?? event.eventTime);
      if (!last || time > last) last = time;
    }
    return last;
  };
}

/** Append each event to the scheduler log (JSON lines) and print it. */
export function schedulerRecorder(path: string, print: (line: string) => void = console.log): (event: SchedulerEvent) => void {
  mkdirSync(dirname(path), { recursive: true });
  return (event) => {
    appendFileSync(path, `${JSON.stringify(event)}\n`);
    print(`${event.time}  ${event.pipeline.padEnd(12)} ${event.event.padEnd(9)} ${event.detail}`);
  };
}

/** The real thing: rebuild and, on success, republish warehouse and site. */
export function pipelineRunner(options: Omit<RunOptions, "pipelines" | "log">, log: (line: string) => void = console.log): (pipelines: string[]) => Promise<RunOutcome> {
  return async (pipelines) => {
    const result = await runPipelines({ ...options, pipelines, log });
    return { status: result.status, runId: result.runId, error: result.error };
  };
}

/**
 * SCHEDULE_DRY_RUN=1: take the run lock as a real run would (so two schedulers still exclude
 * each other), hold it for `ms`, and build nothing. Nothing is written to the run log, so a
 * dry run never counts as a completed run.
 */
export function dryRunner(lock: string, ms: number, log: (line: string) => void = console.log): (pipelines: string[]) => Promise<RunOutcome> {
  return async (pipelines) => {
    const runId = `dry-${Date.now()}-${process.pid}`;
    mkdirSync(dirname(lock), { recursive: true });
    takeLock(lock, runId);
    try {
      log(`dry run ${runId}: would run 'npm run pipeline -- run ${pipelines.join(" ")}'`);
      await sleep(ms);
      return { status: "COMPLETE", runId };
    } finally {
      releaseLock(lock);
    }
  };
}
