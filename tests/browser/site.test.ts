// The built site (from the pipeline run in tests/setup/pipeline.ts) in Debian's Chromium:
// every page renders without errors or off-machine requests, passes axe-core for WCAG 2.2 AA
// at desktop and phone widths, shows the published figures, and can be used with a keyboard.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { builtPages } from "../../pipelines/bench/page-weight.ts";
import { loadCouncilConfig } from "../../pipelines/config.ts";
import { openWarehouse, queryWarehouse } from "../../pipelines/warehouse.ts";
import { contractHref } from "../../reports/components/contract-path.js";
import { type Chromium, expectCleanPage, launchChromium, openAllDetails, openPage, type LocalSite, serveSite } from "./browser.ts";

const setup = inject("pipeline");

let browser: Chromium;
let site: LocalSite;
let internalSite: LocalSite;

beforeAll(async () => {
  browser = await launchChromium();
  site = await serveSite(setup.siteDir);
  internalSite = await serveSite(setup.internalSiteDir);
});

afterAll(async () => {
  await site?.close();
  await internalSite?.close();
  await browser?.close();
});

// Locality profiles are one page built once per locality (reports/localities/[locality].md):
// axe runs on the pilot area and one ward here, and tests/browser/localities.test.ts checks them.
const LOCALITY_PROFILE = /^\/localities\/(?!index$|board-pack$)[^/]+$/;
const SAMPLED_LOCALITIES = ["/localities/church-stretton-pilot", "/localities/e05008136", "/localities/board-pack?locality=church-stretton-pilot"];
const pages = [...builtPages(setup.siteDir).filter((path) => !LOCALITY_PROFILE.test(path)), ...SAMPLED_LOCALITIES];
// The internal site also carries the public pages, tested above; these are its own.
const allInternalPages = builtPages(setup.internalSiteDir).filter((path) => path.startsWith("/internal"));

// One page shows every contract (internal/contract?reference=...). axe runs on it for one
// contract in each expiry band, every decommissioning candidate, and one contract with no KPI
// returns: the shapes of data the page draws differently.
// tests/integration/contracts-review.test.ts checks every contract is in the page's data.
const CONTRACT_PAGE = "/internal/contract";
const sampledContracts = await queryWarehouse<{ reference: string }>(
  join(setup.warehouseDir, "warehouse.duckdb"),
  // The register holds every council's contracts; the site shows the configured council's.
  `with mine as (select reference, expiry_band from contracts_register where council_code = '${loadCouncilConfig(join(import.meta.dirname, "../..")).council}')
   select min(reference) as reference from mine group by expiry_band
   union select reference from contracts_decommissioning_candidates where reference in (select reference from mine)
   union select min(reference) from mine where reference not in (select reference from contracts_kpi_ratings)`,
);
const sampledPaths = new Set(sampledContracts.filter((row) => row.reference !== null).map((row) => `/internal/${contractHref(row.reference).slice(2)}`));
const internalPages = [...allInternalPages.filter((path) => path !== CONTRACT_PAGE), ...sampledPaths];

describe("the built site", () => {
  it("has the home, population and accessibility pages", () => {
    expect(pages).toEqual(expect.arrayContaining(["/", "/population", "/market-position/care-homes", "/places", "/outcomes", "/definitions", "/accessibility"]));
  });
});

for (const width of [1280, 375]) {
  describe(`every page at ${width}px wide`, () => {
    for (const path of pages) {
      it(`${path} renders offline and passes axe (WCAG 2.2 AA)`, () => expectCleanPage(browser.context, site.origin, path, width));
    }
  });
}

for (const width of [1280, 375]) {
  describe(`every internal (commissioner) page at ${width}px wide`, () => {
    it("includes the review, freshness and run history pages, and the sampled contract pages", () => {
      expect(internalPages).toEqual(expect.arrayContaining(["/internal/freshness", "/internal/runs", ...sampledPaths]));
      expect(sampledPaths.size).toBeGreaterThanOrEqual(5);
    });
    for (const path of internalPages) {
      it(`${path} renders offline, says it is internal, and passes axe (WCAG 2.2 AA)`, () =>
        expectCleanPage(browser.context, internalSite.origin, path, width, async (page) => expect(await page.locator("#observablehq-header .internal-banner").innerText()).toMatch(/^Internal:/)));
    }
  });
}

