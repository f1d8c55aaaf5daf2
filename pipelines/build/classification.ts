// Classification flows from the source declarations through the models: a table is as
// restricted as its most restricted input. A model may lower that only by saying so in its
// header, with a reason, for example a staging model that drops the personal columns:
//   -- classification: public: drops the nominated individual's name
// and the lowering is checked: no column that an input declares internal or personal may
// appear in the model's output. The result is kept in the warehouse (meta_classification),
// where the public site build reads it to refuse any table that is not public.
import type { Classification, Source } from "../../sources/declaration.ts";
import { CLASSIFICATIONS } from "../../sources/declaration.ts";
import { literal, type Warehouse } from "../warehouse.ts";

const RANK: Record<Classification, number> = { public: 0, internal: 1, personal: 2 };

export interface TableClass {
  table: string;
  classification: Classification;
  /** Why: "source <id>", "inherits <table>", or the model's declared reason. */
  reason: string;
  inputs: string[];
  /** Columns an input declares internal or personal, by name, that this table carries. */
  restrictedColumns: string[];
}

export interface Declared {
  classification: Classification;
  reason: string;
}

/** Reads a model's `-- classification: <level>: <reason>` header line, if any. */
export function declaredClassification(path: string, text: string): Declared | null {
  const lines = [...text.matchAll(/^--\s*classification:\s*(.*)$/gm)];
  if (lines.length === 0) return null;
  if (lines.length > 1) throw new Error(`${path}: more than one classification line`);
  const match = /^(\w+):\s*(\S.*)$/.exec(lines[0]![1]!.trim());
  if (!match || !(CLASSIFICATIONS as readonly string[]).includes(match[1]!)) {
    throw new Error(`${path}: classification line must read '-- classification: public|internal|personal: <reason>'`);
  }
  return { classification: match[1] as Classification, reason: match[2]! };
}

const most = (levels: Classification[]): Classification =>
  levels.reduce<Classification>((worst, level) => (RANK[level] > RANK[worst] ? level : worst), "public");

export function isRestricted(level: Classification): boolean {
  return level !== "public";
}

/** The classification of each raw table, from its source declaration. */
export function classifySources(sources: readonly Source[]): TableClass[] {
  return sources.map((source) => ({
    table: source.table,
    classification: source.classification,
    reason: `source ${source.id}`,
    inputs: [],
    restrictedColumns: source.columns.filter((column) => column.classification && isRestricted(column.classification)).map((column) => column.name),
  }));
}

/**
 * Classifies one table built from known inputs. `outputColumns` are the table's columns as
 * built; a declared lowering fails if any of them is an input's restricted column.
 */
export function classifyTable(
  table: string,
  where: string,
  inputs: string[],
  known: Map<string, TableClass>,
  outputColumns: string[],
  declared: Declared | null,
): TableClass {
  const parents = inputs.map((input) => {
    const parent = known.get(input);
    if (!parent) throw new Error(`${where}: cannot classify: input '${input}' has no classification yet`);
    return parent;
  });
  const inherited = most(parents.map((parent) => parent.classification));
  const carried = [...new Set(parents.flatMap((parent) => parent.restrictedColumns))].filter((column) => outputColumns.includes(column));
  const strictest = parents.find((parent) => parent.classification === inherited);
  if (declared && RANK[declared.classification] < RANK[inherited] && carried.length > 0) {
    throw new Error(
      `${where}: declared ${declared.classification} but carries ${carried.map((column) => `'${column}'`).join(", ")}, classified ${inherited} in its inputs; drop the column or aggregate it away`,
    );
  }
  const classification = declared ? declared.classification : inherited;
  return {
    table,
    classification,
    reason: declared ? declared.reason : inputs.length ? `inherits ${strictest!.table} (${inherited})` : "no inputs",
    inputs,
    restrictedColumns: carried,
  };
}

export const CLASSIFICATION_TABLE_SQL = `create or replace table meta_classification (
  table_name varchar primary key, classification varchar not null, reason varchar not null,
  inputs varchar[] not null, restricted_columns varchar[] not null)`;

export async function columnsOf(db: Warehouse, table: string): Promise<string[]> {
  const rows = await db.all<{ column_name: string }>(`select column_name from information_schema.columns where table_name = ${literal(table)} order by ordinal_position`);
  return rows.map((row) => row.column_name);
}

/** Writes every classification to meta_classification (replacing the previous run's). */
export async function writeClassifications(db: Warehouse, classes: Iterable<TableClass>): Promise<number> {
  await db.run(CLASSIFICATION_TABLE_SQL);
  const list = (items: string[]) => `[${items.map(literal).join(", ")}]::varchar[]`;
  let count = 0;
  for (const item of classes) {
    await db.run(`insert into meta_classification values (${literal(item.table)}, ${literal(item.classification)}, ${literal(item.reason)}, ${list(item.inputs)}, ${list(item.restrictedColumns)})`);
    count++;
  }
  return count;
}

/** Tables that the run itself writes (meta_*) hold run facts and publication history only. */
export function runTable(table: string, reason: string): TableClass {
  return { table, classification: "public", reason, inputs: [], restrictedColumns: [] };
}

/** Every table in the warehouse that has no classification: treated as restricted by the guard. */
export async function unclassifiedTables(db: Warehouse, known: Map<string, TableClass>): Promise<string[]> {
  const rows = await db.all<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'main'`);
  return rows.map((row) => row.table_name).filter((name) => /^(needs|market|outcomes|contracts)_/.test(name) && !known.has(name));
}

