// The personal-name scan behind the supply integration tests: it must read the names from the
// raw CQC files, find one planted in a model table however it is written, and not mistake a
// place named after somebody for the person.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { openWarehouse } from "../../pipelines/warehouse.ts";
import { findNames, namesIn, nominatedIndividuals, personalNames, registeredManagers, words } from "../personal-names.ts";

const root = resolve(import.meta.dirname, "../..");

describe("names read from the raw CQC files", () => {
  it("holds every nominated individual but the withheld '*', as published", () => {
    const names = nominatedIndividuals(root);
    // occupancy_filled.csv: 4,483 distinct values in the column, one of them '*'.
    expect(names).toHaveLength(4_482);
    expect(names).not.toContain("*");
    expect(names).toContain("Strong, Margaret");
  });

  it("holds registered managers, including names whose apostrophe made Python quote them with \"", () => {
    const managers = registeredManagers(root);
    expect(managers.length).toBeGreaterThan(500);
    expect(managers).toContainEqual({ given: "Fiona Geraldine", family: "Martin" });
    expect(managers).toContainEqual({ given: "Eileen", family: "O'Neill" });
    expect(managers).toContainEqual({ given: "John O'Neill", family: "McDonald" });
  });

  it("gives managers in both orders and nominated individuals as published", () => {
    const names = personalNames(root);
    expect(names).toContain("Fiona Geraldine Martin");
    expect(names).toContain("Martin, Fiona Geraldine");
    expect(names).toContain("Strong, Margaret");
    expect(names).not.toContain("Margaret Strong");
  });
});

describe("matching", () => {
  const wanted = new Set(["strong , margaret", "eileen o'neill"]);

  it("ignores case and punctuation, keeping apostrophes inside words and commas as words", () => {
    expect(words("STRONG,  Margaret")).toBe("strong , margaret");
    expect(words("Elmdon Heath & Catherine-de-Barnes")).toBe("elmdon heath catherine de barnes");
    expect(words("'Eileen' O'Neill.")).toBe("eileen o'neill");
    expect(namesIn("Contact: Strong, Margaret (NI)", wanted, 3)).toEqual(["strong , margaret"]);
    expect(namesIn("Manager EILEEN O'NEILL", wanted, 3)).toEqual(["eileen o'neill"]);
  });

  it("matches whole words only, in the published order", () => {
    expect(namesIn("Armstrong Margaretta Court", wanted, 3)).toEqual([]);
    expect(namesIn("Margaret Strong House", wanted, 3)).toEqual([]);
    // The same two words in a place name, without the published comma, are not the name.
    expect(namesIn("Strong & Margaret Road", wanted, 3)).toEqual([]);
  });
});

describe("the warehouse scan", () => {
  async function warehouse(sql: string): Promise<string> {
    const path = join(mkdtempSync(join(tmpdir(), "names-")), "w.duckdb");
    const db = await openWarehouse(path);
    await db.run(sql);
    db.close();
    return path;
  }

  it("finds a name planted in a staging table, naming the table, column and value", async () => {
    const path = await warehouse(`
      create table stg_homes as select * from (values ('1-1', 'Rose Lodge', 'Strong, Margaret'), ('1-2', 'Ivy House', null)) t(id, name, contact);
      create table market_homes as select 3 as beds, 'Good' as rating;`);
    expect(await findNames(path, ["Strong, Margaret", "Eileen O'Neill"])).toEqual([
      { table: "stg_homes", column: "contact", value: "Strong, Margaret", name: "strong , margaret" },
    ]);
  });

  it("reads text inside lists too", async () => {
    const path = await warehouse(`create table int_homes as select ['Ivy House', 'Eileen O''Neill'] as contacts, 4 as beds;`);
    expect(await findNames(path, ["Eileen O'Neill"])).toEqual([
      { table: "int_homes", column: "contacts", value: "[Ivy House, 'Eileen O\\'Neill']", name: "eileen o'neill" },
    ]);
  });

  it("looks only at model tables (stg_, int_, needs_, market_) unless told otherwise", async () => {
    const path = await warehouse(`
      create table raw_cqc as select 'Strong, Margaret' as contact;
      create table needs_x as select 'Shropshire' as area_name;`);
    expect(await findNames(path, ["Strong, Margaret"])).toEqual([]);
    expect(await findNames(path, ["Strong, Margaret"], /^raw_/)).toHaveLength(1);
  });

  it("fails rather than pass when there is nothing to scan", async () => {
    const path = await warehouse(`create table raw_cqc as select 'x' as contact;`);
    await expect(findNames(path, ["Strong, Margaret"])).rejects.toThrow("no text columns in tables matching");
  });
});
