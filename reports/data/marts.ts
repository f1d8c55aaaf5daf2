// What every loader uses to read the published warehouse: read-only, marts only.
// The pipeline points WAREHOUSE_PATH at the warehouse it has just built and tested, and
// SITE_AUDIENCE at the build it is making. The public build (the default) may read only tables
// classified public in meta_classification (pipelines/build/classification.ts); the internal
// commissioner build may read any mart.
import { appendFileSync } from "node:fs";
import { relative } from "node:path";
import { literal, openWarehouse, type Row, type Warehouse } from "../../pipelines/warehouse.ts";
import { SOURCES } from "../../sources/index.ts";

const MART = /^(needs|market|outcomes|contracts|meta)_/;

/** The loader running, as its path in reports/ (the build runs a private copy of the folder). */
export function loaderName(): string {
  return relative(process.cwd(), process.argv[1] ?? "loader").replace(/^\.site-src-[^/]+\//, "reports/");
}

/**
 * The public build's guard: every table named must be classified public. One query for all of
 * a loader's tables; the message is what site.ts looks for to name the page.
 */
async function checkPublic(db: Warehouse, marts: string[]): Promise<void> {
  const [known] = await db.all(`select 1 from information_schema.tables where table_name = 'meta_classification'`);
  if (!known) throw new Error(`public build refused: ${loaderName()} reads table ${marts[0]}, but the warehouse has no meta_classification (run the pipeline)`);
  const rows = await db.all<{ table_name: string; classification: string; reason: string }>(
    `select table_name, classification, reason from meta_classification where table_name in (${marts.map(literal).join(", ")})`,
  );
  const classes = new Map(rows.map((row) => [row.table_name, row]));
  for (const mart of marts) {
    const row = classes.get(mart);
    if (!row || row.classification !== "public") {
      throw new Error(
        `public build refused: ${loaderName()} reads table ${mart}, classified ${row ? `${row.classification} (${row.reason})` : "nowhere"}; only public tables may reach the public site`,
      );
    }
  }
}

export async function readMarts<T = Row>(queries: Record<string, { mart: string; sql: string }>): Promise<Record<string, T[]>> {
  const db = await openWarehouse(process.env.WAREHOUSE_PATH ?? "warehouse/warehouse.duckdb", { readOnly: true });
  const internal = process.env.SITE_AUDIENCE === "internal";
  try {
    const marts = Object.values(queries).map((query) => query.mart);
    // Reports depend on marts only; staging and raw tables may change shape at any time.
    const other = marts.find((mart) => !MART.test(mart));
    if (other) throw new Error(`reports may read marts only, not '${other}'`);
    if (!internal) await checkPublic(db, [...new Set(marts)]);
    const out: Record<string, T[]> = {};
    for (const [key, { mart, sql }] of Object.entries(queries)) {
      out[key] = await db.all<T>(sql.replaceAll("{mart}", mart));
      // The site build lists every table a page drew on in the published catalogue.
      if (process.env.SITE_MART_LOG) appendFileSync(process.env.SITE_MART_LOG, `${JSON.stringify({ loader: loaderName(), mart })}\n`);
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
