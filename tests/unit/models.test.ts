// The model runner: SQL and TypeScript models in one graph, declared tests, dependency order, and failures reported.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { buildModel, discoverModels, parseTest, runModelTests, sortModels } from "../../pipelines/build/models.ts";
import { z } from "zod";
import { col, defineModel } from "../../models/model.ts";
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

describe("TypeScript models in the same graph", () => {
  const schema = z.object({ id: col.integer(), share: col.double().nullable(), day: col.date(), label: col.oneOf(["a", "b"]) });
  const tsModel = (rows: object[]) =>
    defineModel({
      name: "shares",
      path: "models/test/shares.ts",
      reads: ["stg_x"],
      outputs: { market_shares: { schema, tests: ["unique: id", "expression: share is null or share between 0 and 1"] } },
      build: async (context) => ({ market_shares: rows.length ? rows : await context.all("select id, 0.5 as share, '2026-12-01' as day, 'a' as label from stg_x") }),
    });
  const root = project({
    "models/staging/stg_x.sql": "select 1 as id",
    "models/marts/needs_after.sql": "select * from market_shares",
  });

  it("orders a SQL model that reads a TypeScript model's table after it, and that one after what it reads", () => {
    const order = sortModels(discoverModels(root, [tsModel([])])).map((model) => model.name);
    expect(order).toEqual(["stg_x", "shares", "needs_after"]);
  });

  it("writes the rows with the schema's column types and runs the declared tests on them", async () => {
    const models = sortModels(discoverModels(root, [tsModel([{ id: 1, share: 1.5, day: "2026-12-01", label: "b" }, { id: 1, share: null, day: "2026-11-30", label: "a" }])]));
    const db = await openWarehouse(":memory:");
    for (const model of models) await buildModel(db, model);
    const types = await db.all<{ column_name: string; data_type: string; is_nullable: string }>(
      "select column_name, data_type, is_nullable from information_schema.columns where table_name = 'market_shares' order by ordinal_position",
    );
    const { failures } = await runModelTests(db, models);
    db.close();
    expect(types.map((t) => [t.column_name, t.data_type, t.is_nullable])).toEqual([
      ["id", "INTEGER", "NO"],
      ["share", "DOUBLE", "YES"],
      ["day", "DATE", "NO"],
      ["label", "VARCHAR", "NO"],
    ]);
    expect(failures.map((f) => [f.table, f.test])).toEqual([
      ["market_shares", "unique: id"],
      ["market_shares", "expression: share is null or share between 0 and 1"],
    ]);
  });

  it("a NaN is an error naming the model, table, row and column, not a null", async () => {
    const models = sortModels(discoverModels(root, [tsModel([{ id: 1, share: 0.2, day: "2026-12-01", label: "a" }, { id: 2, share: Number.NaN, day: "2026-12-01", label: "a" }])]));
    const db = await openWarehouse(":memory:");
    await buildModel(db, models[0]!);
    await expect(buildModel(db, models[1]!)).rejects.toThrow(
      "models/test/shares.ts: table market_shares, row 2, column share: must be a finite number (NaN and infinity are errors, not nulls) (value NaN)",
    );
    db.close();
  });

  it("two models writing one table is an error naming both", () => {
    const clash = defineModel({ ...tsModel([]), name: "clash", outputs: { stg_x: { schema, tests: [] } }, build: async () => ({ stg_x: [] }) });
    expect(() => discoverModels(root, [clash])).toThrow("models/test/shares.ts: table 'stg_x' is already written by model 'stg_x'");
  });
});
