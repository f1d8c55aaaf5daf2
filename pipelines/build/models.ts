// The one model runner. Finds the SQL models and takes the TypeScript models (models/index.ts),
// puts both in one dependency graph by the tables each reads, builds them in order and runs
// the tests each declares, right after building it, so nothing reads an untested table.
//
// A SQL model is one file, models/<layer>/<name>.sql, holding one SELECT; it becomes table <name>.
// A TypeScript model declares its outputs (one zod schema each), the tables it reads, its tests
// and classification in one exported object (models/model.ts); its rows go through the appender.
// Tests are written the same way for both; in a SQL file, one per comment line at the top:
//   -- test unique: area_code, year, sex, age
//   -- test not_null: area_code, population
//   -- test accepted_values: sex = persons, male, female
//   -- test relationships: area_code -> int_areas.area_code
//   -- test expression: population >= 0
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import type { ModelContext, TableSchema, TypeScriptModel } from "../../models/model.ts";
import { declaredClassification, type Declared } from "./classification.ts";
import { ident, literal, type Warehouse } from "../warehouse.ts";
import { writeTable } from "./write-table.ts";

export const LAYERS = ["staging", "intermediate", "marts"] as const;

export interface ModelTest {
  kind: "unique" | "not_null" | "accepted_values" | "relationships" | "expression";
  /** The declaration as written, for messages. */
  text: string;
  sql: string;
  /** Another model or table the test reads (relationships). */
  reads?: string;
}

/** One table a model writes, with its tests and any classification it declares. */
export interface ModelOutput {
  table: string;
  tests: ModelTest[];
  declared: Declared | null;
  /** TypeScript models: the schema rows are checked against and columns typed by. */
  schema?: TableSchema;
}

export interface Model {
  kind: "sql" | "typescript";
  name: string;
  path: string;
  /** SQL models: the SELECT. */
  sql?: string;
  /** TypeScript models: the declaration. */
  module?: TypeScriptModel;
  outputs: ModelOutput[];
  /** Other models this one reads (by the tables they write), so it is built after them. */
  dependsOn: string[];
  /** Every other table it reads (raw_*, seeds, run tables), for classification. */
  rawReads: string[];
}

function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, " ").replace(/\/\*[\s\S]*?\*\//g, " ");
}

function list(text: string): string[] {
  return text.split(",").map((item) => item.trim()).filter(Boolean);
}

export function parseTest(model: string, text: string, where: string): ModelTest {
  const match = /^(\w+):\s*(.+)$/.exec(text.trim());
  if (!match) throw new Error(`${where}: cannot read test '${text}' (expected 'kind: arguments')`);
  const [, kind, args] = match as unknown as [string, string, string];
  const table = ident(model);
  switch (kind) {
    case "unique": {
      const columns = list(args).map(ident).join(", ");
      return { kind, text, sql: `select ${columns}, count(*) as copies from ${table} group by ${columns} having count(*) > 1` };
    }
    case "not_null": {
      const condition = list(args).map((column) => `${ident(column)} is null`).join(" or ");
      return { kind, text, sql: `select * from ${table} where ${condition}` };
    }
    case "accepted_values": {
      const [column, values] = args.split("=").map((part) => part.trim());
      if (!column || !values) throw new Error(`${where}: accepted_values needs 'column = value, value'`);
      return { kind, text, sql: `select * from ${table} where ${ident(column)} not in (${list(values).map(literal).join(", ")})` };
    }
    case "relationships": {
      const relation = /^(\w+)\s*->\s*(\w+)\.(\w+)$/.exec(args.trim());
      if (!relation) throw new Error(`${where}: relationships needs 'column -> model.column'`);
      const [, column, other, otherColumn] = relation as unknown as [string, string, string, string];
      return {
        kind,
        text,
        reads: other,
        sql: `select * from ${table} where ${ident(column)} is not null and ${ident(column)} not in (select ${ident(otherColumn)} from ${ident(other)})`,
      };
    }
    case "expression":
      return { kind, text, sql: `select * from ${table} where not coalesce((${args}), false)` };
    default:
      throw new Error(`${where}: unknown test kind '${kind}' (unique, not_null, accepted_values, relationships, expression)`);
  }
}

/**
 * Reads every SQL model under models/<layer>/ and takes the TypeScript models given, and works
 * out what each reads. `knownTables` are other tables (raw, seeds) a model may read.
 */
