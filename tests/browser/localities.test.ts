// The locality pages in Chromium: the pilot area's profile labelled and drawn, the council-wide
// ranking sortable from the keyboard, and a board pack that prints to a clean PDF.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Chromium, launchChromium, openPage, type LocalSite, serveSite } from "./browser.ts";

const setup = inject("pipeline");
let browser: Chromium;
let site: LocalSite;

beforeAll(async () => {
  browser = await launchChromium();
  site = await serveSite(setup.siteDir);
});
afterAll(async () => {
  await site?.close();
  await browser?.close();
});

describe("the Church Stretton pilot area's profile", () => {
  it("is labelled as the pilot and draws its charts and map, each with a table and CSV", async () => {
    const { page, log } = await openPage(browser.context, site.origin, "/localities/church-stretton-pilot");
    try {
      expect(log.pageErrors).toEqual([]);
      expect(await page.locator("h1").textContent()).toBe("Church Stretton pilot area (local commissioning pilot)");
      expect(await page.locator("figure.chart-figure").count()).toBe(3);
      expect(await page.locator("figure.chart-figure a[download]").count()).toBe(3);
      // The map: one shape per neighbourhood of the area.
      expect(await page.locator("#deprivation svg[role=img] path").count()).toBeGreaterThanOrEqual(5);
      expect(await page.getByText("Modelled estimate:").count()).toBe(1);
    } finally {
      await page.close();
    }
  });
});

describe("the localities ranking", () => {
  it("lists every locality, rank 1 first, and re-sorts when another measure is chosen", async () => {
    const { page } = await openPage(browser.context, site.origin, "/localities/");
    try {
      const rows = page.locator("table.locality-ranking tbody tr");
      expect(await rows.count()).toBe(63);
      expect(await rows.first().locator("td").first().textContent()).toBe("1");
      await page.selectOption("#sort-localities", "name");
      await page.waitForFunction(() => document.querySelector("table.locality-ranking caption")?.textContent?.includes("sorted by name"));
      const names = await page.locator("table.locality-ranking tbody th").allTextContents();
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
      expect(await page.locator("h2", { hasText: "Method, weights and caveats" }).count()).toBe(1);
    } finally {
      await page.close();
    }
  });
});

describe("printing a board pack", () => {
  it("gives a PDF of the pilot's pack: its figures, ranking, board sections labelled illustrative, no navigation", async () => {
    const { page, log } = await openPage(browser.context, site.origin, "/localities/board-pack?locality=church-stretton-pilot");
    try {
      expect(log.pageErrors).toEqual([]);
      await page.emulateMedia({ media: "print" });
      expect(await page.locator("#observablehq-sidebar").isVisible()).toBe(false);
      expect(await page.locator("h1").textContent()).toBe("Board pack: Church Stretton pilot area (local commissioning pilot)");
      for (const heading of ["The place in figures", "Need against provision", "Contracts delivered in or near the place", "Local knowledge", "Commissioning ready?"]) {
        expect(await page.locator("h2", { hasText: heading }).isVisible(), heading).toBe(true);
      }
      expect(await page.locator(".illustrative").isVisible()).toBe(true);
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(pages.length).toBeLessThanOrEqual(4);
    } finally {
      await page.close();
    }
  });
});
