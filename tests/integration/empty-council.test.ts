// Issue 14 item 4: a council with no contract register, spend, grants or KPI returns is a state,
// not a crash. Camden (E09000007) has no illustrative register (sources/council-facts.json) and no
// bundled spend or grants, so its internal site must build and say what is missing; the OCDS
// export is left out with a note (OCDS 1.1 requires at least one release in a package).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runPipelines, type RunResult } from "../../pipelines/run.ts";

const root = resolve(import.meta.dirname, "../..");
const setup = inject("pipeline");
const dir = mkdtempSync(join(tmpdir(), "empty-council-"));
let result: RunResult;

beforeAll(async () => {
  mkdirSync(join(dir, "warehouse"));
  cpSync(join(setup.warehouseDir, "warehouse.duckdb"), join(dir, "warehouse", "warehouse.duckdb"));
  writeFileSync(join(dir, "council.json"), JSON.stringify({ council: "E09000007", comparators: [] }));
  result = await runPipelines({ root, warehouseDir: join(dir, "warehouse"), siteDir: join(dir, "dist"), configPath: join(dir, "council.json"), log: () => {} });
}, 900_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const attachment = (stem: string) => {
  const path = join(dir, "dist-internal", "_file", "internal", "data");
  const name = readdirSync(path).find((file) => file.startsWith(`${stem}.`) && file.endsWith(".json"))!;
  return JSON.parse(readFileSync(join(path, name), "utf8"));
};

describe("a council with no contract register, spend or grants (Camden)", () => {
  it("builds both sites", () => {
    expect(result.status, result.error).toBe("COMPLETE");
  });

  it("gives the review pages an empty register, named for Camden, that says it is empty", () => {
    const data = attachment("contracts");
    expect(data.council).toBe("Camden");
    expect(data.councilCode).toBe("E09000007");
    expect(data.hasRegister).toBe(false);
    for (const key of ["register", "expiries", "spend", "ratings", "monthly", "payments", "candidates"]) expect(data[key], key).toEqual([]);
  });

  it("leaves the OCDS package out with a note instead of throwing", () => {
    const ocds = attachment("contracts-ocds");
    expect(ocds.omitted).toBe(true);
    expect(ocds.releases).toBeUndefined();
    expect(ocds.note).toMatch(/Camden has no contract register/);
  });

  it("cites no other council's spend or grants file on the spend page", () => {
    const spend = attachment("spend");
    expect(spend.council).toEqual({ area_code: "E09000007", area_name: "Camden" });
    expect(spend.hasSpend).toBe(false);
    expect(spend.grantsVsContracts).toEqual([]);
    expect(spend.sources.map((s: { id: string }) => s.id).filter((id: string) => /spend|grants/.test(id))).toEqual([]);
  });

  it("says on every contract page what is missing and which file adds it", () => {
    const review = readFileSync(join(root, "reports", "internal", "components", "review.js"), "utf8");
    expect(review).toMatch(/No contract register is loaded for/);
    expect(review).toMatch(/sources\/illustrative-contract-register\.ts/);
    for (const page of ["index", "expiries", "kpis", "suppliers", "payments", "contract"]) {
      expect(readFileSync(join(root, "reports", "internal", `${page}.md`), "utf8"), page).toMatch(/\$\{banners\(data\)\}|banners\(/);
    }
  });
});
