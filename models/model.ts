// What a TypeScript model declares, so that the one runner (pipelines/build/) can build, test
// and classify it exactly like a SQL model: the tables it reads, each output table with one zod
// schema (which gives both the TypeScript row type and the DuckDB column types), its tests in
// the same words as a SQL model's header, and its classification when it differs from its
// inputs'. Models know nothing of pipelines: they get a read-only query function and return rows.
import { z } from "zod";

/** DuckDB column types a schema field can carry. */
export type SqlType = "VARCHAR" | "DOUBLE" | "INTEGER" | "BIGINT" | "BOOLEAN" | "DATE" | "TIMESTAMP";

const SQL_TYPE = Symbol.for("commissioning.sqlType");
type Typed = { [SQL_TYPE]?: SqlType };

function typed<T extends z.ZodType>(schema: T, type: SqlType): T {
  (schema as unknown as Typed)[SQL_TYPE] = type;
  return schema;
}

/** Column constructors: `col.text()`, `col.double().nullable()` and so on. */
export const col = {
  text: () => typed(z.string(), "VARCHAR"),
  // zod refuses NaN and infinity as numbers: an error naming the row, never a silent null.
  double: () => typed(z.number({ error: (issue) => (issue.input === undefined ? "missing" : "must be a finite number (NaN and infinity are errors, not nulls)") }), "DOUBLE"),
  integer: () => typed(z.number().int(), "INTEGER"),
  bigint: () => typed(z.number().int(), "BIGINT"),
  boolean: () => typed(z.boolean(), "BOOLEAN"),
  /** One of a fixed list of words. */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) => typed(z.enum(values), "VARCHAR"),
  /** An ISO date, YYYY-MM-DD. */
  date: () => typed(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be an ISO date (YYYY-MM-DD)"), "DATE"),
  /** An ISO timestamp. */
  timestamp: () => typed(z.string().refine((text) => !Number.isNaN(Date.parse(text)), "must be an ISO timestamp"), "TIMESTAMP"),
};

/** The DuckDB type of one field of a table schema, and whether it may be null. */
export function sqlTypeOf(field: z.ZodType): { type: SqlType; nullable: boolean } {
  let inner: z.ZodType = field;
  let nullable = false;
  // Unwrap .nullable() / .optional(): the type sits on the innermost schema.
  for (;;) {
    if (inner instanceof z.ZodNullable || inner instanceof z.ZodOptional) {
      nullable = true;
      inner = inner.unwrap() as z.ZodType;
    } else break;
  }
  const type = (inner as unknown as Typed)[SQL_TYPE];
  if (!type) throw new Error("a table schema field must be built with col.* (models/model.ts), so that its DuckDB type is known");
  return { type, nullable };
}

export type TableSchema = z.ZodObject<Record<string, z.ZodType>>;
export type RowOf<S extends TableSchema> = z.infer<S>;

/** A classification the model declares instead of inheriting its inputs' (as a SQL header line does). */
export interface DeclaredClassification {
  classification: "public" | "internal" | "personal";
  reason: string;
}

export interface ModelOutput<S extends TableSchema = TableSchema> {
  schema: S;
  /** Tests in the SQL header's words: "unique: a, b", "not_null: a", "accepted_values: a = x, y", "relationships: a -> t.a", "expression: a >= 0". */
  tests: string[];
  classification?: DeclaredClassification;
}

/** Read-only access to the warehouse being built. */
export interface ModelContext {
  all<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** The run's id and its start time (ISO), for models that record the run itself. */
  run: { id: string; startedAt: string };
}

export interface TypeScriptModel<O extends Record<string, ModelOutput> = Record<string, ModelOutput>> {
  /** A name for messages and the step list, e.g. "outcomes_indicators". */
  name: string;
  /** Path of the module, relative to the project root, for messages. */
  path: string;
  /** Tables (models, raw tables, seeds) it reads; the runner orders it after them. */
  reads: string[];
  outputs: O;
  /** Rows for every output; the runner checks each row against its output's schema before writing. */
  build(context: ModelContext): Promise<{ [K in keyof O]: readonly object[] }>;
}

/** Declares a TypeScript model; the identity function, there for the types. */
export function defineModel<O extends Record<string, ModelOutput>>(model: TypeScriptModel<O>): TypeScriptModel<O> {
  return model;
}
