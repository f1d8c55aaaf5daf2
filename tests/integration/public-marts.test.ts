// Every public table the run builds against a reference digest of the same tables on the
// bundled data: same columns, rows and values, so that no change alters a published figure by
// accident. The reference (public-marts-reference.json) was made by `npx tsx tests/mart-digest.ts`
// first on the warehouse before the model engine was rewritten (issue 13), and regenerated when
// the warehouse became national (issue 14: every council, today's boundaries, ASCOF 2024-25,
// the older people's band). A change meant to alter published figures regenerates it in the
// same commit, saying why.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { digestDifferences, martDigest, type Digest } from "../mart-digest.ts";

const setup = inject("pipeline");
const reference = JSON.parse(readFileSync(resolve(import.meta.dirname, "public-marts-reference.json"), "utf8")) as Digest;

describe("public tables", () => {
  it("are the same as in the reference digest", async () => {
    const now = await martDigest(join(setup.warehouseDir, "warehouse.duckdb"));
    expect(Object.keys(reference).length).toBeGreaterThan(60);
    expect(digestDifferences(reference, now)).toEqual([]);
  });
});
