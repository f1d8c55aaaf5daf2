// Two builds, one guard: the public site holds public tables only, and a page that reads an
// internal table stops the public build, naming the page and the table. The internal site
// (commissioners) has the review pages; the public one never does. The catalogue lists every
// table the public pages read, with its sources and licences.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { loadCouncilConfig } from "../../pipelines/config.ts";
import { builtPages } from "../../pipelines/bench/page-weight.ts";
import { buildSite } from "../../pipelines/site/build.ts";
import { openWarehouse } from "../../pipelines/warehouse.ts";
import { SOURCES } from "../../sources/index.ts";

const SITE = loadCouncilConfig(resolve(import.meta.dirname, "../.."));
const root = resolve(import.meta.dirname, "../..");
const setup = inject("pipeline");
const scratch = mkdtempSync(join(tmpdir(), "publishing-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A project with one page whose loader reads a table classified internal: the real pipelines,
 * sources and configuration (linked), a planted reports/ folder and a warehouse copy with the
 * planted table.
 */
async function plantedProject(): Promise<{ projectRoot: string; warehousePath: string }> {
  const projectRoot = join(scratch, "project");
  for (const name of ["node_modules", "pipelines", "sources", "models", "package.json"]) symlinkSync(join(root, name), join(projectRoot, name));
  // The real configuration lists pages this project does not have; the same switches, no pages.
  writeFileSync(
    join(projectRoot, "observablehq.config.ts"),
    'export default { root: process.env.SITE_SOURCE, output: process.env.SITE_OUTPUT, pages: [], search: false, globalStylesheets: [], style: "style.css", header: process.env.SITE_AUDIENCE === "internal" ? "<p>Internal: planted</p>" : "" };\n',
  );
  mkdirSync(join(projectRoot, "reports", "data"), { recursive: true });
  cpSync(join(root, "reports", "data", "marts.ts"), join(projectRoot, "reports", "data", "marts.ts"));
  // marts.ts resolves the site's council with site-areas.ts.
  cpSync(join(root, "reports", "data", "site-areas.ts"), join(projectRoot, "reports", "data", "site-areas.ts"));
  cpSync(join(root, "reports", "style.css"), join(projectRoot, "reports", "style.css"));
  // A page whose address and title hold the word "error", as a contract reference may
  // (SC-CT-TERRORISM-001): Framework prints it while building, and that must not fail the build.
  writeFileSync(join(projectRoot, "reports", "sc-ct-terrorism-001.md"), "# SC-CT-TERRORISM-001: Error log review\n\nNo data.\n");
  writeFileSync(join(projectRoot, "reports", "index.md"), "# Planted\n\n```js\nconst rows = FileAttachment(\"data/contract-values.json\").json();\n```\n\n${rows.length} rows\n");
  writeFileSync(
    join(projectRoot, "reports", "data", "contract-values.json.ts"),
    'import { pageData } from "./marts.ts";\nexport default pageData(import.meta, async ({ readMarts }) => {\n  const { rows } = await readMarts({ rows: { mart: "contracts_planted", sql: "select * from {mart}" } });\n  return JSON.stringify(rows);\n});\n',
  );
  const warehousePath = join(scratch, "planted.duckdb");
  cpSync(join(setup.warehouseDir, "warehouse.duckdb"), warehousePath);
  const db = await openWarehouse(warehousePath);
  try {
    await db.run(`create table contracts_planted as select 'C-001' as reference, 125000 as value`);
    await db.run(`insert into meta_classification values ('contracts_planted', 'internal', 'planted by the test', [], [])`);
  } finally {
    db.close();
  }
  return { projectRoot, warehousePath };
}

describe("the public build's guard", () => {
  it("fails when a page reads an internal table, naming the page and the table; the internal build may read it", async () => {
    mkdirSync(join(scratch, "project"));
    const { projectRoot, warehousePath } = await plantedProject();
    await expect(buildSite({ site: SITE, root: projectRoot, warehousePath, outDir: join(scratch, "public"), audience: "public" })).rejects.toThrow(
      /public build refused: page reports\/index\.md reads table contracts_planted through reports\/data\/contract-values\.json\.ts.*classified internal \(planted by the test\)/,
    );
    await buildSite({ site: SITE, root: projectRoot, warehousePath, outDir: join(scratch, "internal"), audience: "internal" });
    expect(readFileSync(join(scratch, "internal", "index.html"), "utf8")).toContain("Internal:");
    expect(readFileSync(join(scratch, "internal", "sc-ct-terrorism-001.html"), "utf8")).toContain("Error log review");
  }, 300_000);
});

describe("the two builds from the default run", () => {
  it("keep the internal pages out of the public site", () => {
    expect(existsSync(join(setup.internalSiteDir, "internal", "freshness.html"))).toBe(true);
    expect(existsSync(join(setup.internalSiteDir, "internal", "runs.html"))).toBe(true);
    expect(builtPages(setup.siteDir).filter((page) => page.startsWith("/internal"))).toEqual([]);
    expect(existsSync(join(setup.siteDir, "internal"))).toBe(false);
    expect(readFileSync(join(setup.siteDir, "index.html"), "utf8")).not.toContain("Internal:");
  });

  it("the internal run history lists the run that built it, and source freshness every source", () => {
    const attachment = (stem: string) => {
      const dir = join(setup.internalSiteDir, "_file", "internal", "data");
      const name = readdirSync(dir).find((file) => file.startsWith(`${stem}.`) && file.endsWith(".json"))!;
      return JSON.parse(readFileSync(join(dir, name), "utf8"));
    };
    // Other tests republish into the same folders, so the run that built this site is read
    // from its footer rather than assumed to be the setup run.
    const builtBy = /by run (\S+?)\./.exec(readFileSync(join(setup.internalSiteDir, "index.html"), "utf8"))![1];
    const { runs } = attachment("runs") as { runs: { run_id: string; state: string }[] };
    expect(runs.filter((run) => run.state === "in progress (this publication)").map((run) => run.run_id)).toEqual([builtBy]);
    for (const run of runs.filter((other) => other.run_id !== builtBy)) expect(run.state).toMatch(/^(complete|failed|interrupted)$/);
    const { sources } = attachment("freshness") as { sources: { id: string; state: string }[] };
    expect(sources.length).toBe(SOURCES.length);
    expect(new Set(sources.map((source) => source.state))).toContain("overdue");
  });
});

describe("the data catalogue", () => {
  const catalogue = JSON.parse(readFileSync(join(setup.siteDir, "data", "catalogue.json"), "utf8")) as {
    run_id: string;
    tables: { table: string; classification: string; loaders: string[]; columns: { name: string }[]; sources: { id: string; licence: string }[] }[];
  };

  it("lists every table the public pages read, each public, with columns and the loaders that read it", async () => {
    // Other tests republish into the same folder: the catalogue names the run in the footer.
    expect(catalogue.run_id).toBe(/by run (\S+?)\./.exec(readFileSync(join(setup.siteDir, "index.html"), "utf8"))![1]);
    const tables = catalogue.tables.map((entry) => entry.table);
    for (const expected of ["needs_population_older", "market_care_homes", "outcomes_indicator_values_protected", "meta_release_sources"]) expect(tables).toContain(expected);
    // Counts of people before disclosure control are internal: the pages read the protected copies.
    expect(tables).not.toContain("outcomes_indicator_values");
    expect(tables).not.toContain("market_asc_activity");
    for (const entry of catalogue.tables) {
      expect(entry.classification, entry.table).toBe("public");
      expect(entry.loaders.length, entry.table).toBeGreaterThan(0);
      expect(entry.columns.length, entry.table).toBeGreaterThan(0);
    }
    // Every mart a public loader names appears: read the loaders' source to cross-check.
    const named = new Set<string>();
    for (const loader of new Set(catalogue.tables.flatMap((entry) => entry.loaders))) {
      for (const match of readFileSync(join(root, loader), "utf8").matchAll(/mart: "([a-z_]+)"/g)) named.add(match[1]!);
    }
    expect([...named].filter((table) => !tables.includes(table))).toEqual([]);
  });

  it("traces each table to its sources and their licences", () => {
    const population = catalogue.tables.find((entry) => entry.table === "needs_population_older")!;
    expect(population.sources.map((source) => source.id)).toEqual(expect.arrayContaining(["ons-mye2", "ons-snpp-2022"]));
    expect(population.sources.every((source) => source.licence.startsWith("Open Government Licence"))).toBe(true);
    const csv = readFileSync(join(setup.siteDir, "data", "catalogue.csv"), "utf8");
    expect(csv.split(/\r?\n/)[0]).toBe("table,classification,columns,loaders,sources,publishers,licences,run_id");
    expect(csv).toContain("needs_population_older,public,");
  });
});

describe("the release log", () => {
  it("records this publication's sources and headline figures", async () => {
    const db = await openWarehouse(join(setup.warehouseDir, "warehouse.duckdb"), { readOnly: true });
    try {
      const [sources] = await db.all<{ n: number }>(`select count(*)::integer as n from meta_release_sources where run_id = '${setup.runId}'`);
      expect(sources!.n).toBeGreaterThanOrEqual(28);
      const [population] = await db.all<{ value: number }>(
        `select value from meta_release_figures where run_id = '${setup.runId}' and figure = 'Population, estimate 2022' and area_code = 'E06000051'`,
      );
      // ONS mid-2022 estimate for Shropshire (sources/data/ons-mid-year-estimates-2022).
      expect(population!.value).toBe(327_178);
    } finally {
      db.close();
    }
    expect(readFileSync(join(setup.siteDir, "releases.html"), "utf8")).toContain("Release log");
  });
});
