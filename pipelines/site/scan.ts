// After every public build: no text value of any column a source declares personal or internal
// may appear in any built page, data file, page module or style. The loaders already refuse
// restricted tables; this checks what was actually written, so a leak through a public table
// (a declassified model that kept a value it should not) still stops the run.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SOURCES } from "../../sources/index.ts";
import { ident, openWarehouse } from "../warehouse.ts";

/** Pages, data attachments, page modules and styles; not the bundled libraries, which hold no data. */
export function builtFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !/[\\/]_(npm|observablehq|node)[\\/]/.test(path.slice(dir.length)));
}

/**
 * Text values of restricted columns, mapped to "<source>.<column>". Only values with a letter
 * and at least 8 characters: shorter ones ('Y', '2021') occur by chance in any page. Numeric
 * columns are not scanned for the same reason. Names the site states anyway are left out:
 * councils' names (a council appears as a supplier in another council's spend) and any text
 * inside the source declarations' own titles, publishers and notes, which are public metadata.
 */
export async function restrictedText(warehousePath: string): Promise<Map<string, string>> {
  const db = await openWarehouse(warehousePath, { readOnly: true });
  const values = new Map<string, string>();
  const declared = SOURCES.flatMap((source) => [source.title, source.publisher, source.edition, source.notes ?? "", source.licence.attribution, ...source.files.map((file) => file.edition)]);
  try {
    const [areas] = await db.all(`select 1 from information_schema.tables where table_name = 'int_areas'`);
    const councils = new Set(areas ? (await db.all<{ name: string }>(`select distinct area_name as name from int_areas`)).map((row) => row.name.toLowerCase()) : []);
    const stated = (value: string) => councils.has(value.toLowerCase()) || declared.some((text) => text.includes(value));
    for (const source of SOURCES) {
      const [loaded] = await db.all(`select 1 from information_schema.tables where table_name = '${source.table}'`);
      if (!loaded) continue;
      for (const column of source.columns) {
        if (column.type !== "VARCHAR" || (column.classification !== "personal" && column.classification !== "internal")) continue;
        const name = ident(column.name);
        const rows = await db.all<{ value: string }>(
          `select distinct trim(${name}) as value from ${ident(source.table)}
           where length(trim(${name})) >= 8 and regexp_matches(${name}, '[A-Za-z]')`,
        );
        for (const { value } of rows) if (!stated(value)) values.set(value, `${source.id}.${column.name}`);
      }
    }
  } finally {
    db.close();
  }
  return values;
}

/** Every place a restricted value appears in the built site, as "<file>: '<value>' from <column>". */
export function findRestricted(siteDir: string, values: Map<string, string>): string[] {
  const found: string[] = [];
  for (const file of builtFiles(siteDir)) {
    const text = readFileSync(file, "utf8");
    for (const [value, column] of values) if (text.includes(value)) found.push(`${file.slice(siteDir.length)}: '${value}' from ${column}`);
  }
  return found;
}

export async function assertNoRestrictedText(warehousePath: string, siteDir: string): Promise<void> {
  const found = findRestricted(siteDir, await restrictedText(warehousePath));
  if (found.length > 0) {
    throw new Error(`public build refused: ${found.length} restricted value(s) in the built site, e.g. ${found.slice(0, 3).join("; ")}`);
  }
}
