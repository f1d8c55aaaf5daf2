// The model runner: tests declared in SQL headers, dependency order, and failures reported.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { buildModel, discoverModels, parseTest, runModelTests, sortModels } from "../../pipelines/build/models.ts";
import { openWarehouse } from "../../pipelines/warehouse.ts";

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "models-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("dependency order", () => {
  it("builds what a model reads before the model, whatever the file order", () => {
    const root = project({
      "models/marts/needs_b.sql": "select * from int_a",
      "models/intermediate/int_a.sql": "select * from stg_x",
      "models/staging/stg_x.sql": "select 1 as id -- not a reference to needs_b",
    });
    const order = sortModels(discoverModels(root)).map((model) => model.name);
    expect(order).toEqual(["stg_x", "int_a", "needs_b"]);
  });

  it("names a cycle", () => {
    const root = project({
      "models/intermediate/int_a.sql": "select * from int_b",
      "models/intermediate/int_b.sql": "select * from int_a",
    });
    expect(() => sortModels(discoverModels(root))).toThrow("models depend on each other in a cycle: int_a -> int_b -> int_a");
  });

  it("orders the project's own models with staging before marts", () => {
    const order = sortModels(discoverModels(resolve(import.meta.dirname, "../.."))).map((model) => model.name);
    expect(order.indexOf("stg_ons_mye2__population")).toBeLessThan(order.indexOf("int_population__estimates"));
    expect(order.indexOf("int_configured_areas")).toBeLessThan(order.indexOf("needs_population_by_age"));
    expect(order.indexOf("needs_population_by_age")).toBeLessThan(order.indexOf("needs_population_older"));
  });
});

describe("declared tests", () => {
  const root = project({
    "models/staging/stg_people.sql": [
      "-- test unique: id",
      "-- test not_null: id, sex",
      "-- test accepted_values: sex = male, female",
      "-- test relationships: area -> stg_areas.code",
      "-- test expression: age >= 0",
      "select * from (values (1, 'male', 'A', 30), (1, 'other', 'Z', -1), (2, null, 'A', 5)) t(id, sex, area, age)",
    ].join("\n"),
    "models/staging/stg_areas.sql": "select 'A' as code",
  });

  it("each kind catches the rows that break it", async () => {
    const models = sortModels(discoverModels(root));
    expect(models.find((m) => m.name === "stg_people")!.dependsOn).toEqual(["stg_areas"]);
    const db = await openWarehouse(":memory:");
    for (const model of models) await buildModel(db, model);
    const { run, failures } = await runModelTests(db, models);
    db.close();
    expect(run).toBe(5);
    expect(failures.map((f) => [f.test, f.failingRows])).toEqual([
      ["unique: id", 1],
      ["not_null: id, sex", 1],
      ["accepted_values: sex = male, female", 1],
      ["relationships: area -> stg_areas.code", 1],
      ["expression: age >= 0", 1],
    ]);
    expect(failures[0]!.path).toBe(join("models", "staging", "stg_people.sql"));
  });

  it("an unknown kind is an error naming the file", () => {
    expect(() => parseTest("m", "uniq: id", "models/marts/m.sql test 1")).toThrow(
      "models/marts/m.sql test 1: unknown test kind 'uniq' (unique, not_null, accepted_values, relationships, expression)",
    );
  });

  it("a broken model names its file", async () => {
    const broken = project({ "models/marts/needs_x.sql": "select nope from nowhere_at_all" });
    const [model] = discoverModels(broken);
    const db = await openWarehouse(":memory:");
    await expect(buildModel(db, model!)).rejects.toThrow(/^models\/marts\/needs_x\.sql: Catalog Error/);
    db.close();
  });
});
