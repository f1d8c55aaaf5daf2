// Builds the Observable Framework sites from a given warehouse into fresh folders; publishing
// them (with the warehouse, all or nothing) is pipelines/publish.ts.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { stripVTControlCharacters } from "node:util";
import type { Audience } from "../../reports/data/marts.ts";
import { resolveSiteAreas, type SiteArea, type SiteChoice } from "../../reports/data/site-areas.ts";
import { openWarehouse } from "../warehouse.ts";
import { type MartRead, writeCatalogue } from "./catalogue.ts";
import { computePageData, isPageDataModule, type PageFile, pageDataModules } from "./page-data.ts";
import { assertNoRestrictedText } from "./scan.ts";

/** Prefix of the per-build copies of reports/ at the project root (ignored by git). */
export const SOURCE_COPY_PREFIX = ".site-src-";

export type { Audience };

interface Common {
  root: string;
  warehousePath: string;
  /** Which council the sites are about (the council configuration); the warehouse holds them all. */
  site: SiteChoice;
  /** The run that built the warehouse, shown in every page's footer. */
  runId?: string;
}

export interface SiteBuild extends Common {
  outDir: string;
  /**
   * public (the default): reports/ without reports/internal/, and page data may read public
   * tables only. internal: everything, for commissioners; never published to the public site.
   */
  audience?: Audience;
}

export interface SiteBuilds extends Common {
  publicDir: string;
  internalDir: string;
}

interface Target {
  audience: Audience;
  outDir: string;
}

/** Builds one site (tests, and builds of one audience). */
export async function buildSite({ outDir, audience = "public", ...common }: SiteBuild): Promise<string> {
  return await buildTargets(common, [{ audience, outDir }]);
}

/**
 * Builds the public and the internal site from one snapshot: the public pages' data are
 * computed once, under the public guard, and the same files serve both; the two Framework
 * builds then run at the same time (they are separate processes, and the machine has 2 cores).
 */
export async function buildSites({ publicDir, internalDir, ...common }: SiteBuilds): Promise<string> {
  return await buildTargets(common, [
    { audience: "public", outDir: publicDir },
    { audience: "internal", outDir: internalDir },
  ]);
}

/** Returns how long each part took, for the run log. */
async function buildTargets({ root, warehousePath, site, runId = "" }: Common, targets: Target[]): Promise<string> {
  // Framework caches beside the pages, and two builds at once would share the cache; so each
  // build works on its own copy of reports/, a sibling folder at the project root (relative
  // imports such as ../node_modules still resolve), whose cache starts with only the kept
  // bundles of npm imports (seedCache).
  const copies = targets.map((target) => join(root, `${SOURCE_COPY_PREFIX}${basename(target.outDir)}`));
  for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  for (const target of targets) rmSync(target.outDir, { recursive: true, force: true });
  // The build reads a private snapshot, so that a run publishing a new warehouse meanwhile
  // cannot mix two runs' figures into one site. The published warehouse is only ever replaced
  // by rename, never written in place, so the copy is of one whole warehouse.
  mkdirSync(copies[0]!, { recursive: true });
  const snapshot = join(copies[0]!, ".warehouse-snapshot.duckdb");
  try {
    copyFileSync(warehousePath, snapshot);
    const t0 = performance.now();
    const timings: string[] = [];
    const { data, reads } = await pageDataFor(root, snapshot, site, targets);
    timings.push(`page data ${seconds(t0)} s`);
    const builtOn = new Date().toISOString().slice(0, 10);
    const buildOne = async (target: Target, i: number) => {
      const copy = copies[i]!;
      copyReports(root, copy, target.audience);
      for (const file of data.filter((item) => target.audience === "internal" || !item.path.startsWith("internal/"))) {
        mkdirSync(dirname(join(copy, file.path)), { recursive: true });
        writeFileSync(join(copy, file.path), file.text);
      }
      const seeded = seedCache(root, copy);
      const t1 = performance.now();
      await runFramework(root, {
        WAREHOUSE_PATH: snapshot,
        SITE_OUTPUT: target.outDir,
        SITE_SOURCE: basename(copy),
        SITE_AUDIENCE: target.audience,
        SITE_RUN_ID: runId,
        SITE_BUILT_ON: builtOn,
      });
      if (!seeded) keepCache(root, copy);
      timings.push(`${target.audience} pages ${seconds(t1)} s`);
      fixHtml(target.outDir);
      if (target.audience === "public") {
        // The page data refused any table not classified public; this checks what was written.
        await assertNoRestrictedText(snapshot, target.outDir);
        await writeCatalogue(snapshot, target.outDir, reads, runId);
      }
      stableDownloads(target.outDir);
    };
    // At the same time (two processes, two cores), also on a fresh clone before any bundles
    // of npm imports are kept: each build then bundles them for itself, which costs less wall
    // time than waiting for one to finish, and the first to finish keeps its set.
    const results = await Promise.allSettled(targets.map(buildOne));
    const failed = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
    if (failed) throw failed.reason;
    return timings.join(", ");
  } finally {
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  }
}

