// The scheduler's logic: when each pipeline is due, what runs next, and what happens on
// overlap, failure, downtime and shutdown. Every effect (running a pipeline, reading the run
// log, writing the scheduler log, the clock and timers) is passed in, so tests can drive it
// without running pipelines or waiting for real schedules. The cron timers are croner's.
import { Cron } from "croner";
import { DEFAULT_SETTINGS } from "../config.ts";
import { LockHeldError } from "../lock.ts";

/** Schedules are written in UK time, so 06:00 stays 06:00 across the clock changes. */
const TIMEZONE = "Europe/London";
export type SchedulerEventName = "started" | "missed" | "catch-up" | "queued" | "skipped" | "run" | "complete" | "fail" | "retry" | "give-up" | "stopping" | "stopped";

export interface SchedulerEvent {
  time: string;
  /** The pipeline(s), joined by "+" as in the run log, or "scheduler" for its own events. */
  pipeline: string;
  event: SchedulerEventName;
  detail: string;
}

export interface RunOutcome {
  status: "COMPLETE" | "FAIL";
  runId?: string;
  error?: string;
}

export interface SchedulerEffects {
  /** Run these pipelines together once. Throws LockHeldError if another process is running. */
  run(pipelines: string[]): Promise<RunOutcome>;
  /** When the last run that completed this pipeline started, or null if it never has. */
  lastComplete(pipeline: string): Date | null;
  record(event: SchedulerEvent): void;
  now?: () => Date;
  /** Call fn after ms; returns a function that cancels it. */
  setTimer?: (fn: () => void, ms: number) => () => void;
}

export interface SchedulerOptions {
  pipelines: readonly { name: string; schedule: string }[];
  /** One delay per retry; an empty list means failed runs wait for their next scheduled time. */
  retryDelaysMs?: readonly number[];
  timezone?: string;
}

type Reason = "scheduled" | "catch-up" | "retry";

interface Job {
  pipelines: string[];
  reason: Reason;
  /** 0 for the first try, n for the nth retry. */
  retry: number;
}

const iso = (date: Date) => date.toISOString();

