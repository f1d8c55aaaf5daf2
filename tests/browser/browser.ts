// Helpers for the browser tests: a local Chromium (no network, fresh profile), the built site on
// a free loopback port, pages opened with every request, console message and page error
// recorded, and axe-core run inside the page.
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import type { AxeResults, Result } from "axe-core";
import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { serveStatic } from "../../pipelines/site/server.ts";

const root = resolve(import.meta.dirname, "../..");
const AXE_SCRIPT = join(root, "node_modules", "axe-core", "axe.min.js");

/** WCAG 2.2 level AA, as the UK public sector accessibility regulations require. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export { type Chromium, launchChromium } from "../../pipelines/bench/chromium.ts";

export interface LocalSite {
  origin: string;
  close(): Promise<void>;
}

/** Serves a built site on 127.0.0.1 at a port the system chooses. */
export async function serveSite(dir: string): Promise<LocalSite> {
  const server = await serveStatic(dir, 0, "127.0.0.1");
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** What a page did while it loaded and rendered. */
export interface PageLog {
  /** Every URL the page asked for. */
  requests: string[];
  /** Requests for anything other than a loopback address: blocked, and listed here. */
  offsite: string[];
  /** Requests that failed, or were answered with status 400 or above. */
  failed: string[];
  consoleErrors: string[];
  pageErrors: string[];
  /** Set if Framework's cells did not all finish rendering. */
  renderProblem: string | null;
}

export interface Visit {
  page: Page;
  log: PageLog;
}

function isLoopback(url: URL): boolean {
  return url.hostname === "localhost" || url.hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}

/**
 * Opens `path` in a new tab with every request routed through a check: loopback requests go
 * ahead, anything else is aborted and recorded. Waits until Framework has rendered every cell
 * (no <observablehq-loading> placeholders left) and the network is idle.
 */
export async function openPage(context: BrowserContext, origin: string, path: string, width = 1280): Promise<Visit> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 800 });
  const log: PageLog = { requests: [], offsite: [], failed: [], consoleErrors: [], pageErrors: [], renderProblem: null };
  const blocked = new Set<string>();
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || ((url.protocol === "http:" || url.protocol === "https:") && isLoopback(url))) {
      await route.continue();
    } else {
      log.offsite.push(url.href);
      blocked.add(url.href);
      await route.abort("blockedbyclient");
    }
  });
  page.on("request", (request) => log.requests.push(request.url()));
  page.on("websocket", (socket) => {
    log.requests.push(socket.url());
    if (!isLoopback(new URL(socket.url()))) log.offsite.push(socket.url());
  });
  page.on("requestfailed", (request) => {
    if (!blocked.has(request.url())) log.failed.push(`${request.url()} (${request.failure()?.errorText ?? "failed"})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) log.failed.push(`${response.url()} (HTTP ${response.status()})`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") {
      const { url, lineNumber } = message.location();
      log.consoleErrors.push(`${message.text()}${url ? ` (${url}:${lineNumber})` : ""}`);
    }
  });
  page.on("pageerror", (error) => log.pageErrors.push(`${error.name}: ${error.message}`));

  await page.goto(`${origin}${path}`, { waitUntil: "load" });
  try {
    await page.waitForFunction(() => document.querySelector("observablehq-loading") === null, undefined, { timeout: 20_000 });
    await page.waitForLoadState("networkidle");
    // A cell that draws its charts one frame at a time (Outcomes) is past "loading" after the
    // first: wait until the main column has stopped changing for half a second (10 s at most).
    await page.evaluate(
      () =>
        new Promise<void>((settled) => {
          let timer = setTimeout(settled, 500);
          setTimeout(settled, 10_000); // a page that never stops changing still gets checked
          new MutationObserver(() => {
            clearTimeout(timer);
            timer = setTimeout(settled, 500);
          }).observe(document.getElementById("observablehq-main") ?? document.body, { childList: true, subtree: true });
        }),
    );
  } catch (error) {
    log.renderProblem = `page did not finish rendering: ${(error as Error).message.split("\n")[0]}`;
  }
  return { page, log };
}

/** Opens every <details>, so that the data tables inside are rendered and readable. */
export async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll("details")) details.open = true;
  });
}

/** Opens every <details> (so axe checks the data tables inside), then runs axe-core. */
export async function runAxe(page: Page): Promise<AxeResults> {
  await openAllDetails(page);
  await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      }),
    WCAG_TAGS,
  );
}

/** One paragraph per violation: rule, impact, help, and the first few offending nodes. */
export function describeViolations(violations: Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.slice(0, 4).map((node) => {
        const why = (node.failureSummary ?? "").split("\n").slice(1).map((line) => line.trim()).join(" ");
        return `    at ${node.target.join(" ")}\n      ${node.html.replace(/\s+/g, " ").slice(0, 200)}\n      ${why.slice(0, 300)}`;
      });
      const more = violation.nodes.length > 4 ? `\n    ... and ${violation.nodes.length - 4} more` : "";
      return `${violation.id} (${violation.impact ?? "no impact"}): ${violation.help}\n  ${violation.helpUrl}\n${nodes.join("\n")}${more}`;
    })
    .join("\n\n");
}

/**
 * Opens a page at a width and expects it clean: rendered, no request leaving the machine or
 * failing, no uncaught or console errors, then `extra`'s own checks, then no axe violation.
 */
export async function expectCleanPage(context: BrowserContext, origin: string, path: string, width: number, extra?: (page: Page) => Promise<void>): Promise<void> {
  const { page, log } = await openPage(context, origin, path, width);
  try {
    expect(log.renderProblem).toBeNull();
    expect(log.offsite, "requests that left the machine").toEqual([]);
    expect(log.failed, "failed requests").toEqual([]);
    expect(log.pageErrors, "uncaught errors").toEqual([]);
    expect(log.consoleErrors, "console errors").toEqual([]);
    await extra?.(page);
    const { violations } = await runAxe(page);
    expect(violations.length, describeViolations(violations)).toBe(0);
  } finally {
    await page.close();
  }
}