describe("the contract page", () => {
  it("shows the contract its address names, and says so when the register has no such contract", async () => {
    const [first] = [...sampledContracts];
    const { page } = await openPage(browser.context, internalSite.origin, `/internal/${contractHref(first!.reference).slice(2)}`);
    try {
      expect(await page.locator("#observablehq-main h1").innerText()).toMatch(new RegExp(`^${first!.reference}: `));
    } finally {
      await page.close();
    }
    const missing = await openPage(browser.context, internalSite.origin, `/internal/${contractHref("NO/SUCH #1?").slice(2)}`);
    try {
      expect(await missing.page.locator("#observablehq-main").innerText()).toMatch(/No contract with reference NO\/SUCH #1\? is in the configured council's register/);
    } finally {
      await missing.page.close();
    }
  });
});

describe("the run history", () => {
  it("shows the run that built the site as in progress with its figures not yet known, not as 0.0 s and 0 rows", async () => {
    const { page } = await openPage(browser.context, internalSite.origin, "/internal/runs");
    try {
      const row = page.locator("table tbody tr", { hasText: "in progress (this publication)" });
      expect(await row.count()).toBe(1);
      const cells = await row.locator("td.num").allInnerTexts();
      expect(cells.length).toBe(5);
      for (const cell of cells) expect(cell).toBe("not yet known");
    } finally {
      await page.close();
    }
  });
});

describe("the Market Position Statement for care homes", () => {
  it("shows the CQC file's figures for Shropshire, the gap ahead with its assumptions, and labelled intentions", async () => {
    const { page, log } = await openPage(browser.context, site.origin, "/market-position/care-homes");
    try {
      expect(log.renderProblem).toBeNull();
      const text = await page.locator("#observablehq-main").innerText();
      // CQC care directory, spring 2021 (sources/data/cqc-care-homes-england-2021): Shropshire has 87 homes and
      // 3,259 beds registered for the older people band, of 119 homes and 3,526 beds in all.
      expect(text).toMatch(/87 care homes registered for older people, with 3,259 beds/);
      expect(text).toMatch(/119 care homes and 3,526 beds for all ages/);
      expect(await page.locator("#beds-needed figcaption").innerText()).toMatch(/Assumptions: Beds per 1,000 aged 75\+ held at the 2021 rate/);
      expect(await page.locator("p.illustrative").innerText()).toMatch(/^Illustrative data/);
      expect(await page.locator("table", { hasText: "What the council intends to buy" }).locator("tbody tr").count()).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});

describe("printing the Market Position Statement", () => {
  it("gives a readable PDF: several A4 pages, charts and text kept, navigation left out", async () => {
    const { page } = await openPage(browser.context, site.origin, "/market-position/care-homes");
    try {
      await page.emulateMedia({ media: "print" });
      expect(await page.locator("#observablehq-sidebar").isVisible()).toBe(false);
      const charts = page.locator("figure.chart-figure svg[role=img]");
      expect(await charts.count()).toBeGreaterThanOrEqual(6);
      for (const chart of await charts.all()) expect(await chart.isVisible()).toBe(true);
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(4);
    } finally {
      await page.close();
    }
  });
});

describe("the Places page", () => {
  it("draws the deprivation and locality maps with every neighbourhood and care home", async () => {
    const { page, log } = await openPage(browser.context, site.origin, "/places");
    try {
      expect(log.renderProblem).toBeNull();
      // IoD2025 Shropshire subset: 198 LSOAs (2021); 39 MSOAs; CQC March 2021: 119 care homes.
      expect(await page.locator("#deprivation-map svg[role=img] g[aria-hidden] path, #deprivation-map svg[role=img] path").count()).toBeGreaterThanOrEqual(198);
      expect(await page.locator("#localities-map svg[role=img] circle").count()).toBe(119);
      const headline = await page.locator("#deprivation-map h3").innerText();
      expect(headline).toMatch(/^2 of Shropshire's 198 neighbourhoods are among the 10% most deprived in England, and 11 among the 20% most deprived/);
    } finally {
      await page.close();
    }
  });
});

describe("the outcomes page", () => {
  it("shows Shropshire's published ASCOF values, their intervals, and significance in words and shapes", async () => {
    const { page, log } = await openPage(browser.context, site.origin, "/outcomes");
    try {
      expect(log.renderProblem).toBeNull();
      const rows = await page.locator("table.summary-table tbody tr").allInnerTexts();
      const row = (code: string) => rows.find((text) => text.includes(`(ASCOF ${code})`)) ?? "";
      // ascof_2024_25.ods, Shropshire 2024-25: 2A 81.5% (1,695 / 2,081; England 77.1%), 2C 618.5 per 100,000, 3D(2a) 14.6%.
      expect(row("2A")).toMatch(/81\.5%\s+79\.7% to 83\.1%\s+77\.1%.*▲ better than England/s);
      expect(row("2C")).toContain("618.5 per 100,000");
      expect(row("3D(2a)")).toMatch(/14\.6%.*▼ worse than England/s);
      expect(await page.locator("figure[id^=range-]").count()).toBe(26);
      expect(await page.locator("figure#funnel-ascof-2a svg").count()).toBeGreaterThan(0);
      expect(await page.getByText("Shropshire is worse than the benchmark and getting worse").count()).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});

describe("the indicator definitions page", () => {
  it("lists every registered indicator and links a CSV and JSON export that match the registry", async () => {
    const { INDICATORS } = await import("../../models/indicators/index.ts");
    const { page } = await openPage(browser.context, site.origin, "/definitions");
    try {
      const headings = await page.locator("section.indicator-definition h2").allInnerTexts();
      expect(headings.length).toBe(INDICATORS.length);
      for (const indicator of INDICATORS) expect(headings.some((h) => h.startsWith(indicator.title))).toBe(true);
      const jsonHref = await page.locator("a", { hasText: "JSON" }).getAttribute("href");
      const csvHref = await page.locator("a", { hasText: "CSV" }).getAttribute("href");
      const json = (await (await fetch(new URL(jsonHref!, `${site.origin}/definitions`))).json()) as { id: string; licence: string }[];
      expect(json.map((d) => d.id)).toEqual(INDICATORS.map((d) => d.id));
      expect(json.every((d) => d.licence.length > 0)).toBe(true);
      const csv = await (await fetch(new URL(csvHref!, `${site.origin}/definitions`))).text();
      expect(csv.split("\n")[0]).toMatch(/^id,title,definition,framework,code/);
      expect(csv.trim().split("\n").length).toBe(INDICATORS.length + 1);
      // The same exports at fixed addresses, for tools that link to the catalogue.
      expect(await (await fetch(`${site.origin}/data/indicators.csv`)).text()).toBe(csv);
      expect(await (await fetch(`${site.origin}/data/indicators.json`)).json()).toEqual(json);
    } finally {
      await page.close();
    }
  });
});

describe("the population page", () => {
  it("shows Shropshire's published figures in its data tables and offers CSV downloads", async () => {
    const { page, log } = await openPage(browser.context, site.origin, "/population");
    try {
      expect(log.renderProblem).toBeNull();
      await openAllDetails(page);
      const text = await page.locator("#observablehq-main").innerText();
      expect(text).toContain("Shropshire");
      // Release information: the run that built the page, which is the published warehouse's run
      // (read now: integration tests may have republished since the setup run).
      const db = await openWarehouse(join(setup.warehouseDir, "warehouse.duckdb"), { readOnly: true });
      const [published] = await db.all<{ run_id: string }>("select run_id from meta_run");
      db.close();
      expect(await page.locator("#observablehq-footer").innerText()).toContain(`by run ${published!.run_id}`);
      // ONS mid-year estimates for mid-2015, mid-2021 and mid-2022, and the 2022-based SNPP
      // totals for 2022 and 2047 (sources/data/*/PROVENANCE.md).
      for (const figure of ["311,380", "324,716", "327,178", "327,479", "386,655"]) expect(text).toContain(figure);
      const figures = page.locator("figure.chart-figure");
      expect(await figures.count()).toBeGreaterThanOrEqual(3);
      for (const figure of await figures.all()) {
        // Headline, source line and an accessible table behind every chart.
        await expect.poll(() => figure.locator("h3").count()).toBeGreaterThan(0);
        expect(await figure.locator("figcaption").innerText()).toMatch(/Source:/);
        expect(await figure.locator("table th[scope=col]").count()).toBeGreaterThan(0);
        const href = await figure.locator("a[download]").getAttribute("href");
        expect(href).toMatch(/^data:text\/csv/);
        const csv = decodeURIComponent(href!.slice(href!.indexOf(",") + 1));
        expect(csv.split("\n").length).toBeGreaterThan(2);
      }
    } finally {
      await page.close();
    }
  });

  it("can be worked from the keyboard: Tab reaches a visible focus, Enter opens a data table", async () => {
    const { page } = await openPage(browser.context, site.origin, "/population");
    try {
      const summary = page.locator("figure.chart-figure details > summary").first();
      await summary.focus();
      const outline = await summary.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline).not.toBe("none");
      await page.keyboard.press("Enter");
      expect(await summary.evaluate((el) => (el.parentElement as HTMLDetailsElement).open)).toBe(true);
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement?.tagName.toLowerCase());
      expect(focused).not.toBe("body");
    } finally {
      await page.close();
    }
  });
});