/**
 * Every page's data from one read-only connection: the public modules once (under the public
 * guard whenever a public site is among the targets), the internal ones when an internal site is.
 */
async function pageDataFor(root: string, snapshot: string, site: SiteChoice, targets: Target[]): Promise<{ data: PageFile[]; reads: MartRead[] }> {
  const reports = join(root, "reports");
  const db = await openWarehouse(snapshot, { readOnly: true });
  try {
    const areas: SiteArea[] = await resolveSiteAreas(db, site);
    const guarded = targets.some((target) => target.audience === "public");
    const common = { root, db, areas };
    const publicPages = await computePageData({ ...common, audience: guarded ? "public" : "internal", modules: pageDataModules(reports, "public") }).catch((error: Error) => {
      throw namePages(reports, error);
    });
    const internalPages = targets.some((target) => target.audience === "internal")
      ? await computePageData({ ...common, audience: "internal", modules: pageDataModules(reports, "internal") })
      : { files: [], reads: [] };
    // The catalogue lists what the public pages read.
    return { data: [...publicPages.files, ...internalPages.files], reads: publicPages.reads };
  } finally {
    db.close();
  }
}

/** Copies reports/ for one build: without page-data modules (their files are written instead), and without internal/ for the public. */
function copyReports(root: string, copy: string, audience: Audience): void {
  const reports = join(root, "reports");
  cpSync(reports, copy, {
    recursive: true,
    filter: (path) => {
      const inReports = relative(reports, path);
      if (inReports.split("/").includes(".observablehq")) return false;
      // The public build never sees the internal pages or their data.
      if (audience === "public" && (inReports === "internal" || inReports.startsWith("internal/"))) return false;
      return !isPageDataModule(inReports);
    },
  });
}

/**
 * Framework bundles every package a page imports (Plot, d3, htl, papaparse) into the root's
 * .observablehq/cache/_node/<package>@<version>/ with rollup, about 10 s of a build on two
 * cores; and it asks registry.npmjs.org for the versions of the libraries its standard library
 * offers (react-dom, arquero, ...), remembered as folder names under _npm/. Both depend only on
 * the installed packages, so one set is kept across builds in .site-cache/ at the project root,
 * keyed by the lockfile, and each build's copy of reports/ starts with it (a warm build asks
 * the network nothing). Copied rather than linked: a build that bundles a new import writes
 * only its own copy.
 */
const KEPT_CACHES = ["_node", "_npm"];

function keptCacheDir(root: string): string {
  const lock = join(root, "package-lock.json");
  const key = createHash("sha256").update(existsSync(lock) ? readFileSync(lock) : "no lockfile").digest("hex").slice(0, 16);
  return join(root, ".site-cache", key);
}

function seedCache(root: string, copy: string): boolean {
  const kept = keptCacheDir(root);
  if (!existsSync(kept)) return false;
  cpSync(kept, join(copy, ".observablehq", "cache"), { recursive: true });
  return true;
}

/** Keeps a build's bundles, written beside the kept folder and renamed into place (whole or not at all). */
function keepCache(root: string, copy: string): void {
  const kept = keptCacheDir(root);
  if (existsSync(kept)) return;
  // Unique to this build: the two builds of a run share a process.
  const partial = `${kept}.${process.pid}-${basename(copy)}.tmp`;
  for (const name of KEPT_CACHES) {
    const built = join(copy, ".observablehq", "cache", name);
    if (existsSync(built)) cpSync(built, join(partial, name), { recursive: true });
  }
  try {
    renameSync(partial, kept);
  } catch {
    rmSync(partial, { recursive: true, force: true }); // another build kept its set first
  }
  // Sets kept for an earlier lockfile are of no further use.
  const holder = dirname(kept);
  for (const name of readdirSync(holder)) {
    if (name !== basename(kept) && !name.endsWith(".tmp")) rmSync(join(holder, name), { recursive: true, force: true });
  }
}

