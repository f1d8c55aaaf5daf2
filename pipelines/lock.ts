// The run lock: one run at a time per warehouse folder, across processes. DuckDB allows one
// writer, and two publishes could interleave. The lock file holds "pid runId".
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";

export class LockHeldError extends Error {
  constructor(
    readonly pid: number,
    readonly lock: string,
  ) {
    super(`another run is in progress (process ${pid}, lock ${lock})`);
    this.name = "LockHeldError";
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function holder(lock: string): number | null {
  try {
    const pid = Number(readFileSync(lock, "utf8").split(" ")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function abandoned(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > 10_000;
  } catch {
    return true; // gone already
  }
}

/**
 * Take the lock or throw LockHeldError. Creation is exclusive ("wx"), so two processes
 * starting together cannot both take it. A lock whose process is dead (a crashed or killed
 * run) is removed and taken; so is one this process already holds (the scheduler holds it
 * around runPipelines, which takes it again).
 */
export function takeLock(lock: string, runId: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, `${process.pid} ${runId}`, { flag: "wx" });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const pid = holder(lock);
    if (pid === process.pid) {
      writeFileSync(lock, `${process.pid} ${runId}`);
      return;
    }
    // A lock with no readable pid may be mid-write by a live process; only an old one is
    // treated as abandoned.
    if (pid === null ? !abandoned(lock) : alive(pid)) throw new LockHeldError(pid ?? 0, lock);
    rmSync(lock, { force: true });
  }
  // Someone else recovered the stale lock between our removal and our second try.
  throw new LockHeldError(holder(lock) ?? 0, lock);
}

/** Remove the lock only if this process holds it, so a late release never frees another's. */
export function releaseLock(lock: string): void {
  if (holder(lock) === process.pid) rmSync(lock, { force: true });
}
