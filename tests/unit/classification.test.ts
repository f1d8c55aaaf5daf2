// Classification flows from sources through models; a model may lower it only by declaring a
// reason, and only if it carries none of its inputs' restricted columns.
import { describe, expect, it } from "vitest";
import { classifySources, classifyTable, declaredClassification, type TableClass } from "../../pipelines/build/classification.ts";
import { discoverModels } from "../../pipelines/build/models.ts";
import { SOURCES } from "../../sources/index.ts";
import { resolve } from "node:path";

const table = (name: string, classification: TableClass["classification"], restrictedColumns: string[] = []): [string, TableClass] => [
  name,
  { table: name, classification, reason: "test", inputs: [], restrictedColumns },
];

describe("classifyTable", () => {
  const known = new Map([table("raw_open", "public"), table("raw_people", "personal", ["full_name"]), table("raw_money", "internal")]);

  it("takes the most restricted input's classification", () => {
    expect(classifyTable("stg_a", "a.sql", ["raw_open"], known, ["x"], null).classification).toBe("public");
    expect(classifyTable("stg_b", "b.sql", ["raw_open", "raw_money"], known, ["x"], null)).toMatchObject({ classification: "internal", reason: "inherits raw_money (internal)" });
    expect(classifyTable("stg_c", "c.sql", ["raw_money", "raw_people"], known, ["x"], null).classification).toBe("personal");
  });

  it("lets a model lower it with a reason when the restricted columns are gone", () => {
    const result = classifyTable("stg_d", "d.sql", ["raw_people"], known, ["location", "beds"], { classification: "public", reason: "drops full_name" });
    expect(result).toMatchObject({ classification: "public", reason: "drops full_name", restrictedColumns: [] });
  });

  it("refuses a lowering that still carries a restricted column, naming it", () => {
    expect(() => classifyTable("stg_e", "models/staging/stg_e.sql", ["raw_people"], known, ["location", "full_name"], { classification: "public", reason: "aggregated" })).toThrow(
      "models/staging/stg_e.sql: declared public but carries 'full_name', classified personal in its inputs",
    );
  });

  it("carries restricted columns down the chain, so a later lowering is still checked", () => {
    const staging = classifyTable("stg_f", "f.sql", ["raw_people"], known, ["full_name", "x"], null);
    expect(staging.restrictedColumns).toEqual(["full_name"]);
    const next = new Map([...known, ["stg_f", staging]]);
    expect(() => classifyTable("mart_f", "mart.sql", ["stg_f"], next, ["full_name"], { classification: "public", reason: "r" })).toThrow("carries 'full_name'");
  });

  it("refuses an input it has never seen", () => {
    expect(() => classifyTable("stg_g", "g.sql", ["raw_unknown"], known, [], null)).toThrow("input 'raw_unknown' has no classification yet");
  });
});

describe("declared classification lines", () => {
  it("reads level and reason, and rejects a malformed or repeated line", () => {
    expect(declaredClassification("m.sql", "-- classification: public: drops names\nselect 1")).toEqual({ classification: "public", reason: "drops names" });
    expect(declaredClassification("m.sql", "select 1")).toBeNull();
    expect(() => declaredClassification("m.sql", "-- classification: secret: x")).toThrow("m.sql: classification line must read");
    expect(() => declaredClassification("m.sql", "-- classification: public\nselect 1")).toThrow("m.sql: classification line must read");
    expect(() => declaredClassification("m.sql", "-- classification: public: a\n-- classification: internal: b")).toThrow("more than one classification line");
  });
});

describe("the project's sources and models", () => {
  it("classify the CQC raw tables personal, with the named columns restricted", () => {
    const raw = new Map(classifySources(SOURCES).map((item) => [item.table, item]));
    expect(raw.get("raw_cqc_care_homes_england_2021")).toMatchObject({ classification: "personal" });
    expect(raw.get("raw_cqc_care_homes_england_2021")!.restrictedColumns).toContain("provider_nominated_individual_name");
  });

  it("record which raw tables each model reads, so classification can flow from them", () => {
    const models = discoverModels(resolve(import.meta.dirname, "../.."));
    const staging = models.find((model) => model.name === "stg_cqc_care_homes_2021__locations")!;
    expect(staging.rawReads).toEqual(["raw_cqc_care_homes_england_2021"]);
    expect(staging.outputs[0]!.declared?.classification).toBe("public");
  });
});
