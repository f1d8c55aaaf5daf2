// A digest of every public table in a warehouse, for comparing two runs' results: per table,
// its columns, row count, a hash of its other columns' values in a fixed order, and for each
// DOUBLE column its sum, sum of squares and a sum weighted by each row's key, compared with a
// relative tolerance (summing in another order moves the last bits of a double, and rounding
// to fixed digits would then differ at a boundary). Run as a script it prints the digest of a
// warehouse file as JSON:
//   npx tsx tests/mart-digest.ts warehouse/warehouse.duckdb > tests/integration/public-marts.digest.json
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { openWarehouse } from "../pipelines/warehouse.ts";

export type Digest = Record<string, { columns: string[]; rows: number; sha256: string; doubles: Record<string, [number, number, number]> }>;

/** Tables that record the run itself (ids, times, file times, history), which differ between any two runs. */
const RUN_FACTS = /^(loads|meta_(run|runs|release_sources|release_figures|source_freshness))$/;

export async function martDigest(path: string): Promise<Digest> {
  const db = await openWarehouse(path, { readOnly: true });
  try {
    const tables = await db.all<{ table_name: string }>(`select table_name from meta_classification where classification = 'public' and table_name not like 'raw_%' order by table_name`);
    const digest: Digest = {};
    for (const { table_name: table } of tables) {
      if (RUN_FACTS.test(table)) continue;
      const columns = await db.all<{ column_name: string; data_type: string }>(`select column_name, data_type from information_schema.columns where table_name = '${table}' order by ordinal_position`);
      if (columns.length === 0) continue;
      const exact = columns.filter((c) => c.data_type !== "DOUBLE" && c.data_type !== "FLOAT").map((c) => `coalesce("${c.column_name}"::varchar, '<null>')`);
      const key = exact.length ? `concat_ws(' | ', ${exact.join(", ")})` : "''";
      const rows = await db.all<{ line: string }>(`select ${key} as line from "${table}" order by line`);
      const hash = createHash("sha256");
      for (const row of rows) hash.update(`${row.line}\n`);
      const doubles: Record<string, [number, number, number]> = {};
      for (const { column_name } of columns.filter((c) => c.data_type === "DOUBLE" || c.data_type === "FLOAT")) {
        const name = `"${column_name}"`;
        const [sums] = await db.all<{ s: number | null; q: number | null; w: number | null }>(
          `select sum(${name}) as s, sum(${name} * ${name}) as q, sum(${name} * (hash(${key}) % 997 + 1)::double) as w from "${table}"`,
        );
        doubles[column_name] = [sums?.s ?? 0, sums?.q ?? 0, sums?.w ?? 0];
      }
      digest[table] = { columns: columns.map((c) => `${c.column_name} ${c.data_type}`), rows: rows.length, sha256: hash.digest("hex"), doubles };
    }
    return digest;
  } finally {
    db.close();
  }
}

/** Where two digests differ, table by table; doubles within `tolerance` (relative) count as equal. */
export function digestDifferences(before: Digest, after: Digest, tolerance = 1e-9): string[] {
  const close = (a: number, b: number) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
  const out: string[] = [];
  for (const table of Object.keys(before)) {
    const a = before[table]!;
    const b = after[table];
    if (!b) out.push(`${table}: missing`);
    else if (a.columns.join() !== b.columns.join()) out.push(`${table}: columns ${a.columns.join(", ")} became ${b.columns.join(", ")}`);
    else if (a.rows !== b.rows) out.push(`${table}: ${a.rows} rows became ${b.rows}`);
    else if (a.sha256 !== b.sha256) out.push(`${table}: values of its text, integer and date columns changed`);
    else for (const [column, sums] of Object.entries(a.doubles)) if (!sums.every((value, i) => close(value, b.doubles[column]![i]!))) out.push(`${table}.${column}: sums ${sums.join(", ")} became ${b.doubles[column]!.join(", ")}`);
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.stdout.write(`${JSON.stringify(await martDigest(process.argv[2]!), null, 1)}\n`);
}
