// Writes the rows a TypeScript model returned into a table whose columns come from the output's
// zod schema, through DuckDB's appender. Every row is checked against the schema first: a NaN,
// a missing field or a value of the wrong type stops the run naming the model, table, row and
// column, rather than turning into a null.
import { dateValue, timestampValue } from "@duckdb/node-api";
import { sqlTypeOf, type TableSchema } from "../../models/model.ts";
import { ident, type Warehouse } from "../warehouse.ts";

export function columnsOfSchema(schema: TableSchema): { name: string; type: string; nullable: boolean }[] {
  return Object.entries(schema.shape).map(([name, field]) => ({ name, ...sqlTypeOf(field) }));
}

const DAY_MS = 86_400_000;

export async function writeTable(db: Warehouse, table: string, schema: TableSchema, rows: readonly object[], where: string): Promise<number> {
  const columns = columnsOfSchema(schema);
  rows.forEach((row, index) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const column = String(issue.path[0] ?? "(row)");
      const value = (row as Record<string, unknown>)[column];
      throw new Error(`${where}: table ${table}, row ${index + 1}, column ${column}: ${issue.message} (value ${typeof value === "number" || value === undefined ? String(value) : JSON.stringify(value)})`);
    }
  });
  await db.run(
    `create or replace table ${ident(table)} (${columns.map((column) => `${ident(column.name)} ${column.type}${column.nullable ? "" : " not null"}`).join(", ")})`,
  );
  if (rows.length === 0) return 0;
  const appender = await db.connection.createAppender(table);
  try {
    for (const row of rows as Record<string, unknown>[]) {
      for (const column of columns) {
        const value = row[column.name];
        if (value === null || value === undefined) appender.appendNull();
        else if (column.type === "VARCHAR") appender.appendVarchar(value as string);
        else if (column.type === "DOUBLE") appender.appendDouble(value as number);
        else if (column.type === "INTEGER") appender.appendInteger(value as number);
        else if (column.type === "BIGINT") appender.appendBigInt(BigInt(value as number));
        else if (column.type === "BOOLEAN") appender.appendBoolean(value as boolean);
        else if (column.type === "DATE") appender.appendDate(dateValue(Math.round(Date.parse(`${value as string}T00:00:00Z`) / DAY_MS)));
        else appender.appendTimestamp(timestampValue(BigInt(Date.parse(value as string)) * 1000n));
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return rows.length;
}
