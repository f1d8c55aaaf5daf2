import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCouncilConfig } from "../../pipelines/config.ts";

function config(json: unknown): { root: string; path: string } {
  const root = mkdtempSync(join(tmpdir(), "config-"));
  writeFileSync(join(root, "c.json"), JSON.stringify(json));
  return { root, path: "c.json" };
}

describe("council configuration", () => {
  it("the bundled default is Shropshire with seven comparators", () => {
    const parsed = loadCouncilConfig(resolve(import.meta.dirname, "../.."), "pipelines/council.json");
    expect(parsed.council).toBe("E06000051");
    expect(parsed.comparators).toHaveLength(7);
  });

  it("rejects a code that is not an English council, naming the field", () => {
    const { root, path } = config({ council: "W06000023", comparators: [], england: "E92000001" });
    expect(() => loadCouncilConfig(root, path)).toThrow("c.json: council: an English council code such as E06000051");
  });

  it("rejects the council listed as its own comparator", () => {
    const { root, path } = config({ council: "E06000051", comparators: ["E06000051"], england: "E92000001" });
    expect(() => loadCouncilConfig(root, path)).toThrow("c.json: comparators: must not include the council itself (E06000051)");
  });
});
