// Commissioning intentions are written by commissioners in YAML; a mistake must stop the build
// with the file and field named, and the bundled example must stay valid.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readIntentions } from "../../reports/data/intentions.ts";

const bundled = resolve(import.meta.dirname, "../../reports/market-position/intentions");

function folderWith(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "intentions-"));
  writeFileSync(join(dir, name), text);
  return dir;
}

describe("commissioning intentions", () => {
  it("reads the bundled care homes example, marked illustrative", () => {
    const [careHomes] = readIntentions(bundled);
    expect(careHomes).toMatchObject({ market: "care-homes", status: "illustrative", updated: "2026-11-30" });
    expect(careHomes!.intentions.map((i) => i.direction)).toContain("buy more");
  });

  it("names the file and field of a direction it does not know", () => {
    const text = readFileSync(join(bundled, "care-homes.yaml"), "utf8").replace("direction: buy less", "direction: buy fewer");
    expect(() => readIntentions(folderWith("care-homes.yaml", text))).toThrow(/^care-homes\.yaml: intentions\.1\.direction: /);
  });

  it("names the file of broken YAML", () => {
    expect(() => readIntentions(folderWith("home-care.yaml", "market: [unclosed"))).toThrow(/^home-care\.yaml: not valid YAML/);
  });

  it("requires a date written YYYY-MM-DD", () => {
    const text = readFileSync(join(bundled, "care-homes.yaml"), "utf8").replace("updated: 2026-11-30", "updated: 30/11/2026");
    expect(() => readIntentions(folderWith("care-homes.yaml", text))).toThrow(/^care-homes\.yaml: updated: a date written YYYY-MM-DD/);
  });
});
