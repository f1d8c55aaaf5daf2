// Loading a workbook: its reader's rows and rejects appended to the raw and rejects tables.
import { resolve } from "node:path";
import type { RawValue, Source, SourceFile, SpreadsheetSource } from "../../sources/declaration.ts";
import { sha256 } from "../sha256.ts";
import type { Warehouse } from "../warehouse.ts";
import type { ReadSheet } from "./prefetch.ts";
import { readBytes, type FileCounts } from "./files.ts";
import { insertRejects } from "./rejects.ts";

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

/** `readSheet` reads the file elsewhere (a worker thread, pipelines/load/prefetch.ts); by default, here. */
export async function loadSpreadsheetFile(db: Warehouse, source: SpreadsheetSource, file: SourceFile, root: string, readSheet?: ReadSheet): Promise<FileCounts> {
  const path = resolve(root, file.path);
  const hash = sha256(readBytes(path, file.path));
  const result = readSheet ? await readSheet(source, file, path) : source.read(file, path);
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

