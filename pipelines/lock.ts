// The run lock: one run at a time per warehouse folder, across processes. DuckDB allows one
// writer, and two publishes could interleave. The lock file holds "pid runId start", where start
// is the holder's start time as the kernel counts it (/proc/<pid>/stat): a pid alone can be
// reused after a reboot or a crash by an unrelated process, which would hold the lock for ever.
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

/**
 * The process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat), or null
 * where there is no /proc (not Linux) or no such process. The command name (field 2) may hold
 * spaces and brackets, so fields are counted after its closing bracket.
 */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

interface Holder {
  pid: number;
  start: string | null;
}

function holderOf(lock: string): Holder | null {
  try {
    const [pidText, , start] = readFileSync(lock, "utf8").trim().split(" ");
    const pid = Number(pidText);
    return Number.isInteger(pid) && pid > 0 ? { pid, start: start ?? null } : null;
  } catch {
    return null;
  }
}

function holder(lock: string): number | null {
  return holderOf(lock)?.pid ?? null;
}

/**
 * Why a lock's holder is not a live run of this project, or null when it may be one. A live pid
 * whose start time differs from the one recorded is another process that was given the same pid.
 */
function staleReason(found: Holder): string | null {
  if (!alive(found.pid)) return `process ${found.pid} is no longer running`;
  const start = processStart(found.pid);
  if (found.start !== null && start !== null && start !== found.start) {
    return `process ${found.pid} is alive but is not the run that took the lock (it started at a different time: the pid was reused)`;
  }
  return null;
}

const lockText = (runId: string) => `${process.pid} ${runId} ${processStart(process.pid) ?? "-"}`;

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
export function takeLock(lock: string, runId: string, log: (line: string) => void = (line) => console.log(line)): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, lockText(runId), { flag: "wx" });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const found = holderOf(lock);
    const pid = found?.pid ?? null;
    if (pid === process.pid && (found!.start === null || found!.start === "-" || found!.start === processStart(pid))) {
      writeFileSync(lock, lockText(runId));
      return;
    }
    // A lock with no readable pid may be mid-write by a live process; only an old one is
    // treated as abandoned.
    if (found === null) {
      if (!abandoned(lock)) throw new LockHeldError(0, lock);
      log(`  Cleared a stale run lock ${lock}: it names no process and is more than 10 s old.`);
    } else {
      const reason = staleReason({ ...found, start: found.start === "-" ? null : found.start });
      if (reason === null) throw new LockHeldError(found.pid, lock);
      log(`  Cleared a stale run lock ${lock}: ${reason}.`);
    }
    rmSync(lock, { force: true });
  }
  // Someone else recovered the stale lock between our removal and our second try.
  throw new LockHeldError(holder(lock) ?? 0, lock);
}

/** Remove the lock only if this process holds it, so a late release never frees another's. */
export function releaseLock(lock: string): void {
  if (holder(lock) === process.pid) rmSync(lock, { force: true });
}
