// The run history for commissioners and analysts: every run in the run log (successful,
// failed and interrupted), newest first, with durations, rows, rejects and test results.
// The run building this site is still in progress when this loader runs, so it shows as such.
import { latestRuns, readRunEvents } from "../../../pipelines/run-log.ts";
import { pageData } from "../../data/marts.ts";

export default pageData(import.meta, async ({ runId, runLogPath }) => {
  const events = runLogPath ? readRunEvents(runLogPath) : [];
  const runs = latestRuns(events)
    .slice(0, 100)
    .map((run) => {
      const steps = run.steps ?? [];
      const tests = steps.find((step) => step.step === "model tests");
      return {
        run_id: run.run.runId,
        job: run.job.name,
        // A START with nothing after it was killed or crashed, unless it is the run building this site.
        state: run.eventType === "START" ? (run.run.runId === runId ? "in progress (this publication)" : "interrupted") : run.eventType === "COMPLETE" ? "complete" : "failed",
        time: run.eventTime,
        seconds: steps.reduce((sum, step) => sum + step.seconds, 0),
        rows_read: (run.inputs ?? []).reduce((sum, input) => sum + input.rowsRead, 0),
        rows_loaded: (run.inputs ?? []).reduce((sum, input) => sum + input.rowsLoaded, 0),
        rows_rejected: (run.inputs ?? []).reduce((sum, input) => sum + input.rowsRejected, 0),
        sources_reloaded: steps.filter((step) => step.step.startsWith("load ") && step.status === "done").length,
        tests: tests?.detail ?? (tests?.status === "failed" ? "failed" : "not reached"),
        error: run.error?.split("\n")[0] ?? null,
      };
    });
  return JSON.stringify({ runs });
});
