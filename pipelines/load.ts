// Loads one declared source into its raw table, keeps every rejected row, and reconciles
// rows read = rows loaded + rows rejected for each file.
import { createHash } from "node:crypto";
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from "node:fs";
import { resolve } from "node:path";
import Papa from "papaparse";
import {
  StructuralError,
  type Column,
  type CsvSource,
  type RawValue,
  type Reject,
  type Source,
  type SourceFile,
  type SpreadsheetSource,
} from "../sources/declaration.ts";
import { ident, literal, type Warehouse } from "./warehouse.ts";

export interface FileLoad {
  source: string;
  file: string;
  sha256: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsSkipped: number;
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
`;

export function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function readBytes(path: string, name: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new StructuralError(name, {}, `cannot read file (${(error as Error).message})`);
  }
}

function statOf(path: string, name: string) {
  try {
    return statSync(path);
  } catch (error) {
    throw new StructuralError(name, {}, `cannot read file (${(error as Error).message})`);
  }
}

/** Changes when the declaration's files, columns or table change. */
export function declarationHash(source: Source): string {
  return sha256(Buffer.from(JSON.stringify({ files: source.files, columns: source.columns, table: source.table })));
}

/**
 * True when the source's declaration and every file's bytes match the last load. Like git's
 * index, a file whose size and modification time are unchanged is taken as unchanged; only a
 * touched file is hashed again.
 */
export async function isUnchanged(db: Warehouse, source: Source, root: string): Promise<boolean> {
  const [state] = await db.all<{ declaration: string }>(`select declaration from source_state where source = ${literal(source.id)}`);
  if (state?.declaration !== declarationHash(source)) return false;
  const loads = await db.all<{ file: string; sha256: string; size: number; mtime_ms: number }>(
    `select file, sha256, size, mtime_ms from loads where source = ${literal(source.id)}`,
  );
  return source.files.every((file) => {
    const previous = loads.find((load) => load.file === file.path);
    if (!previous) return false;
    const path = resolve(root, file.path);
    const stat = statOf(path, file.path);
    if (stat.size === previous.size && stat.mtimeMs === previous.mtime_ms) return true;
    return sha256(readBytes(path, file.path)) === previous.sha256;
  });
}

function createRawTable(source: Source): string {
  const columns = source.columns.map((column) => `${ident(column.name)} ${column.type}`);
  return `create or replace table ${ident(source.table)} (${[...columns, "_source_file VARCHAR"].join(", ")})`;
}

/**
 * Counts non-blank lines, fed in chunks; less the header, a CSV's "rows read". Works across
 * chunk boundaries, so a file can be counted while it streams past.
 */
export class LineCounter {
  lines = 0;
  private length = 0;
  private endsWithCR = false;

  push(chunk: Buffer): void {
    let start = 0;
    while (start <= chunk.length) {
      const newline = chunk.indexOf(10, start);
      const end = newline < 0 ? chunk.length : newline;
      if (end > start) {
        this.length += end - start;
        this.endsWithCR = chunk[end - 1] === 13;
      }
      if (newline < 0) return;
      this.endLine();
      start = newline + 1;
    }
  }

  finish(): number {
    this.endLine();
    return this.lines;
  }

  private endLine(): void {
    if (this.length - (this.endsWithCR ? 1 : 0) > 0) this.lines++;
    this.length = 0;
    this.endsWithCR = false;
  }
}

/** Counts non-blank records after the header; a CSV's "rows read". */
export function countCsvRecords(bytes: Buffer): number {
  const counter = new LineCounter();
  counter.push(bytes);
  return Math.max(counter.finish() - 1, 0);
}

/**
 * SHA-256 and record count of a CSV in one streaming pass. Streaming rather than reading the
 * whole file keeps memory flat and, while DuckDB parses the same file, costs only the hashing.
 */
async function digestCsv(path: string): Promise<{ sha256: string; records: number }> {
  const hash = createHash("sha256");
  const counter = new LineCounter();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    counter.push(chunk);
  }
  return { sha256: hash.digest("hex"), records: Math.max(counter.finish() - 1, 0) };
}

/** Checks the published header against the declaration, position by position. */
export function checkCsvHeader(bytes: Buffer, columns: Column[], file: string): void {
  const firstLine = bytes.subarray(0, Math.max(bytes.indexOf(10), 0) || bytes.length).toString("utf8");
  const header = Papa.parse<string[]>(firstLine.replace(/^\uFEFF/, "").replace(/\r$/, "")).data[0] ?? [];
  columns.forEach((column, index) => {
    const expected = column.header ?? column.name;
    const found = header[index]?.trim();
    if (found === expected) return;
    const elsewhere = header.findIndex((label) => label.trim() === expected);
    const problem =
      elsewhere >= 0
        ? `column '${expected}' expected in position ${index + 1} but found in position ${elsewhere + 1}`
        : `required column '${expected}' missing from the header (position ${index + 1} reads '${found ?? ""}')`;
    throw new StructuralError(file, { row: 1, column: expected }, problem);
  });
  if (header.length > columns.length) {
    throw new StructuralError(file, { row: 1, column: header[columns.length] }, `unexpected extra column (the declaration has ${columns.length})`);
  }
}

/** The first line of a file, read without reading the rest. */
function firstLine(path: string, name: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw new StructuralError(name, {}, `cannot read file (${(error as Error).message})`);
  }
  try {
    const chunk = Buffer.alloc(65_536);
    const length = readSync(fd, chunk, 0, chunk.length, 0);
    const end = chunk.subarray(0, length).indexOf(10);
    return chunk.subarray(0, end < 0 ? length : end);
  } finally {
    closeSync(fd);
  }
}

type Counts = Omit<FileLoad, "source" | "file">;

async function loadCsvFile(db: Warehouse, source: CsvSource, file: SourceFile, root: string): Promise<Counts> {
  const path = resolve(root, file.path);
  checkCsvHeader(firstLine(path, file.path), source.columns, file.path);

  const columns = source.columns.map((column) => `${literal(column.name)}: ${literal(column.type)}`).join(", ");
  // store_rejects keeps bad lines in temporary tables instead of failing the whole file;
  // they are copied out below, before the connection closes and they vanish.
  await db.run(`drop table if exists reject_errors; drop table if exists reject_scans;`);
  const insert = db.connection.run(`
    insert into ${ident(source.table)}
    select *, ${literal(file.path)} from read_csv(${literal(path)},
      header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
      columns = {${columns}}, store_rejects = true,
      rejects_table = 'reject_errors', rejects_scan = 'reject_scans')`);
  // DuckDB reads on its own threads; hash and count the same bytes here meanwhile, so the
  // independent count that reconciliation needs costs little extra time.
  let digest: { sha256: string; records: number };
  try {
    digest = await digestCsv(path);
  } catch (error) {
    await insert.catch(() => undefined);
    throw new StructuralError(file.path, {}, `cannot read file (${(error as Error).message})`);
  }
  const hash = digest.sha256;
  const rowsRead = digest.records;
  const rowsLoaded = (await insert).rowsChanged;
  const copied = await db.connection.run(`
    insert into rejects
    select ${literal(source.id)}, ${literal(file.path)}, 'line ' || line, line::integer,
           coalesce(column_name, 'column ' || column_idx), error_type || ': ' || error_message, csv_line
    from reject_errors`);
  // One line can carry several errors; rows rejected counts lines. Most files have none.
  let rowsRejected = 0;
  if (copied.rowsChanged > 0) {
    [{ n: rowsRejected } = { n: 0 }] = await db.all<{ n: number }>(`select count(distinct line)::integer as n from reject_errors`);
  }
  await db.run(`drop table if exists reject_errors; drop table if exists reject_scans;`);
  return { sha256: hash, rowsRead, rowsLoaded, rowsRejected, rowsSkipped: 0 };
}

async function appendRows(db: Warehouse, source: Source, rows: RawValue[][], file: string): Promise<void> {
  const appender = await db.connection.createAppender(source.table);
  const types = source.columns.map((column) => column.type);
  for (const row of rows) {
    row.forEach((value, index) => {
      if (value === null) appender.appendNull();
      else if (types[index] === "INTEGER") appender.appendInteger(Number(value));
      else if (types[index] === "DOUBLE") appender.appendDouble(Number(value));
      else appender.appendVarchar(String(value));
    });
    appender.appendVarchar(file);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}

async function insertRejects(db: Warehouse, source: string, rejects: Reject[]): Promise<void> {
  if (rejects.length === 0) return;
  const appender = await db.connection.createAppender("rejects");
  for (const reject of rejects) {
    appender.appendVarchar(source);
    appender.appendVarchar(reject.file);
    appender.appendVarchar(reject.location);
    if (reject.line === null) appender.appendNull();
    else appender.appendInteger(reject.line);
    if (reject.column === null) appender.appendNull();
    else appender.appendVarchar(reject.column);
    appender.appendVarchar(reject.reason);
    appender.appendVarchar(reject.raw);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}

async function loadSpreadsheetFile(db: Warehouse, source: SpreadsheetSource, file: SourceFile, root: string): Promise<Counts> {
  const path = resolve(root, file.path);
  const hash = sha256(readBytes(path, file.path));
  const result = source.read(file, path);
  await appendRows(db, source, result.rows, file.path);
  await insertRejects(db, source.id, result.rejects);
  return {
    sha256: hash,
    rowsRead: result.rowsRead,
    rowsLoaded: result.rows.length,
    rowsRejected: new Set(result.rejects.map((reject) => reject.location)).size,
    rowsSkipped: result.rowsSkipped,
  };
}

/**
 * Replaces the source's raw table and its rejects. Throws StructuralError on a layout problem
 * and a plain Error if the counts fail to reconcile: either way nothing is published.
 */
export async function loadSource(db: Warehouse, source: Source, options: { root: string; runId: string }): Promise<FileLoad[]> {
  await db.run(LOAD_TABLES_SQL);
  await db.run(createRawTable(source));
  await db.run(`delete from rejects where source = ${literal(source.id)}; delete from loads where source = ${literal(source.id)};`);
  const loads: FileLoad[] = [];
  for (const file of source.files) {
    const stat = statOf(resolve(options.root, file.path), file.path);
    const counts =
      source.kind === "csv"
        ? await loadCsvFile(db, source, file, options.root)
        : await loadSpreadsheetFile(db, source, file, options.root);
    if (counts.rowsRead !== counts.rowsLoaded + counts.rowsRejected) {
      throw new Error(
        `${file.path}: counts do not reconcile: ${counts.rowsRead} rows read, ${counts.rowsLoaded} loaded, ${counts.rowsRejected} rejected`,
      );
    }
    await db.run(`insert into loads values (${[options.runId, source.id, file.path, counts.sha256].map(literal).join(", ")},
      ${stat.size}, ${stat.mtimeMs}, ${counts.rowsRead}, ${counts.rowsLoaded}, ${counts.rowsRejected}, ${counts.rowsSkipped}, now())`);
    loads.push({ source: source.id, file: file.path, ...counts });
  }
  await db.run(`insert or replace into source_state values (${literal(source.id)}, ${literal(declarationHash(source))})`);
  return loads;
}