export function discoverModels(root: string, typescript: readonly TypeScriptModel[] = [], knownTables: string[] = []): Model[] {
  const files = LAYERS.flatMap((layer) => {
    const dir = join(root, "models", layer);
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((name) => name.endsWith(".sql")).sort();
    } catch {
      names = [];
    }
    return names.map((name) => join(dir, name));
  });
  const sqlNames = files.map((file) => basename(file, ".sql"));
  const names = [...sqlNames, ...typescript.map((model) => model.name)];
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new Error(`two models are named '${duplicate}': model names must be unique across layers and kinds`);
  // Which model writes each table: a SQL model its own name, a TypeScript model its outputs.
  const writer = new Map<string, string>(sqlNames.map((name) => [name, name]));
  for (const model of typescript) {
    for (const table of Object.keys(model.outputs)) {
      if (writer.has(table)) throw new Error(`${model.path}: table '${table}' is already written by model '${writer.get(table)}'`);
      writer.set(table, model.name);
    }
  }
  const depsOf = (name: string, tables: Iterable<string>, own: string[]) =>
    [...new Set([...tables].filter((table) => writer.has(table) && !own.includes(table)).map((table) => writer.get(table)!))].filter((dep) => dep !== name);

  const sql: Model[] = files.map((file) => {
    const name = basename(file, ".sql");
    const path = relative(root, file);
    const text = readFileSync(file, "utf8");
    const tests = [...text.matchAll(/^--\s*test\s+(.+)$/gm)].map((match, index) => parseTest(name, match[1]!, `${path} test ${index + 1}`));
    const body = stripComments(text).trim().replace(/;\s*$/, "");
    const words = new Set(body.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
    const testReads = tests.flatMap((test) => (test.reads ? [test.reads] : []));
    const reads = [...[...writer.keys(), ...knownTables].filter((table) => words.has(table)), ...testReads];
    return {
      kind: "sql",
      name,
      path,
      sql: body,
      outputs: [{ table: name, tests, declared: declaredClassification(path, text) }],
      dependsOn: depsOf(name, reads, [name]),
      rawReads: [...new Set([...[...words].filter((word) => word.startsWith("raw_")), ...knownTables.filter((table) => words.has(table))])].sort(),
    };
  });
  const ts: Model[] = typescript.map((module) => {
    const own = Object.keys(module.outputs);
    const outputs = Object.entries(module.outputs).map(([table, output]) => {
      const tests = output.tests.map((text, index) => parseTest(table, text, `${module.path} ${table} test ${index + 1}`));
      return { table, tests, declared: output.classification ?? null, schema: output.schema, testReads: tests.flatMap((test) => (test.reads ? [test.reads] : [])) };
    });
    const reads = [...module.reads, ...outputs.flatMap((output) => output.testReads)];
    return {
      kind: "typescript",
      name: module.name,
      path: module.path,
      module,
      outputs: outputs.map(({ testReads: _, ...output }) => output),
      dependsOn: depsOf(module.name, reads, own),
      rawReads: module.reads.filter((table) => !writer.has(table)).sort(),
    };
  });
  return [...sql, ...ts];
}

/** Orders models so each comes after everything it reads; a cycle is an error naming it. */
export function sortModels(models: Model[]): Model[] {
  const byName = new Map(models.map((model) => [model.name, model]));
  const done = new Set<string>();
  const visiting: string[] = [];
  const order: Model[] = [];
  const visit = (model: Model) => {
    if (done.has(model.name)) return;
    if (visiting.includes(model.name)) {
      throw new Error(`models depend on each other in a cycle: ${[...visiting.slice(visiting.indexOf(model.name)), model.name].join(" -> ")}`);
    }
    visiting.push(model.name);
    for (const dep of model.dependsOn) visit(byName.get(dep)!);
    visiting.pop();
    done.add(model.name);
    order.push(model);
  };
  for (const model of models) visit(model);
  return order;
}

/** Builds one model's tables; returns the rows written. */
export async function buildModel(db: Warehouse, model: Model, run: ModelContext["run"] = { id: "", startedAt: new Date().toISOString() }): Promise<number> {
  if (model.kind === "sql") {
    try {
      await db.run(`create or replace table ${ident(model.name)} as ${model.sql}`);
    } catch (error) {
      throw new Error(`${model.path}: ${(error as Error).message}`);
    }
    const [row] = await db.all<{ n: number }>(`select count(*)::integer as n from ${ident(model.name)}`);
    return row?.n ?? 0;
  }
  const module = model.module!;
  let rows: Record<string, readonly object[]>;
  try {
    rows = await module.build({ all: (sql) => db.all(sql), run });
  } catch (error) {
    throw new Error(`${model.path}: ${(error as Error).message}`);
  }
  let written = 0;
  for (const output of model.outputs) {
    const table = rows[output.table];
    if (!table) throw new Error(`${model.path}: build() returned no rows for its output '${output.table}'`);
    written += await writeTable(db, output.table, output.schema!, table, model.path);
  }
  return written;
}

export interface TestFailure {
  model: string;
  table: string;
  path: string;
  test: string;
  failingRows: number;
  sample: Record<string, unknown>[];
}

/** Runs every test the models declare; returns the failures (an empty list means all passed). */
export async function runModelTests(db: Warehouse, models: Model[]): Promise<{ run: number; failures: TestFailure[] }> {
  const failures: TestFailure[] = [];
  let run = 0;
  for (const model of models) {
    for (const output of model.outputs) {
      for (const test of output.tests) {
        run++;
        let rows: Record<string, unknown>[];
        try {
          rows = await db.all(`select * from (${test.sql}) limit 1000`);
        } catch (error) {
          throw new Error(`${model.path}: test '${test.text}' on ${output.table} could not run: ${(error as Error).message}`);
        }
        if (rows.length > 0) {
          failures.push({ model: model.name, table: output.table, path: model.path, test: test.text, failingRows: rows.length, sample: rows.slice(0, 3) });
        }
      }
    }
  }
  return { run, failures };
}
