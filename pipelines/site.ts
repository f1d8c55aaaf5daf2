// Builds the Observable Framework site from a given warehouse into a fresh folder, then makes
// it the published one by switching the `dist` symlink, which is a single atomic rename.
import { spawn } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";

/** Prefix of the per-build copies of reports/ at the project root (ignored by git). */
export const SOURCE_COPY_PREFIX = ".site-src-";

export interface SiteBuild {
  root: string;
  warehousePath: string;
  outDir: string;
  /** The run that built the warehouse, shown in every page's footer. */
  runId?: string;
}

/** Runs `observable build` with the loaders pointed at the given warehouse. */
export async function buildSite({ root, warehousePath, outDir, runId }: SiteBuild): Promise<void> {
  // Framework caches loader output beside the pages, keyed by loader file rather than by the
  // data it reads, and two builds at once would share it. So each build works on its own
  // copy of reports/, a sibling folder (relative imports such as ../../pipelines still
  // resolve), with an empty cache.
  const source = `${SOURCE_COPY_PREFIX}${basename(outDir)}`;
  const sourceDir = join(root, source);
  rmSync(sourceDir, { recursive: true, force: true });
  cpSync(join(root, "reports"), sourceDir, { recursive: true, filter: (path) => !path.includes(".observablehq") });
  rmSync(outDir, { recursive: true, force: true });
  try {
    await runFramework(root, {
      WAREHOUSE_PATH: warehousePath,
      SITE_OUTPUT: outDir,
      SITE_SOURCE: source,
      SITE_RUN_ID: runId ?? "",
      SITE_BUILT_ON: new Date().toISOString().slice(0, 10),
    });
  } finally {
    rmSync(sourceDir, { recursive: true, force: true });
  }
  fixHtml(outDir);
  stableDownloads(outDir);
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

async function runFramework(root: string, env: Record<string, string>): Promise<void> {
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
  const problem = /^.*(error|✗|failed to load|unable to load).*$/im.exec(text);
  if (code !== 0 || problem) {
    throw new Error(`site build failed${code !== 0 ? ` (exit ${code})` : ""}: ${problem?.[0] ?? text.slice(-2000)}`);
  }
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

/**
 * Points `site` (a symlink) at the freshly built folder. The new link is made beside the old
 * one and renamed over it, so readers see the old site or the new one, never neither.
 * Builds live in a hidden sibling folder, `.dist-builds/`; only the published one is kept.
 */
export function publishSite(builtDir: string, site: string): void {
  const siteDir = resolve(site);
  const holder = join(dirname(siteDir), `.${basename(siteDir)}-builds`);
  const target = join(holder, basename(builtDir));
  mkdirSync(holder, { recursive: true });
  rmSync(target, { recursive: true, force: true });
  renameSync(builtDir, target);
  if (existsSync(siteDir) && !isSymlink(siteDir)) {
    renameSync(siteDir, join(holder, `replaced-${Date.now()}`)); // a real folder from a manual build
  }
  const link = `${siteDir}.link-${process.pid}`;
  rmSync(link, { force: true });
  symlinkSync(relative(dirname(siteDir), target), link, "dir");
  renameSync(link, siteDir);
  for (const name of readdirSync(holder)) {
    const path = join(holder, name);
    if (path !== target) rmSync(path, { recursive: true, force: true });
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
