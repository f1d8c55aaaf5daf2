// What each built page costs a reader: bytes transferred (as gzip would send them: the
// preview server sends files uncompressed, so each response body is compressed here) and the
// time from navigation to the first chart, in headless Chromium over loopback.
import { readdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium } from "./chromium.ts";
import { serveStatic } from "../site/server.ts";

/** Every built page, as the clean URL a reader visits ("/", "/places", …). */
export function builtPages(dir: string): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith("_")) walk(path);
      else if (entry.name.endsWith(".html") && entry.name !== "404.html") {
        pages.push(`/${relative(dir, path).replace(/\.html$/, "").replace(/(^|\/)index$/, "")}`);
      }
    }
  };
  walk(dir);
  return pages.sort();
}

export interface PageWeight {
  page: string;
  requests: number;
  /** Sum of response bodies, uncompressed. */
  bytes: number;
  /** Sum of response bodies, each gzip-compressed (what a compressing server would send). */
  compressed: number;
  /** Milliseconds from navigation start to the first chart's SVG; null on pages without charts. */
  firstChartMs: number | null;
}

export async function measurePages(siteDir: string, pages = builtPages(siteDir)): Promise<PageWeight[]> {
  const server = await serveStatic(siteDir, 0, "127.0.0.1");
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const results: PageWeight[] = [];
  try {
    for (const path of pages) {
      // A fresh tab with the cache off, so every page is measured as a first visit.
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      const bodies: Promise<Buffer | null>[] = [];
      page.on("response", (response) => bodies.push(response.body().catch(() => null)));
      // Note the moment the first chart's SVG enters the page, whenever that is.
      await page.addInitScript(() => {
        const w = window as unknown as { firstChartMs: number | null };
        w.firstChartMs = null;
        new MutationObserver((_, observer) => {
          if (document.querySelector("figure.chart-figure svg")) {
            w.firstChartMs = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${origin}${path}`, { waitUntil: "load" });
      await page.waitForFunction(() => document.querySelector("observablehq-loading") === null, undefined, { timeout: 30_000 });
      await page.waitForLoadState("networkidle");
      const firstChartMs = await page.evaluate(() => (window as unknown as { firstChartMs: number | null }).firstChartMs);
      const received = (await Promise.all(bodies)).filter((body): body is Buffer => body !== null);
      results.push({
        page: path,
        requests: received.length,
        bytes: received.reduce((sum, body) => sum + body.length, 0),
        compressed: received.reduce((sum, body) => sum + gzipSync(body).length, 0),
        firstChartMs,
      });
      await page.close();
    }
  } finally {
    await browser.close();
    await new Promise((done) => server.close(() => done(undefined)));
  }
  return results;
}
