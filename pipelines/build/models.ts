// Finds the SQL models, works out their order from the tables each one reads, builds them and
// runs the tests declared in their header comments.
//
// A model is one file, models/<layer>/<name>.sql, holding one SELECT; it becomes table <name>.
// Tests sit in the same file, one per comment line at the top:
//   -- test unique: area_code, year, sex, age
//   -- test not_null: area_code, population
//   -- test accepted_values: sex = persons, male, female
//   -- test relationships: area_code -> int_areas.area_code
//   -- test expression: population >= 0
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { declaredClassification, type Declared } from "./classification.ts";
import { ident, literal, type Warehouse } from "../warehouse.ts";

export const LAYERS = ["staging", "intermediate", "marts"] as const;

export interface ModelTest {
  kind: "unique" | "not_null" | "accepted_values" | "relationships" | "expression";
  /** The declaration as written, for messages. */
  text: string;
  sql: string;
  /** Another model or table the test reads (relationships). */
  reads?: string;
}

export interface Model {
  name: string;
  path: string;
  sql: string;
  dependsOn: string[];
  /** Raw source tables (raw_*) the SQL reads. */
  rawReads: string[];
  /** The model's declared classification, if its header lowers or raises the inherited one. */
  declared: Declared | null;
  tests: ModelTest[];
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

/** Reads every model under models/<layer>/ and the tables each one refers to. */
export function discoverModels(root: string, knownTables: string[] = []): Model[] {
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
  const names = files.map((file) => basename(file, ".sql"));
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new Error(`two models are named '${duplicate}': model names must be unique across layers`);

  return files.map((file) => {
    const name = basename(file, ".sql");
    const path = relative(root, file);
    const text = readFileSync(file, "utf8");
    const tests = [...text.matchAll(/^--\s*test\s+(.+)$/gm)].map((match, index) => parseTest(name, match[1]!, `${path} test ${index + 1}`));
    const body = stripComments(text).trim().replace(/;\s*$/, "");
    const words = new Set(body.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
    const reads = [...names, ...knownTables].filter((other) => other !== name && words.has(other));
    const testReads = tests.flatMap((test) => (test.reads ? [test.reads] : []));
    return {
      name,
      path,
      sql: body,
      dependsOn: [...new Set([...reads, ...testReads])].filter((dep) => names.includes(dep)),
      rawReads: [...words].filter((word) => word.startsWith("raw_")).sort(),
      declared: declaredClassification({ path }, text),
      tests,
    };
  });
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

export async function buildModel(db: Warehouse, model: Model): Promise<number> {
  try {
    await db.run(`create or replace table ${ident(model.name)} as ${model.sql}`);
  } catch (error) {
    throw new Error(`${model.path}: ${(error as Error).message}`);
  }
  const [row] = await db.all<{ n: number }>(`select count(*)::integer as n from ${ident(model.name)}`);
  return row?.n ?? 0;
}

export interface TestFailure {
  model: string;
  path: string;
  test: string;
  failingRows: number;
  sample: Record<string, unknown>[];
}

/** Runs every declared test; returns the failures (an empty list means all passed). */
export async function runModelTests(db: Warehouse, models: Model[]): Promise<{ run: number; failures: TestFailure[] }> {
  const failures: TestFailure[] = [];
  let run = 0;
  for (const model of models) {
    for (const test of model.tests) {
      run++;
      let rows: Record<string, unknown>[];
      try {
        rows = await db.all(`select * from (${test.sql}) limit 1000`);
      } catch (error) {
        throw new Error(`${model.path}: test '${test.text}' could not run: ${(error as Error).message}`);
      }
      if (rows.length > 0) {
        failures.push({ model: model.name, path: model.path, test: test.text, failingRows: rows.length, sample: rows.slice(0, 3) });
      }
    }
  }
  return { run, failures };
}
