// Sites for a council other than the default, built from the same warehouse (tests/setup/
// pipeline.ts) from its code alone, in Debian's Chromium: Somerset, a unitary formed in 2023,
// with estimates before 2023 summed from its districts, the 2018-based projection and no
// contract register, spend or grants. Every page must render without errors and pass axe at
// desktop and phone widths, and say what is missing instead of breaking.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { builtPages } from "../../pipelines/bench/page-weight.ts";
import { ENGLAND_CODE } from "../../pipelines/config.ts";
import { buildSites } from "../../pipelines/site/build.ts";
import { type Chromium, expectCleanPage, launchChromium, openPage, type LocalSite, serveSite } from "../browser/browser.ts";

const setup = inject("pipeline");
const root = join(import.meta.dirname, "../..");
const out = mkdtempSync(join(tmpdir(), "other-council-"));
const publicDir = join(out, "public");
const internalDir = join(out, "internal");
// Built when the file is collected, so that the list of pages to test is known.
await buildSites({ root, warehousePath: join(setup.warehouseDir, "warehouse.duckdb"), site: { council: "E06000066", england: ENGLAND_CODE }, publicDir, internalDir });

// Locality profiles are one page built once per ward: the first is enough here (the pages for
// the default council are sampled in site.test.ts and checked in localities.test.ts).
const PROFILE = /^\/localities\/(?!index$|board-pack$)[^/]+$/;
const built = builtPages(publicDir);
const pages = [...built.filter((path) => !PROFILE.test(path)), ...built.filter((path) => PROFILE.test(path)).slice(0, 1)];

let browser: Chromium;
let site: LocalSite;
let internalSite: LocalSite;


beforeAll(async () => {
  browser = await launchChromium();
  site = await serveSite(publicDir);
  internalSite = await serveSite(internalDir);
}, 300_000);

afterAll(async () => {
  await site?.close();
  await internalSite?.close();
  await browser?.close();
});

describe("Somerset's sites", () => {
  it("the home page names Somerset and says what the bundled data holds for it", async () => {
    const { page } = await openPage(browser.context, site.origin, "/");
    try {
      const text = await page.locator("#observablehq-main").innerText();
      expect(text).toMatch(/Commissioning evidence for Somerset/);
      expect(text).toMatch(/Outcomes: \d+ published indicators/);
      expect(text).toMatch(/projections from the ONS 2018-based/);
      expect(text).toMatch(/7 of them summed from the councils it replaced/);
    } finally {
      await page.close();
    }
  });

  for (const width of [1280, 375]) {
    describe(`at ${width}px wide`, () => {
      for (const path of pages) {
        it(`${path} renders and passes axe`, () => expectCleanPage(browser.context, site.origin, path, width));
      }
    });
  }
});
