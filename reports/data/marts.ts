// What every page-data module uses to read the warehouse: read-only, marts only.
//
// A page-data module (reports/data/<name>.json.ts, reports/internal/data/…) exports, as its
// default, a function from a context to the file's text. It runs in one of two ways:
// - In a pipeline build, pipelines/site/page-data.ts imports every module into the pipeline's
//   own process and calls it with one read-only connection to the build's warehouse snapshot,
//   then writes the text as a static file into the build's copy of reports/ (and leaves the
//   module out of the copy), so Framework finds a static file and runs no loader process.
// - Under `npm run dev`, Framework runs the module as a data loader (tsx, its own process);
//   `pageData` sees it is the process entry, opens WAREHOUSE_PATH (the published warehouse by
//   default) read-only and writes the text to stdout.
// The public build (SITE_AUDIENCE=public, the default) may read only tables classified public
// in meta_classification (pipelines/build/classification.ts); the internal commissioner build
// may read any mart.
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { areasSql, councilSql, resolveSiteAreas, type SiteArea } from "./site-areas.ts";

export type Row = Record<string, unknown>;
export type Audience = "public" | "internal";

/** A read-only connection: the pipeline passes its own; dev opens one (openReadOnly). */
export interface Connection {
  all<T = Row>(sql: string): Promise<T[]>;
}

export interface MartQuery {
  mart: string;
  sql: string;
}

export interface PageDataContext {
  /**
   * Runs the queries; `{mart}` in each is the mart's name, `{areas}` the site's areas and
   * `{council}` its council (reports/data/site-areas.ts). The public build refuses non-public marts.
   */
  readMarts<T = Row>(queries: Record<string, MartQuery>): Promise<Record<string, T[]>>;
}

export type PageData = (context: PageDataContext) => Promise<string>;

export interface ContextOptions {
  db: Connection;
  audience: Audience;
  /** The council the site is about, its comparators and England (reports/data/site-areas.ts). */
  areas: readonly SiteArea[];
  /** The module, as its path under reports/, for messages and the published catalogue. */
  loader: string;
  /** Told of every mart read, for the catalogue of what the public pages drew on. */
  onRead?: (mart: string) => void;
}

const MART = /^(needs|market|outcomes|contracts|meta)_/;

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * The public build's guard: every table named must be classified public. One query for all of
 * a module's tables; pipelines/site/page-data.ts reads the message to name the page.
 */
async function checkPublic(db: Connection, loader: string, marts: string[]): Promise<void> {
  const [known] = await db.all(`select 1 from information_schema.tables where table_name = 'meta_classification'`);
  if (!known) throw new Error(`public build refused: ${loader} reads table ${marts[0]}, but the warehouse has no meta_classification (run the pipeline)`);
  const rows = await db.all<{ table_name: string; classification: string; reason: string }>(
    `select table_name, classification, reason from meta_classification where table_name in (${marts.map(literal).join(", ")})`,
  );
  const classes = new Map(rows.map((row) => [row.table_name, row]));
  for (const mart of marts) {
    const row = classes.get(mart);
    if (!row || row.classification !== "public") {
      throw new Error(
        `public build refused: ${loader} reads table ${mart}, classified ${row ? `${row.classification} (${row.reason})` : "nowhere"}; only public tables may reach the public site`,
      );
    }
  }
}

/**
 * Every table a query reads, from DuckDB's own parse of it (json_serialize_sql): base tables in
 * FROM, joins and subqueries, less the names of its CTEs. A table function (read_csv, glob...)
 * would reach past the warehouse, so it is refused.
 */
async function tablesRead(db: Connection, loader: string, sql: string): Promise<string[]> {
  const [row] = await db.all<{ tree: string }>(`select json_serialize_sql(${literal(sql)}) as tree`);
  const tree = JSON.parse(row!.tree) as { error: boolean; error_message?: string };
  if (tree.error) throw new Error(`${loader}: cannot read query: ${tree.error_message ?? "parse error"}`);
  const tables = new Set<string>();
  const ctes = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== "object") return;
    const item = node as Record<string, unknown>;
    if (item.type === "BASE_TABLE" && typeof item.table_name === "string") tables.add(item.table_name);
    if (item.type === "TABLE_FUNCTION") throw new Error(`${loader}: page data may read warehouse tables only, not a table function`);
    for (const cte of ((item.cte_map as { map?: { key: string }[] } | undefined)?.map ?? [])) ctes.add(cte.key);
    Object.values(item).forEach(walk);
  };
  walk(tree);
  return [...tables].filter((table) => !ctes.has(table));
}