/** A public refusal names the module and table; add the pages that use the module's file. */
function namePages(reports: string, error: Error): Error {
  const refusal = /^public build refused: (\S+) reads table (\S+),/.exec(error.message);
  if (!refusal) return error;
  const [, loader, table] = refusal as unknown as [string, string, string];
  const pages = pagesUsing(reports, loader);
  return new Error(`public build refused: page ${pages.length ? pages.join(", ") : "(no page found)"} reads table ${table} through ${loader}: ${error.message}`, { cause: error });
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** Machine-readable exports that other tools fetch by a fixed address. */
const STABLE_DOWNLOADS = ["indicators.csv", "indicators.json"];

/**
 * Framework names attachments by content hash (`_file/data/indicators.bad75712.csv`), which
 * suits caching but not a catalogue that other tools link to; copy each export to `data/<name>`.
 */
function stableDownloads(outDir: string): void {
  const built = join(outDir, "_file", "data");
  if (!existsSync(built)) return;
  for (const name of STABLE_DOWNLOADS) {
    const [stem, extension] = [name.slice(0, name.lastIndexOf(".")), name.slice(name.lastIndexOf("."))];
    const hashed = readdirSync(built).find((file) => file.startsWith(`${stem}.`) && file.endsWith(extension) && /^\.[0-9a-f]{8}$/.test(file.slice(stem.length, -extension.length)));
    if (!hashed) continue;
    mkdirSync(join(outDir, "data"), { recursive: true });
    cpSync(join(built, hashed), join(outDir, "data", name));
  }
}

async function runFramework(root: string, env: Record<string, string>): Promise<void> {
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, [join(root, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js"), "build"], {
      cwd: root,
      env: { ...process.env, ...env, NODE_NO_WARNINGS: "1", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("error", fail);
    child.on("close", done);
  });
  const text = stripVTControlCharacters(output.join(""));
  // A page or file Framework cannot build makes it throw and exit 1; report what it threw.
  // Built page names are data (a contract reference may read SC-CT-TERRORISM-001), so the
  // output is not searched for words like "error".
  if (code !== 0) throw new Error(`site build failed (exit ${code}): ${thrownMessage(text)}`);
}

/** Framework's CLI prints a thrown error as "Unexpected error: <message>" (or, for its own CliError, the message alone) and a tip. */
export function thrownMessage(output: string): string {
  const unexpected = /^Unexpected error: (.*)$/m.exec(output);
  if (unexpected) return unexpected[1]!;
  const lines = output.split("\n").map((line) => line.trim()).filter((line) => line && !/^(Tip:|If you think this is a bug|↳)/.test(line));
  return lines.at(-1) ?? "(no output)";
}

/** Pages (as reports/…md) whose source mentions the file a page-data module produces. */
function pagesUsing(reports: string, loader: string): string[] {
  const produced = basename(loader).replace(/\.(ts|js|py|sh)$/, "");
  return readdirSync(reports, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((page) => !relative(reports, page).startsWith("."))
    .filter((page) => readFileSync(page, "utf8").includes(produced))
    .map((page) => `reports/${relative(reports, page)}`);
}

/** Post-build fixes to Framework's page template, which tests/browser/site.test.ts checks with axe. */
function fixHtml(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) fixHtml(path);
    else if (entry.name.endsWith(".html")) {
      const html = readFileSync(path, "utf8")
        // WCAG 3.1.1 (language of page): the template has no language.
        .replace(/<html(?![^>]*\slang=)/, '<html lang="en-GB"')
        // WCAG 1.4.4 (resize text), axe "meta-viewport": maximum-scale=1 stops pinch zoom on phones.
        .replace(/(<meta name="viewport" content="[^"]*?),\s*maximum-scale=1(?=[",])/, "$1")
        // WCAG 1.3.1 (info and relationships), axe "list": the sidebar's empty close <label> sits
        // directly in an <ol>. It is a mouse target duplicating the labelled toggle checkbox, so
        // hide it from assistive technology rather than move it (its CSS positions it in the list).
        .replace(/<label id="observablehq-sidebar-close"(?![^>]*aria-hidden)/, '<label id="observablehq-sidebar-close" aria-hidden="true"');
      writeFileSync(path, html);
    }
  }
}
