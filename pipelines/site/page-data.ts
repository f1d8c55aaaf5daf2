// Every page's data, computed in the pipeline's own process from one read-only connection,
// before Framework builds the pages. Each page-data module (reports/**/data/<name>.<ext>.ts)
// exports its data function (reports/data/marts.ts says how the same module also runs as
// Framework's loader under `npm run dev`); here each is imported and called, and its text is
// written as the static file <name>.<ext> into the build's copy of reports/. Framework 1.13
// resolves a file by trying the exact name before any loader (LoaderResolver.findFile), and the
// copy leaves the modules out, so the build runs no loader process.
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import type { Audience, PageData } from "../../reports/data/marts.ts";
import { pageDataContext } from "../../reports/data/marts.ts";
import type { SiteArea } from "../../reports/data/site-areas.ts";
import type { Warehouse } from "../warehouse.ts";
import type { MartRead } from "./catalogue.ts";

/** A page-data module's name: the file it produces plus a script extension. */
const MODULE = /^(?<produced>[^/]+\.[a-z]+)\.ts$/;

export interface PageFile {
  /** The module, as reports/…, for messages and the catalogue. */
  loader: string;
  /** Where the file goes, relative to reports/ (data/population.json). */
  path: string;
  text: string;
}

export interface PageDataResult {
  files: PageFile[];
  reads: MartRead[];
}

/** True for a page-data module: a `<name>.<ext>.ts` file in a `data/` folder of reports/. */
export function isPageDataModule(pathInReports: string): boolean {
  const parts = pathInReports.split("/");
  return parts.at(-2) === "data" && MODULE.test(parts.at(-1) ?? "");
}

/** The page-data modules under reports/, as paths relative to it; the internal ones only when asked. */
export function pageDataModules(reportsDir: string, scope: "public" | "internal"): string[] {
  return readdirSync(reportsDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(reportsDir, join(entry.parentPath, entry.name)))
    .filter((path) => !path.startsWith(".") && isPageDataModule(path))
    .filter((path) => (scope === "internal") === path.startsWith("internal/"))
    .sort();
}

export interface ComputeOptions {
  root: string;
  db: Warehouse;
  audience: Audience;
  /** The council the site is about, its comparators and England. */
  areas: readonly SiteArea[];
  modules: string[];
}

/**
 * Runs each module against the one connection, in turn. The public audience refuses any mart not
 * classified public, and the error names the module; buildSite adds the page.
 */
export async function computePageData({ root, db, audience, areas, modules }: ComputeOptions): Promise<PageDataResult> {
  const files: PageFile[] = [];
  const reads: MartRead[] = [];
  for (const path of modules) {
    const loader = `reports/${path}`;
    const module = (await import(pathToFileURL(join(root, "reports", path)).href)) as { default?: PageData };
    if (typeof module.default !== "function") throw new Error(`${loader} exports no page data function (see reports/data/marts.ts)`);
    const context = pageDataContext({ db, audience, areas, loader, onRead: (mart) => reads.push({ loader, mart }) });
    let text: string;
    try {
      text = await module.default(context);
    } catch (error) {
      const message = (error as Error).message;
      throw new Error(message.startsWith("public build refused:") ? message : `page data ${loader} failed: ${message}`, { cause: error });
    }
    files.push({ loader, path: path.replace(/\.ts$/, ""), text });
  }
  return { files, reads };
}
