// A second council from configuration alone: Trafford (E08000009) with its real spend and
// grants, run with the bundled pipelines/council-trafford.json and no code change. Starts
// from a copy of the setup run's warehouse, so only the models and the two sites are rebuilt.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runPipelines, type RunResult } from "../../pipelines/run.ts";
import { openWarehouse } from "../../pipelines/warehouse.ts";

const root = resolve(import.meta.dirname, "../..");
const setup = inject("pipeline");
const dir = mkdtempSync(join(tmpdir(), "second-council-"));
let result: RunResult;

beforeAll(async () => {
  mkdirSync(join(dir, "warehouse"));
  cpSync(join(setup.warehouseDir, "warehouse.duckdb"), join(dir, "warehouse", "warehouse.duckdb"));
  result = await runPipelines({ root, warehouseDir: join(dir, "warehouse"), siteDir: join(dir, "dist"), configPath: "pipelines/council-trafford.json", log: () => {} });
}, 900_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const attachment = (site: string, folder: string, stem: string) => {
  const path = join(dir, site, "_file", folder);
  const name = readdirSync(path).find((file) => file.startsWith(`${stem}.`) && file.endsWith(".json"))!;
  return JSON.parse(readFileSync(join(path, name), "utf8"));
};

describe("Trafford from configuration alone", () => {
  it("runs, builds both sites and publishes", () => {
    expect(result.status, result.error).toBe("COMPLETE");
    expect(existsSync(join(dir, "dist", "index.html"))).toBe(true);
    expect(existsSync(join(dir, "dist-internal", "internal", "spend.html"))).toBe(true);
  });

  it("reviews Trafford's own contracts, each on the contract page with its data", async () => {
    const db = await openWarehouse(join(dir, "warehouse", "warehouse.duckdb"), { readOnly: true });
    try {
      // The warehouse is national: every council's register; the site shows Trafford's only.
      const councils = await db.all<{ council_code: string; n: number }>(`select council_code, count(*)::integer as n from contracts_register group by 1 order by 1`);
      expect(councils.map((c) => c.council_code)).toEqual(["E06000051", "E08000009"]);
      const [first] = await db.all<{ reference: string }>(`select reference from contracts_register where council_code = 'E08000009' order by reference limit 1`);
      expect(existsSync(join(dir, "dist-internal", "internal", "contract.html"))).toBe(true);
      const dataDir = join(dir, "dist-internal", "_file", "internal", "data");
      const file = readdirSync(dataDir).find((name) => /^contracts\.[0-9a-f]+\.json$/.test(name));
      const data = JSON.parse(readFileSync(join(dataDir, file!), "utf8")) as { register: { reference: string }[] };
      expect(data.register.map((contract) => contract.reference)).toContain(first!.reference);
      expect(data.register.length).toBe(councils.find((c) => c.council_code === "E08000009")!.n);
    } finally {
      db.close();
    }
  });

  it("shows Trafford's real spend and grants on the internal site", () => {
    const spend = attachment("dist-internal", "internal/data", "spend");
    expect(spend.council).toEqual({ area_code: "E08000009", area_name: "Trafford" });
    expect(spend.hasSpend).toBe(true);
    // Trafford supplier spend 2024-25, net of credits (PROVENANCE.md): about £565.2m over 210,068 lines.
    expect(spend.totals[0].lines).toBe(210_068);
    expect(spend.totals[0].amount).toBeCloseTo(565_219_573.74, 1);
    expect(spend.suppliers.at(-1).supplier_name).toBe("Redacted (individuals)");
    // Trafford's 360Giving file: 555 grants, £1,291,436.54.
    expect(spend.grants.reduce((sum: number, g: { awards: number }) => sum + g.awards, 0)).toBe(555);
    expect(spend.grants.reduce((sum: number, g: { amount: number }) => sum + g.amount, 0)).toBeCloseTo(1_291_436.54, 2);
  });

  it("keeps the public site about Trafford and free of spend and contracts", () => {
    const population = attachment("dist", "data", "population");
    expect(population.areas.find((area: { role: string }) => area.role === "council").area_name).toBe("Trafford");
    const catalogue = JSON.parse(readFileSync(join(dir, "dist", "data", "catalogue.json"), "utf8")) as { tables: { table: string }[] };
    expect(catalogue.tables.filter((entry) => /spend|register|kpi|invoice|grants_vs/.test(entry.table))).toEqual([]);
  });

  it("builds a locality profile for every Trafford ward, with no locality file", () => {
    const localities = attachment("dist", "localities/data", "localities");
    expect(localities.council).toEqual({ code: "E08000009", name: "Trafford" });
    expect(localities.file).toBeNull();
    expect(localities.localities.length).toBeGreaterThan(15);
    expect(localities.localities.every((l: { origin: string }) => l.origin === "ward")).toBe(true);
    for (const locality of localities.localities) expect(existsSync(join(dir, "dist", "localities", `${locality.id}.html`)), locality.id).toBe(true);
  });
});