export function pageDataContext({ db, audience, areas, loader, onRead }: ContextOptions): PageDataContext {
  const values = { areas: areasSql(areas), council: councilSql(areas) };
  return {
    async readMarts<T = Row>(queries: Record<string, MartQuery>) {
      // What each query really reads, not only the mart it is filed under: a query may join
      // or subquery other tables, and each of them must pass the same checks.
      const reads = new Map<string, { sql: string; tables: string[] }>();
      for (const [key, { mart, sql }] of Object.entries(queries)) {
        const text = sql.replaceAll("{mart}", mart).replaceAll("{areas}", values.areas).replaceAll("{council}", values.council);
        reads.set(key, { sql: text, tables: [...new Set([mart, ...(await tablesRead(db, loader, text))])] });
      }
      const tables = [...new Set([...reads.values()].flatMap((read) => read.tables))];
      // Reports depend on marts only; staging and raw tables may change shape at any time.
      const other = tables.find((table) => !MART.test(table));
      if (other) throw new Error(`reports may read marts only, not '${other}'`);
      if (audience !== "internal") await checkPublic(db, loader, tables);
      const out: Record<string, T[]> = {};
      for (const [key, read] of reads) {
        out[key] = await db.all<T>(read.sql);
        for (const table of read.tables) onRead?.(table);
      }
      return out;
    },
  };
}

/** BIGINT arrives as JS bigint; counts here fit in a double, and one that does not fails loudly. */
function plain(value: unknown): unknown {
  if (typeof value !== "bigint") return value;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`integer ${value} is too large for a JavaScript number`);
  return Number(value);
}

/** Opens a warehouse file read-only, for a module run as Framework's loader under `npm run dev`. */
export async function openReadOnly(path: string): Promise<Connection & { close(): void }> {
  const instance = await DuckDBInstance.create(path, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  return {
    async all<T = Row>(sql: string) {
      const rows = (await connection.runAndReadAll(sql)).getRowObjectsJS();
      return rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, plain(value)])) as T);
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * The council under `npm run dev`: the configuration file's council and comparators, read
 * plainly (the pipeline validates the same file with zod, pipelines/config.ts, before any build).
 */
function devChoice(path: string) {
  const config = JSON.parse(readFileSync(path, "utf8")) as { council: string; comparators?: string[]; england?: string };
  return { council: config.council, comparators: config.comparators, england: config.england ?? "E92000001" };
}

/**
 * Declares a page-data module: returns `data` for the pipeline to call, and, when the module is
 * the process Framework started (dev preview), runs it against WAREHOUSE_PATH and writes stdout.
 */
export function pageData(meta: ImportMeta, data: PageData): PageData {
  const file = fileURLToPath(meta.url);
  if (process.argv[1] === file) {
    const loader = relative(process.cwd(), file);
    const audience: Audience = process.env.SITE_AUDIENCE === "internal" ? "internal" : "public";
    void (async () => {
      const db = await openReadOnly(process.env.WAREHOUSE_PATH ?? "warehouse/warehouse.duckdb");
      try {
        const areas = await resolveSiteAreas(db, devChoice(process.env.COUNCIL_CONFIG ?? "pipelines/council.json"));
        process.stdout.write(await data(pageDataContext({ db, audience, areas, loader })));
      } finally {
        db.close();
      }
    })().catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  }
  return data;
}

export interface Citation {
  id: string;
  title: string;
  publisher: string;
  edition: string;
  released: string;
  licence: string;
  url: string;
}

/** Citation details of the named sources, in registry order, from the registry the run seeds (meta_sources). */
export async function citations(readMarts: PageDataContext["readMarts"], ids: string[]): Promise<Citation[]> {
  const { sources = [] } = await readMarts<Citation>({
    sources: {
      mart: "meta_sources",
      sql: `select source_id as id, title, publisher, edition, released::varchar as released, licence, url from {mart}
            where source_id in (${ids.map(literal).join(", ")}) order by sort_order`,
    },
  });
  return sources;
}
