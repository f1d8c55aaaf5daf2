// What a failed run rejected, kept after its build warehouse is thrown away, so that
// `npm run pipeline -- rejects --run <id>` can show it and the failure can lead with its first
// cause. One JSON file per failed run beside the warehouse (warehouse/failed/<run>.json).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openWarehouse } from "./warehouse.ts";

export interface RejectRow {
  source: string;
  file: string;
  location: string;
  line: number | null;
  column_name: string | null;
  reason: string;
  raw: string | null;
}

export interface LoadRow {
  source: string;
  file: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
}

export interface FailedRunRecord {
  runId: string;
  error: string;
  loads: LoadRow[];
  rejects: RejectRow[];
}

const MAX_KEPT = 10_000;

export const failedRunPath = (warehouseDir: string, runId: string) => join(warehouseDir, "failed", `${runId}.json`);

/** Reads the rejects of the files this run loaded from its build warehouse; never throws. */
export async function rejectsOfRun(buildPath: string, runId: string): Promise<{ loads: LoadRow[]; rejects: RejectRow[] }> {
  if (!existsSync(buildPath)) return { loads: [], rejects: [] };
  try {
    const db = await openWarehouse(buildPath, { readOnly: true });
    try {
      const [exists] = await db.all(`select 1 from information_schema.tables where table_name = 'loads'`);
      if (!exists) return { loads: [], rejects: [] };
      const id = runId.replaceAll("'", "''");
      const loads = await db.all<LoadRow>(`select source, file, rows_read, rows_loaded, rows_rejected from loads where run_id = '${id}' order by source, file`);
      const rejects = await db.all<RejectRow>(
        `select r.* from rejects r join loads l on l.source = r.source and l.run_id = '${id}' and (r.file = l.file or starts_with(r.file, l.file || '!'))
         order by r.source, r.file, r.line nulls last, r.location limit ${MAX_KEPT}`,
      );
      return { loads, rejects };
    } finally {
      db.close();
    }
  } catch {
    return { loads: [], rejects: [] };
  }
}

export function keepFailedRun(warehouseDir: string, record: FailedRunRecord): void {
  mkdirSync(join(warehouseDir, "failed"), { recursive: true });
  writeFileSync(failedRunPath(warehouseDir, record.runId), JSON.stringify(record));
}

export function readFailedRun(warehouseDir: string, runId: string): FailedRunRecord | null {
  const path = failedRunPath(warehouseDir, runId);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as FailedRunRecord) : null;
}

/** One reject as a person reads it: where, why, and the value. */
export function describeReject(reject: RejectRow): string {
  const place = [reject.file, reject.line !== null ? `line ${reject.line}` : reject.location, reject.column_name ? `column ${reject.column_name}` : null].filter(Boolean).join(", ");
  return `${place}: ${reject.reason}${reject.raw !== null ? ` (value ${JSON.stringify(reject.raw.length > 60 ? `${reject.raw.slice(0, 57)}...` : reject.raw)})` : ""}`;
}

/** Rejects grouped by source, each line fitting about 100 columns, the first `limit` of each source. */
export function formatRejects(loads: LoadRow[], rejects: RejectRow[], limit = 20): string {
  const lines: string[] = [];
  const sources = [...new Set(loads.map((load) => load.source))];
  for (const source of sources) {
    const files = loads.filter((load) => load.source === source);
    const rejected = files.reduce((sum, load) => sum + load.rows_rejected, 0);
    const read = files.reduce((sum, load) => sum + load.rows_read, 0);
    lines.push(`${source}: ${read.toLocaleString("en-GB")} rows read in ${files.length} file(s), ${rejected.toLocaleString("en-GB")} rejected`);
    const own = rejects.filter((reject) => reject.source === source);
    for (const reject of own.slice(0, limit)) lines.push(`  ${describeReject({ ...reject, file: reject.file.split("/").at(-1)! })}`);
    if (own.length > limit) lines.push(`  ... and ${(own.length - limit).toLocaleString("en-GB")} more`);
  }
  return lines.join("\n");
}
