// The public build's guard checks every table a page-data query reads, not only the mart it
// is filed under: a query filed under a public mart that joins an internal mart, or reads a raw
// table in a subquery or through a table function, is refused naming the table.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openReadOnly, pageDataContext } from "../../reports/data/marts.ts";
import type { SiteArea } from "../../reports/data/site-areas.ts";
import { openWarehouse } from "../../pipelines/warehouse.ts";

const path = join(mkdtempSync(join(tmpdir(), "guard-")), "w.duckdb");
let db: Awaited<ReturnType<typeof openReadOnly>>;

beforeAll(async () => {
  const setup = await openWarehouse(path);
  await setup.run(`
    create table needs_open as select 'E1' as area_code, 5 as n;
    create table contracts_secret as select 'E1' as area_code, 'Supplier Ltd' as supplier;
    create table raw_spend as select 'E1' as area_code, 'Sole Trader' as payee;
    create table meta_classification (table_name varchar, classification varchar, reason varchar);
    insert into meta_classification values ('needs_open', 'public', 'source'), ('contracts_secret', 'internal', 'register'), ('raw_spend', 'internal', 'spend');`);
  setup.close();
  db = await openReadOnly(path);
});
afterAll(() => db.close());

const areas: SiteArea[] = [
  { area_code: "E06000001", role: "council", sort_order: 0 },
  { area_code: "E92000001", role: "england", sort_order: 1 },
];

const publicReader = () => pageDataContext({ db, areas, audience: "public", loader: "reports/data/x.json.ts" }).readMarts;

describe("the public guard", () => {
  it("lets a query of public marts through, CTEs and all, and records every table it read", async () => {
    const read: string[] = [];
    const readMarts = pageDataContext({ db, areas, audience: "public", loader: "reports/data/x.json.ts", onRead: (table) => read.push(table) }).readMarts;
    const { rows } = await readMarts({ rows: { mart: "needs_open", sql: "with t as (select * from {mart}) select n from t" } });
    expect(rows).toEqual([{ n: 5 }]);
    expect(read).toEqual(["needs_open"]);
  });

  it("refuses a query filed under a public mart that joins an internal one", async () => {
    await expect(publicReader()({ rows: { mart: "needs_open", sql: "select * from {mart} join contracts_secret using (area_code)" } })).rejects.toThrow(
      "public build refused: reports/data/x.json.ts reads table contracts_secret, classified internal (register)",
    );
  });

  it("refuses a raw table read in a subquery, and a table function, in any build", async () => {
    await expect(publicReader()({ rows: { mart: "needs_open", sql: "select *, (select max(payee) from raw_spend) as p from {mart}" } })).rejects.toThrow("reports may read marts only, not 'raw_spend'");
    const internal = pageDataContext({ db, areas, audience: "internal", loader: "reports/internal/data/y.json.ts" }).readMarts;
    await expect(internal({ rows: { mart: "needs_open", sql: "select * from read_csv('sources/data/x.csv')" } })).rejects.toThrow("not a table function");
  });

  it("gives every query the site's areas and council as values, which the guard lets through", async () => {
    const { rows } = await publicReader()({
      rows: { mart: "needs_open", sql: "select a.area_code, a.role, {council} as council from {areas} a left join {mart} m on m.area_code = a.area_code order by a.sort_order" },
    });
    expect(rows).toEqual([
      { area_code: "E06000001", role: "council", council: "E06000001" },
      { area_code: "E92000001", role: "england", council: "E06000001" },
    ]);
  });
});
