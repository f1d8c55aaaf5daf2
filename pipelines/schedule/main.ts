// npm run schedule: run each pipeline at its scheduled time (pipelines/definitions.ts, UK
// time) until stopped. Ctrl-C or SIGTERM stops the schedules and waits for a run in progress;
// a second signal exits at once. Logs to WAREHOUSE_DIR/scheduler.jsonl.
//   SCHEDULE_DRY_RUN=1          take the run lock and log, but build nothing (SCHEDULE_DRY_RUN_MS, default 2000)
//   SCHEDULE_RETRY_MINUTES=1,5,25   delays before each retry of a failed run
import { join } from "node:path";
import { readSettings, runLocations } from "../config.ts";
import { PIPELINES } from "../definitions.ts";
import { releaseLock } from "../lock.ts";
import { paths } from "../run.ts";
import { dryRunner, lastCompleteFrom, pipelineRunner, schedulerRecorder } from "./effects.ts";
import { Scheduler } from "./scheduler.ts";

const root = process.cwd();
const settings = readSettings(process.env);
const locations = runLocations(settings);
const where = paths({ root, ...locations });
const { dryRun, dryRunMs, retryDelaysMs } = settings.schedule;
const scheduler = new Scheduler(
  { pipelines: PIPELINES, retryDelaysMs },
  {
    run: dryRun ? dryRunner(where.lock, dryRunMs) : pipelineRunner({ root, ...locations }),
    lastComplete: lastCompleteFrom(where.runLog),
    record: schedulerRecorder(join(where.warehouseDir, "scheduler.jsonl")),
  },
);

let signals = 0;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    signals += 1;
    if (signals > 1) {
      // A killed run publishes nothing, so the last good warehouse and site stay; its build
      // files are cleared by the next run.
      console.log(`${signal} again: exiting now; the run in progress is abandoned and nothing it built is published`);
      releaseLock(where.lock);
      process.exit(signal === "SIGINT" ? 130 : 143);
    }
    console.log(`${signal}: stopping (send it again to exit without waiting for a run in progress)`);
    void scheduler.stop().then(() => process.exit(0));
  });
}

scheduler.start();
for (const { pipeline, next } of scheduler.nextRuns()) {
  const definition = PIPELINES.find((p) => p.name === pipeline)!;
  console.log(`  ${pipeline.padEnd(12)} '${definition.schedule}'  next ${next?.toLocaleString("en-GB", { timeZone: "Europe/London" }) ?? "never"} (UK time)`);
}
console.log(`Scheduling ${dryRun ? "dry runs " : ""}until stopped (Ctrl-C). Log: ${join(where.warehouseDir, "scheduler.jsonl")}`);
