// Loads one declared source into its raw table, keeps every rejected row, and reconciles
// rows read = rows loaded + rows rejected for each file. What each step holds:
//   changes.ts      declaration hash and the unchanged check (sources skipped by hash)
//   files.ts        reading files, first lines and zip members; what a file load counts
//   bytes.ts        record counting, encodings and bad-byte messages for CSV text
//   csv.ts          header check, read_csv with store_rejects, reject copying
//   spreadsheet.ts  appending a workbook reader's rows and rejects
//   amounts.ts      money totals reconciled per file
//   coverage.ts     every declared entity present after the load (coverage as a test)
import { resolve } from "node:path";
import type { Source } from "../../sources/declaration.ts";
import { ident, literal, type Warehouse } from "../warehouse.ts";
import { LOAD_AMOUNTS_SQL } from "./amounts.ts";
import { declarationHash } from "./changes.ts";
import { checkCoverage } from "./coverage.ts";
import { loadCsvFile } from "./csv.ts";
import { fileLabel, statOf, type FileCounts } from "./files.ts";
import type { ReadSheet } from "./prefetch.ts";
import { loadSpreadsheetFile } from "./spreadsheet.ts";

// The run asks whether a source changed before loading it; it finds both here.
export { isUnchanged } from "./changes.ts";
export { CoverageError, coverageReferences } from "./coverage.ts";

export interface FileLoad extends FileCounts {
  source: string;
  file: string;
  /** What the source's coverage check found, on its first file's record (e.g. "covers 296 of 296"). */
  coverage?: string;
}

export const LOAD_TABLES_SQL = `
create table if not exists rejects (
  source varchar not null, file varchar not null, location varchar not null, line integer,
  column_name varchar, reason varchar not null, raw varchar
);
create table if not exists loads (
  run_id varchar not null, source varchar not null, file varchar not null, sha256 varchar not null,
  size bigint not null, mtime_ms double not null,
  rows_read integer not null, rows_loaded integer not null, rows_rejected integer not null,
  rows_skipped integer not null, loaded_at timestamp not null
);
create table if not exists source_state (source varchar primary key, declaration varchar not null);
${LOAD_AMOUNTS_SQL}`;

function createRawTable(source: Source): string {
  const columns = source.columns.map((column) => `${ident(column.name)} ${column.type}`);
  return `create or replace table ${ident(source.table)} (${[...columns, "_source_file VARCHAR"].join(", ")})`;
}

/**
 * Replaces the source's raw table and its rejects. Throws StructuralError on a layout problem
 * and a plain Error if the counts fail to reconcile: either way nothing is published.
 */
export async function loadSource(db: Warehouse, source: Source, options: { root: string; runId: string; readSheet?: ReadSheet }): Promise<FileLoad[]> {
  await db.run(LOAD_TABLES_SQL);
  await db.run(createRawTable(source));
  await db.run(`delete from rejects where source = ${literal(source.id)}; delete from loads where source = ${literal(source.id)};
    delete from load_amounts where source = ${literal(source.id)};`);
  const loads: FileLoad[] = [];
  for (const file of source.files) {
    const stat = statOf(resolve(options.root, file.path), file.path);
    const counts =
      source.kind === "csv"
        ? await loadCsvFile(db, source, file, options.root)
        : await loadSpreadsheetFile(db, source, file, options.root, options.readSheet);
    if (counts.rowsRead !== counts.rowsLoaded + counts.rowsRejected) {
      throw new Error(
        `${fileLabel(file)}: counts do not reconcile: ${counts.rowsRead} rows read, ${counts.rowsLoaded} loaded, ${counts.rowsRejected} rejected`,
      );
    }
    await db.run(`insert into loads values (${[options.runId, source.id, file.path, counts.sha256].map(literal).join(", ")},
      ${stat.size}, ${stat.mtimeMs}, ${counts.rowsRead}, ${counts.rowsLoaded}, ${counts.rowsRejected}, ${counts.rowsSkipped}, now())`);
    loads.push({ source: source.id, file: file.path, ...counts });
  }
  // Before the source counts as loaded: a source that lost an entity stops the run here.
  const coverage = await checkCoverage(db, source);
  if (coverage !== null && loads.length > 0) loads[0]!.coverage = coverage;
  await db.run(`insert or replace into source_state values (${literal(source.id)}, ${literal(declarationHash(source))})`);
  return loads;
}
