// Builds the Observable Framework site from a given warehouse into a fresh folder, then makes
// it the published one by switching the `dist` symlink, which is a single atomic rename.
import { spawn } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { readMartLog, writeCatalogue } from "./catalogue.ts";
import { assertNoRestrictedText } from "./scan.ts";
import { openWarehouse } from "../warehouse.ts";

/** Prefix of the per-build copies of reports/ at the project root (ignored by git). */
export const SOURCE_COPY_PREFIX = ".site-src-";

export type Audience = "public" | "internal";

export interface SiteBuild {
  root: string;
  warehousePath: string;
  outDir: string;
  /** The run that built the warehouse, shown in every page's footer. */
  runId?: string;
  /**
   * public (the default): reports/ without reports/internal/, and loaders may read public
   * tables only. internal: everything, for commissioners; never published to the public site.
   */
  audience?: Audience;
  /** The run log, for the internal site's run history page. */
  runLogPath?: string;
}

/** Runs `observable build` with the loaders pointed at the given warehouse. */
export async function buildSite({ root, warehousePath, outDir, runId, audience = "public", runLogPath }: SiteBuild): Promise<void> {
  // Framework caches loader output beside the pages, keyed by loader file rather than by the
  // data it reads, and two builds at once would share it. So each build works on its own
  // copy of reports/, a sibling folder (relative imports such as ../../pipelines still
  // resolve), with an empty cache.
  const source = `${SOURCE_COPY_PREFIX}${basename(outDir)}`;
  const sourceDir = join(root, source);
  rmSync(sourceDir, { recursive: true, force: true });
  const internalPages = join(root, "reports", "internal");
  cpSync(join(root, "reports"), sourceDir, {
    recursive: true,
    // The public build never sees the internal pages or their loaders.
    filter: (path) => !path.includes(".observablehq") && (audience === "internal" || !isWithin(path, internalPages)),
  });
  rmSync(outDir, { recursive: true, force: true });
  const martLog = join(sourceDir, ".marts-read.jsonl");
  // Loaders run one by one while the build goes on; if they opened the given warehouse they
  // could straddle a run publishing a new one and mix two runs' figures. So the build reads a
  // private snapshot. The published warehouse is only ever replaced by rename, never written in
  // place, so the copy is of one whole warehouse.
  const snapshot = join(sourceDir, ".warehouse-snapshot.duckdb");
  copyFileSync(warehousePath, snapshot);
  try {
    await runFramework(root, sourceDir, {
      WAREHOUSE_PATH: snapshot,
      SITE_OUTPUT: outDir,
      SITE_SOURCE: source,
      SITE_AUDIENCE: audience,
      SITE_RUN_ID: runId ?? "",
      SITE_BUILT_ON: new Date().toISOString().slice(0, 10),
      SITE_MART_LOG: martLog,
      SITE_DYNAMIC_PATHS: JSON.stringify(audience === "internal" ? await contractPaths(snapshot) : []),
      RUN_LOG_PATH: runLogPath ?? "",
    });
    fixHtml(outDir);
    if (audience === "public") {
      // The loaders refused any table not classified public; this checks what was written.
      await assertNoRestrictedText(snapshot, outDir);
      await writeCatalogue(snapshot, outDir, existsSync(martLog) ? readMartLog(martLog) : [], runId ?? "");
    }
  } finally {
    rmSync(sourceDir, { recursive: true, force: true });
  }
  stableDownloads(outDir);
}

function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder}/`);
}

/** One page per contract on the internal site: Framework must be told each parameter value. */
async function contractPaths(warehousePath: string): Promise<string[]> {
  const db = await openWarehouse(warehousePath, { readOnly: true });
  try {
    const [exists] = await db.all(`select 1 from information_schema.tables where table_name = 'contracts_register'`);
    if (!exists) return [];
    const rows = await db.all<{ reference: string }>(`select reference from contracts_register order by reference`);
    return rows.map((row) => `/internal/contracts/${encodeURIComponent(row.reference)}`);
  } finally {
    db.close();
  }
}

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

async function runFramework(root: string, sourceDir: string, env: Record<string, string>): Promise<void> {
  const output: string[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, [join(root, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js"), "build"], {
      cwd: root,
      env: { ...process.env, ...env, NODE_NO_WARNINGS: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("error", fail);
    child.on("close", done);
  });
  const text = output.join("");
  // Framework reports a failing loader or page but can still exit 0; treat either as failure.
  const refusal = /public build refused: (\S+) reads table (\S+),.*$/m.exec(text);
  if (refusal) {
    const [, loader, table] = refusal as unknown as [string, string, string];
    const pages = pagesUsing(sourceDir, loader);
    throw new Error(`public build refused: page ${pages.length ? pages.join(", ") : "(no page found)"} reads table ${table} through ${loader}: ${refusal[0]}`);
  }
  const problem = /^.*(error|✗|failed to load|unable to load).*$/im.exec(text);
  if (code !== 0 || problem) {
    throw new Error(`site build failed${code !== 0 ? ` (exit ${code})` : ""}: ${problem?.[0] ?? text.slice(-2000)}`);
  }
}

/** Pages (as reports/…md) whose source mentions the file a loader produces. */
function pagesUsing(sourceDir: string, loader: string): string[] {
  const produced = basename(loader).replace(/\.(ts|js|py|sh)$/, "");
  return readdirSync(sourceDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((page) => readFileSync(page, "utf8").includes(produced))
    .map((page) => `reports/${relative(sourceDir, page)}`);
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
