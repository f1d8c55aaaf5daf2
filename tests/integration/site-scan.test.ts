// Nothing personal or internal reaches the built public site. Two scans of every page, data
// attachment, page module and style in the built site:
//  1. the people named in the raw CQC files (nominated individuals, registered managers), read
//     from the published CSVs themselves and matched as whole words (tests/personal-names.ts);
//  2. every text value of every column a source declares `personal` or `internal`. Numeric
//     columns are not scanned: a modelled occupancy such as 0.9381 also occurs by chance
//     inside unrelated figures, so a match would prove nothing.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { openWarehouse } from "../../pipelines/warehouse.ts";
import { SOURCES } from "../../sources/index.ts";
import { namesIn, personalNames, words } from "../personal-names.ts";

const root = resolve(import.meta.dirname, "../..");
const setup = inject("pipeline");

/** Pages, data attachments, page modules and styles; not the bundled libraries, which hold no data. */
function builtFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !/[\\/]_(npm|observablehq|node)[\\/]/.test(path.slice(dir.length)));
}

/** Text values of restricted columns, with a letter in them and long enough not to be a coincidence. */
async function restrictedText(): Promise<Map<string, string>> {
  const db = await openWarehouse(join(setup.warehouseDir, "warehouse.duckdb"), { readOnly: true });
  const values = new Map<string, string>();
  try {
    for (const source of SOURCES) {
      for (const column of source.columns) {
        if (column.type !== "VARCHAR" || (column.classification !== "personal" && column.classification !== "internal")) continue;
        const rows = await db.all<{ value: string }>(
          `select distinct trim("${column.name}") as value from ${source.table}
           where length(trim("${column.name}")) >= 8 and regexp_matches("${column.name}", '[A-Za-z]')`,
        );
        for (const { value } of rows) values.set(value, `${source.id}.${column.name}`);
      }
    }
  } finally {
    db.close();
  }
  return values;
}

describe("the built public site", () => {
  const files = builtFiles(setup.siteDir);

  it("names none of the people in the raw CQC files", () => {
    const names = new Set(personalNames(root).map(words).filter((name) => name.includes(" ")));
    expect(names.size).toBeGreaterThan(5_000);
    const longest = Math.max(...[...names].map((name) => name.split(" ").length));
    const found = files.flatMap((file) => namesIn(readFileSync(file, "utf8"), names, longest).map((name) => `${file.slice(setup.siteDir.length)}: ${name}`));
    expect(found).toEqual([]);
  });

  it("contains no text value of any personal or internal column", async () => {
    const values = await restrictedText();
    // The CQC files' nominated individuals and contacts; if this fails, they lost their classification.
    expect(values.size).toBeGreaterThan(1_000);
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const [value, column] of values) if (text.includes(value)) found.push(`${file.slice(setup.siteDir.length)}: '${value}' from ${column}`);
    }
    expect(found).toEqual([]);
  });

  it("would notice a leak: a planted name is found", () => {
    const [name] = personalNames(root).filter((n) => n.includes(","));
    const names = new Set([words(name!)]);
    expect(namesIn(`<td>${name}</td>`, names, 5)).toEqual([words(name!)]);
  });
});
