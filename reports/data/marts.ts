// What every loader uses to read the published warehouse: read-only, marts only.
// The pipeline points WAREHOUSE_PATH at the warehouse it has just built and tested.
import { openWarehouse, type Row } from "../../pipelines/warehouse.ts";
import { SOURCES } from "../../sources/index.ts";

const MART = /^(needs|market|outcomes|contracts|meta)_/;

export async function readMarts<T = Row>(queries: Record<string, { mart: string; sql: string }>): Promise<Record<string, T[]>> {
  const db = await openWarehouse(process.env.WAREHOUSE_PATH ?? "warehouse/warehouse.duckdb", { readOnly: true });
  try {
    const out: Record<string, T[]> = {};
    for (const [key, { mart, sql }] of Object.entries(queries)) {
      // Reports depend on marts only; staging and raw tables may change shape at any time.
      if (!MART.test(mart)) throw new Error(`reports may read marts only, not '${mart}'`);
      out[key] = await db.all<T>(sql.replaceAll("{mart}", mart));
    }
    return out;
  } finally {
    db.close();
  }
}

/** Citation details of the named sources, as declared in the source registry. */
export function citations(ids: string[]) {
  return SOURCES.filter((source) => ids.includes(source.id)).map((source) => ({
    id: source.id,
    title: source.title,
    publisher: source.publisher,
    edition: source.edition,
    released: source.files.map((file) => file.released).sort().at(-1),
    licence: source.licence.name,
    url: source.url,
  }));
}
