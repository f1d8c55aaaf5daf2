// Reports read only the warehouse: no file under reports/ may import from pipelines/ (the run)
// or sources/ (the registry and the published files). What a page needs from either reaches it
// as a table (meta_sources, meta_runs, the marts), so a page shows what the warehouse it was
// built from holds, and reports can be built without the code that made them.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const FORBIDDEN = ["pipelines", "sources"];

/** Every module specifier in JavaScript, TypeScript or a Markdown page's code: static and dynamic imports and re-exports. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|[\s;{}])(?:import|export)\s[^"'`;]*?\sfrom\s*["']([^"']+)["']|(?:^|[\s;{}])import\s*["']([^"']+)["']|\bimport\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/gm)) {
    found.push((match[1] ?? match[2] ?? match[3])!);
  }
  return found;
}

/** The specifiers in `text` (a file at `file`) that reach a forbidden folder. */
function forbiddenImports(file: string, text: string): string[] {
  return specifiers(text).filter((specifier) => {
    if (!specifier.startsWith(".") && !specifier.startsWith("/")) return false; // a package
    const target = relative(root, specifier.startsWith("/") ? join(root, specifier) : resolve(dirname(file), specifier));
    return FORBIDDEN.some((folder) => target === folder || target.startsWith(`${folder}/`));
  });
}

function reportFiles(): string[] {
  const reports = join(root, "reports");
  return readdirSync(reports, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js|md)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !relative(reports, path).split("/").some((part) => part.startsWith(".")));
}

describe("reports import nothing from pipelines/ or sources/", () => {
  it("finds such an import wherever it is written", () => {
    const file = join(root, "reports", "data", "example.json.ts");
    expect(forbiddenImports(file, 'import { SOURCES } from "../../sources/index.ts";')).toEqual(["../../sources/index.ts"]);
    expect(forbiddenImports(file, 'import type { Row } from "../../pipelines/warehouse.ts";')).toEqual(["../../pipelines/warehouse.ts"]);
    expect(forbiddenImports(file, 'export { latestRuns } from "../../pipelines/run-log.ts";')).toEqual(["../../pipelines/run-log.ts"]);
    expect(forbiddenImports(file, 'const m = await import("../../pipelines/status.ts");')).toEqual(["../../pipelines/status.ts"]);
    expect(forbiddenImports(file, 'import {\n  freshness,\n} from "../../pipelines/status.ts";')).toEqual(["../../pipelines/status.ts"]);
    expect(forbiddenImports(join(root, "reports", "page.md"), '```js\nimport "/sources/data/x.js";\n```')).toEqual(["/sources/data/x.js"]);
    // Allowed: the warehouse's own folders, the models, packages and other reports.
    expect(forbiddenImports(file, 'import { INDICATORS } from "../../models/indicators/index.ts";\nimport { z } from "zod";\nimport { pageData } from "./marts.ts";')).toEqual([]);
  });

  it("holds for every .ts, .js and .md file under reports/", () => {
    const files = reportFiles();
    expect(files.length).toBeGreaterThan(20);
    const offences = files.flatMap((file) => forbiddenImports(file, readFileSync(file, "utf8")).map((specifier) => `${relative(root, file)} imports ${specifier}`));
    expect(offences).toEqual([]);
  });
});
