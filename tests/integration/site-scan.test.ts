// Nothing personal or internal reaches the built public site. Two scans of every page, data
// attachment, page module and style in the built site:
//  1. the people named in the raw CQC files (nominated individuals, registered managers), read
//     from the published CSVs themselves and matched as whole words (tests/personal-names.ts);
//  2. every text value of every column a source declares `personal` or `internal`. Numeric
//     columns are not scanned: a modelled occupancy such as 0.9381 also occurs by chance
//     inside unrelated figures, so a match would prove nothing.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { builtFiles, findRestricted, restrictedText } from "../../pipelines/site/scan.ts";
import { ocdsContacts } from "../ocds-contacts.ts";
import { namesIn, personalNames, words } from "../personal-names.ts";

const root = resolve(import.meta.dirname, "../..");
const setup = inject("pipeline");

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
    const values = await restrictedText(join(setup.warehouseDir, "warehouse.duckdb"));
    // The CQC files' nominated individuals and contacts; if this fails, they lost their classification.
    expect(values.size).toBeGreaterThan(1_000);
    expect(findRestricted(setup.siteDir, values)).toEqual([]);
  });

  it("holds no contact name, email or phone of the officials in the Contracts Finder notices, and no email address at all", () => {
    const contacts = ocdsContacts(root);
    expect(contacts.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const contact of contacts) if (text.includes(contact.value)) found.push(`${file.slice(setup.siteDir.length)}: ${contact.kind} '${contact.value}'`);
      for (const match of text.matchAll(/[\w.+-]+@[\w-]+\.[\w.-]*[a-z]/gi)) found.push(`${file.slice(setup.siteDir.length)}: email '${match[0]}'`);
    }
    expect(found).toEqual([]);
  });

  it("would notice a leak: a planted name is found", () => {
    const [name] = personalNames(root).filter((n) => n.includes(","));
    const names = new Set([words(name!)]);
    expect(namesIn(`<td>${name}</td>`, names, 5)).toEqual([words(name!)]);
  });
});
