// Every public table the run builds against the same tables as built by the run before the
// model engine was rewritten (issue 13), on the bundled data: same columns, rows and values.
// The reference digest (public-marts-before-engine.json) was made by `npx tsx tests/mart-digest.ts`
// on a warehouse built by commit ff064eb. A change meant to alter published figures regenerates
// it in the same commit, saying why.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { digestDifferences, martDigest, type Digest } from "../mart-digest.ts";

const setup = inject("pipeline");
const reference = JSON.parse(readFileSync(resolve(import.meta.dirname, "public-marts-before-engine.json"), "utf8")) as Digest;

describe("public tables", () => {
  it("are the same as before the engine was rewritten", async () => {
    const now = await martDigest(join(setup.warehouseDir, "warehouse.duckdb"));
    expect(Object.keys(reference).length).toBeGreaterThan(60);
    expect(digestDifferences(reference, now)).toEqual([]);
  });
});
