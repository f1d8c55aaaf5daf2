// What every loader uses to read the published warehouse: read-only, marts only.
// The pipeline points WAREHOUSE_PATH at the warehouse it has just built and tested, and
// SITE_AUDIENCE at the build it is making. The public build (the default) may read only tables
// classified public in meta_classification (pipelines/classification.ts); the internal
// commissioner build may read any mart.
import { appendFileSync } from "node:fs";
import { relative } from "node:path";
import { openWarehouse, type Row, type Warehouse } from "../../pipelines/warehouse.ts";
import { SOURCES } from "../../sources/index.ts";

const MART = /^(needs|market|outcomes|contracts|meta)_/;

/** The loader running, as its path in reports/ (the build runs a private copy of the folder). */
export function loaderName(): string {
  return relative(process.cwd(), process.argv[1] ?? "loader").replace(/^\.site-src-[^/]+\//, "reports/");
}

/** Thrown when the public build reads a table that is not public; site.ts names the page. */
export class PublicBuildRefusal extends Error {}

async function checkPublic(db: Warehouse, mart: string): Promise<void> {
  const [known] = await db.all<{ n: number }>(`select count(*)::integer as n from information_schema.tables where table_name = 'meta_classification'`);
  if (!known?.n) throw new PublicBuildRefusal(`public build refused: ${loaderName()} reads table ${mart}, but the warehouse has no meta_classification (run the pipeline)`);
  const [row] = await db.all<{ classification: string; reason: string }>(`select classification, reason from meta_classification where table_name = '${mart.replaceAll("'", "''")}'`);
  if (!row || row.classification !== "public") {
    throw new PublicBuildRefusal(
      `public build refused: ${loaderName()} reads table ${mart}, classified ${row ? `${row.classification} (${row.reason})` : "nowhere"}; only public tables may reach the public site`,
    );
  }
}

export async function readMarts<T = Row>(queries: Record<string, { mart: string; sql: string }>): Promise<Record<string, T[]>> {
  const db = await openWarehouse(process.env.WAREHOUSE_PATH ?? "warehouse/warehouse.duckdb", { readOnly: true });
  const internal = process.env.SITE_AUDIENCE === "internal";
  try {
    const out: Record<string, T[]> = {};
    for (const [key, { mart, sql }] of Object.entries(queries)) {
      // Reports depend on marts only; staging and raw tables may change shape at any time.
      if (!MART.test(mart)) throw new Error(`reports may read marts only, not '${mart}'`);
      if (!internal) await checkPublic(db, mart);
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
