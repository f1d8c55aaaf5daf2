// What a run's result depends on, as one hash: the code and declarations (models, sources,
// pages, pipelines, the lock file), each bundled data file's size
// and modification time (as git's index does; a changed file is then re-hashed by the loader),
// and the day (freshness and expiry bands count from today). When a run finds the same
// fingerprint as the run that published the current warehouse and sites, it has nothing to do.
// The council configuration is not part of it: the warehouse covers every council, and sites for
// another council (published.site) are rebuilt from the same warehouse.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { SiteChoice } from "../reports/data/site-areas.ts";
import type { InputRecord } from "./run-log.ts";

const CODE = ["models", "sources", "reports", "pipelines"];
const CODE_FILES = ["observablehq.config.ts", "package-lock.json"];
/** Folders that hold no input: caches, fetched files not yet declared, build copies. */
const SKIPPED = new Set(["node_modules", ".observablehq", "fetched"]);

function walk(root: string, dir: string, visit: (path: string) => void): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(root, path, visit);
    else if (entry.isFile()) visit(path);
  }
}

export function runFingerprint(root: string, today = new Date()): string {
  const hash = createHash("sha256");
  hash.update(`day ${today.toISOString().slice(0, 10)}\n`);
  const add = (path: string) => {
    const name = relative(root, path);
    if (name.startsWith(join("sources", "data"))) {
      const stat = statSync(path);
      hash.update(`data ${name} ${stat.size} ${stat.mtimeMs}\n`);
    } else hash.update(`file ${name} ${createHash("sha256").update(readFileSync(path)).digest("hex")}\n`);
  };
  for (const dir of CODE) walk(root, join(root, dir), add);
  for (const file of CODE_FILES) if (existsSync(resolve(root, file))) add(resolve(root, file));
  return hash.digest("hex");
}

/** What the last publishing run recorded beside the warehouse. */
export interface Published {
  runId: string;
  fingerprint: string;
  inputs: InputRecord[];
  testsRun: number;
  /** Whether that run built and published the sites too. */
  sites: boolean;
  /** Which council the published sites are about (absent in records from before it was kept). */
  site?: SiteChoice;
}

export function readPublished(path: string): Published | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Published;
  } catch {
    return null;
  }
}

export function writePublished(path: string, published: Published): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(published));
  // Renamed into place, so a reader never sees half a record.
  renameSync(`${path}.tmp`, path);
}
