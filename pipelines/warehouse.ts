// A thin promise wrapper over @duckdb/node-api: open a file, run SQL, read plain rows.
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";

export type Row = Record<string, unknown>;

export interface Warehouse {
  readonly path: string;
  readonly connection: DuckDBConnection;
  run(sql: string): Promise<void>;
  all<T = Row>(sql: string): Promise<T[]>;
  close(): void;
}

/**
 * BIGINT and HUGEINT arrive as JS bigint. Counts in this project fit in a double, so convert
 * them here, once, and fail loudly rather than round silently if one ever does not.
 */
function plain(value: unknown): unknown {
  if (typeof value === "bigint") {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError(`integer ${value} is too large to convert to a JavaScript number`);
    }
    return Number(value);
  }
  return value;
}

export async function openWarehouse(path: string, options: { readOnly?: boolean } = {}): Promise<Warehouse> {
  const instance = await DuckDBInstance.create(path, options.readOnly ? { access_mode: "READ_ONLY" } : {});
  const connection = await instance.connect();
  return {
    path,
    connection,
    async run(sql) {
      await connection.run(sql);
    },
    async all<T = Row>(sql: string) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => {
        const out: Row = {};
        for (const [key, value] of Object.entries(row)) out[key] = plain(value);
        return out as T;
      });
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Quotes a string as a SQL literal. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes an identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Runs one query on a warehouse file opened read-only, and closes it. */
export async function queryWarehouse<T = Row>(path: string, sql: string): Promise<T[]> {
  const db = await openWarehouse(path, { readOnly: true });
  try {
    return await db.all<T>(sql);
  } finally {
    db.close();
  }
}
