// The run log: one JSON line per event, in OpenLineage's START / COMPLETE / FAIL shape, kept
// beside the warehouse so that failed runs are recorded even though their warehouse is not.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";

export interface StepRecord {
  step: string;
  status: "done" | "skipped" | "failed";
  rows: number | null;
  seconds: number;
  detail?: string;
}

export interface InputRecord {
  source: string;
  file: string;
  sha256: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
}

export interface RunEvent {
  eventType: "START" | "COMPLETE" | "FAIL";
  eventTime: string;
  run: { runId: string };
  job: { namespace: "commissioning"; name: string };
  steps?: StepRecord[];
  inputs?: InputRecord[];
  error?: string;
}

export function appendRunEvent(path: string, event: RunEvent): void {
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, `${JSON.stringify(event)}\n`);
}

export function readRunEvents(path: string): RunEvent[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as RunEvent];
      } catch {
        // A run killed mid-write can leave half a line; the rest of the log still reads.
        return [];
      }
    });
}

/** The latest event of each run, newest first. */
export function latestRuns(events: RunEvent[]): RunEvent[] {
  const byRun = new Map<string, RunEvent>();
  for (const event of events) byRun.set(event.run.runId, event);
  return [...byRun.values()].reverse();
}