function minutes(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`;
}

export class Scheduler {
  private readonly crons = new Map<string, Cron>();
  private readonly queue: Job[] = [];
  private readonly retries = new Set<() => void>();
  private running: Job | null = null;
  private active: Promise<void> | null = null;
  private stopping: Promise<void> | null = null;
  private readonly now: () => Date;
  private readonly setTimer: (fn: () => void, ms: number) => () => void;
  private readonly retryDelaysMs: readonly number[];

  constructor(
    private readonly options: SchedulerOptions,
    private readonly effects: SchedulerEffects,
  ) {
    this.now = effects.now ?? (() => new Date());
    this.setTimer =
      effects.setTimer ??
      ((fn, ms) => {
        const timer = setTimeout(fn, ms);
        return () => clearTimeout(timer);
      });
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_SETTINGS.schedule.retryDelaysMs;
  }

  /** Start the cron jobs, then queue one catch-up run for whatever was missed while down. */
  start(): void {
    const timezone = this.options.timezone ?? TIMEZONE;
    for (const pipeline of this.options.pipelines) {
      this.crons.set(pipeline.name, new Cron(pipeline.schedule, { timezone }, () => this.tick(pipeline.name)));
    }
    this.record("scheduler", "started", `process ${process.pid}; ${this.options.pipelines.length} pipelines, times in ${timezone}`);

    const now = this.now();
    const missed: string[] = [];
    for (const [name, cron] of this.crons) {
      const [slot] = cron.previousRuns(1, now);
      const last = this.effects.lastComplete(name);
      if (slot && (!last || last < slot)) {
        this.record(name, "missed", `scheduled ${iso(slot)}; last completed run ${last ? `started ${iso(last)}` : "never"}`);
        missed.push(name);
      }
    }
    // One run for all missed pipelines, not one per pipeline or per missed slot: every run
    // rebuilds all models and the site, and on a new warehouse a single pipeline cannot run
    // before the others have loaded their sources.
    if (missed.length > 0) {
      this.record(missed.join("+"), "catch-up", `one run for ${missed.length} pipeline(s) that missed their last scheduled time`);
      this.enqueue({ pipelines: missed, reason: "catch-up", retry: 0 });
    }
  }

  /** A pipeline's scheduled time has come (croner calls this; tests may too). */
  tick(name: string): void {
    if (this.stopping) return;
    this.enqueue({ pipelines: [name], reason: "scheduled", retry: 0 });
  }

  /** The next scheduled time of each pipeline. */
  nextRuns(): { pipeline: string; next: Date | null }[] {
    return [...this.crons].map(([pipeline, cron]) => ({ pipeline, next: cron.nextRun(this.now()) }));
  }

  /** Resolves when nothing is running or queued. */
  async idle(): Promise<void> {
    while (this.active) await this.active;
  }

  /**
   * Stop: no more ticks, retries or queued runs; wait for a run in progress to finish, because
   * a run cut short wastes its work (though it would leave the published state untouched).
   */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (const cron of this.crons.values()) cron.stop();
      for (const cancel of this.retries) cancel();
      this.retries.clear();
      const dropped = this.queue.splice(0).map((job) => job.pipelines.join("+"));
      const waiting = this.running ? `waiting for the run of ${this.running.pipelines.join("+")} to finish` : "nothing running";
      this.record("scheduler", "stopping", `${waiting}${dropped.length ? `; dropped queued ${dropped.join(", ")}` : ""}`);
      await this.idle();
      this.record("scheduler", "stopped", "");
    })();
    return this.stopping;
  }

  private record(pipeline: string, event: SchedulerEventName, detail: string): void {
    this.effects.record({ time: iso(this.now()), pipeline, event, detail });
  }

  private enqueue(job: Job): void {
    const label = job.pipelines.join("+");
    // A pipeline already waiting or running will pick up the same inputs; a second run of it
    // would only repeat the work.
    const queued = job.pipelines.find((name) => this.queue.some((other) => other.pipelines.includes(name)));
    const running = job.pipelines.find((name) => this.running?.pipelines.includes(name));
    if (queued || running) {
      this.record(label, "skipped", `${job.reason}: ${queued ?? running} is already ${queued ? "queued" : "running"}`);
      return;
    }
    this.queue.push(job);
    if (this.running) this.record(label, "queued", `${job.reason}: waiting for the run of ${this.running.pipelines.join("+")}`);
    this.pump();
  }

  /** Start the next queued job unless one is running: runs never overlap in this process. */
  private pump(): void {
    if (this.active || this.stopping) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    this.active = this.execute(job).finally(() => {
      this.running = null;
      this.active = null;
      this.pump();
    });
  }

  private async execute(job: Job): Promise<void> {
    const label = job.pipelines.join("+");
    this.record(label, "run", job.retry ? `retry ${job.retry} of ${this.retryDelaysMs.length}` : job.reason);
    let outcome: RunOutcome;
    try {
      outcome = await this.effects.run(job.pipelines);
    } catch (error) {
      if (error instanceof LockHeldError) {
        // Another process (a second scheduler, or someone's manual run) has the warehouse.
        // Its run covers this one's inputs, so wait for the next scheduled time.
        this.record(label, "skipped", `another run in progress (process ${error.pid}); next try at the next scheduled time, ${this.nextTime(job)}`);
        return;
      }
      outcome = { status: "FAIL", error: (error as Error).message };
    }
    if (outcome.status === "COMPLETE") {
      this.record(label, "complete", outcome.runId ? `run ${outcome.runId}` : "");
      return;
    }
    this.record(label, "fail", `${outcome.runId ? `run ${outcome.runId}: ` : ""}${(outcome.error ?? "unknown error").split("\n")[0]}`);
    this.retryLater(job);
  }

  private retryLater(job: Job): void {
    const label = job.pipelines.join("+");
    const delay = this.retryDelaysMs[job.retry];
    if (delay === undefined || this.stopping) {
      this.record(label, "give-up", `${job.retry + 1} failed attempt(s); next try at the next scheduled time, ${this.nextTime(job)}`);
      return;
    }
    this.record(label, "retry", `retry ${job.retry + 1} of ${this.retryDelaysMs.length} in ${minutes(delay)}`);
    const cancel = this.setTimer(() => {
      this.retries.delete(cancel);
      this.enqueue({ ...job, reason: "retry", retry: job.retry + 1 });
    }, delay);
    this.retries.add(cancel);
  }

  private nextTime(job: Job): string {
    const times = job.pipelines.flatMap((name) => this.crons.get(name)?.nextRun(this.now()) ?? []);
    const first = times.sort((a, b) => a.getTime() - b.getTime())[0];
    return first ? iso(first) : "none";
  }
}
