// Landing a fetched payload. The file a later step reads is either the old one or the whole new
// one, never a half-written one: the payload goes to a temp file in the same folder (same file
// system, so rename is atomic), is fsynced, then renamed over the target. A payload identical to
// what is already there is not written at all, so the file's mtime and any hash-based skipping
// downstream stay meaningful.
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { sha256 } from "../sha256.ts";

export type SaveStatus = "created" | "changed" | "unchanged";

export interface SaveResult {
  path: string;
  status: SaveStatus;
  sha256: string;
  bytes: number;
  /** The checksum of the file that was replaced, when there was one. */
  previousSha256: string | null;
}

/** Temp names start with a dot and end in .tmp: hidden, git-ignored, and matched by no source's file list. */
const tempPrefix = (target: string) => `.${basename(target)}.`;
const isTempFor = (target: string, name: string) => name.startsWith(tempPrefix(target)) && name.endsWith(".tmp");

function currentChecksum(path: string): string | null {
  try {
    return sha256(readFileSync(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Temp files left by a process killed mid-write: never input, so safe to clear before writing. */
function sweepStaleTemps(target: string) {
  const folder = dirname(target);
  for (const name of readdirSync(folder)) if (isTempFor(target, name)) unlinkSync(join(folder, name));
}

/** Leftover temp files for this target (tests assert there are none). */
export function tempFilesFor(target: string): string[] {
  try {
    return readdirSync(dirname(target)).filter((name) => isTempFor(target, name));
  } catch {
    return [];
  }
}

export function saveAtomically(target: string, payload: Buffer | string): SaveResult {
  const data = typeof payload === "string" ? Buffer.from(payload, "utf8") : payload;
  const checksum = sha256(data);
  const folder = dirname(target);
  mkdirSync(folder, { recursive: true });
  sweepStaleTemps(target);

  const previous = currentChecksum(target);
  if (previous === checksum) return { path: target, status: "unchanged", sha256: checksum, bytes: data.length, previousSha256: previous };

  const temp = join(folder, `${tempPrefix(target)}${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, "wx");
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Already gone (the rename may have happened); nothing to clean.
    }
    throw new Error(`${target}: could not save the fetched file (${(error as Error).message}); the previous file, if any, is untouched`);
  }
  syncFolder(folder);
  if (statSync(target).size !== data.length) throw new Error(`${target}: size after rename differs from the payload`);
  return { path: target, status: previous === null ? "created" : "changed", sha256: checksum, bytes: data.length, previousSha256: previous };
}

/** Makes the rename itself durable. Some file systems refuse fsync on a directory; that is not worth failing a fetch for. */
function syncFolder(folder: string) {
  let fd: number | null = null;
  try {
    fd = openSync(folder, "r");
    fsyncSync(fd);
  } catch {
    // Best effort only.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export interface FetchRecord {
  /** The fetcher that produced the file, e.g. "contracts-finder". */
  fetcher: string;
  /** Every URL requested, in order (keys are never part of a URL, so this is safe to keep). */
  requests: string[];
  /** What the payload holds, e.g. "1,234 releases". */
  holds: string;
}

export interface Landed extends SaveResult {
  /** The sidecar describing where the file came from; rewritten only when the file changed. */
  record: string;
}

/**
 * Saves a fully fetched and validated payload and, when it changed, a sidecar
 * `<file>.fetch.json` saying where it came from: the start of the PROVENANCE.md an analyst
 * writes when promoting the file to a declared source.
 */
export function landFetched(target: string, payload: Buffer | string, record: FetchRecord, now: () => Date = () => new Date()): Landed {
  const saved = saveAtomically(target, payload);
  const sidecar = `${target}.fetch.json`;
  if (saved.status !== "unchanged") {
    const body = { ...record, file: basename(target), sha256: saved.sha256, bytes: saved.bytes, fetchedAt: now().toISOString() };
    saveAtomically(sidecar, `${JSON.stringify(body, null, 2)}\n`);
  }
  return { ...saved, record: sidecar };
}
