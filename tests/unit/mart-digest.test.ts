// The digest that compares two runs' public tables notices a changed value, a lost row and a
// changed column, and ignores float noise from summing in another order.
import { describe, expect, it } from "vitest";
import { digestDifferences, type Digest } from "../mart-digest.ts";

const base: Digest = { t: { columns: ["a VARCHAR", "x DOUBLE"], rows: 2, sha256: "h", doubles: { x: [3, 5, 7] } } };

describe("digestDifferences", () => {
  it("ignores differences in the last bits of a double", () => {
    expect(digestDifferences(base, { t: { ...base.t!, doubles: { x: [3 + 1e-13, 5, 7] } } })).toEqual([]);
  });
  it("names a table whose values, rows or columns changed", () => {
    expect(digestDifferences(base, { t: { ...base.t!, doubles: { x: [3.001, 5, 7] } } })).toEqual(["t.x: sums 3, 5, 7 became 3.001, 5, 7"]);
    expect(digestDifferences(base, { t: { ...base.t!, rows: 1 } })).toEqual(["t: 2 rows became 1"]);
    expect(digestDifferences(base, { t: { ...base.t!, sha256: "other" } })).toEqual(["t: values of its text, integer and date columns changed"]);
    expect(digestDifferences(base, {})).toEqual(["t: missing"]);
  });
});
