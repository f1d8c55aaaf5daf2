// Appending rejected rows to the warehouse's rejects table, for CSV and workbook loads alike.
import type { Reject } from "../../sources/declaration.ts";
import type { Warehouse } from "../warehouse.ts";

export async function insertRejects(db: Warehouse, source: string, rejects: Reject[]): Promise<void> {
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
