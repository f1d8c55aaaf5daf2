// Observable Framework configuration. Built offline: no Google Fonts (globalStylesheets: []),
// no DuckDB-WASM extensions, libraries imported from node_modules by the pages themselves.
// The pipeline sets SITE_SOURCE (a private copy of reports/, so that builds running at the
// same time never share Framework's loader cache) and SITE_OUTPUT (a fresh folder per run).
// Two builds come from this one configuration (pipelines/site/build.ts): the public site
// (SITE_AUDIENCE=public, the default), which never includes reports/internal/ and whose
// loaders may read public tables only; and the commissioners' internal site
// (SITE_AUDIENCE=internal), which adds the review pages and is never published to the public.
// Release information on every page: the date and run that built it (the pipeline sets these;
// each page's "About these figures" gives the data editions).
// One page shows every contract, reading the reference from its address
// (reports/components/contract-path.js), so there are no per-contract pages to list.
// Locality profiles are one parameterized page, reports/localities/[locality].md, built once per
// locality: the paths come from the page data the pipeline has already written into the build's
// copy of reports/ (localities/data/localities.json), so the list follows the site's council and
// its locality file. Under `npm run dev` that file is not there, and Framework serves any
// /localities/<id> on request instead.
import { existsSync, readFileSync } from "node:fs";

const internal = process.env.SITE_AUDIENCE === "internal";
const root = process.env.SITE_SOURCE ?? "reports";
const built = process.env.SITE_BUILT_ON
  ? ` Published ${new Date(`${process.env.SITE_BUILT_ON}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" })}${process.env.SITE_RUN_ID ? ` by run ${process.env.SITE_RUN_ID}` : ""}.`
  : "";

function localityPaths(): string[] {
  const file = `${root}/localities/data/localities.json`;
  if (!existsSync(file)) return [];
  const { localities } = JSON.parse(readFileSync(file, "utf8")) as { localities: { id: string }[] };
  return localities.map((locality) => `/localities/${locality.id}`);
}

const publicPages = [
  { name: "Population now and in the future", path: "/population" },
  { name: "Market Position Statement: care homes", path: "/market-position/care-homes" },
  { name: "Places", path: "/places" },
  { name: "Localities: need against provision", path: "/localities/" },
  { name: "Locality board packs", path: "/localities/board-pack" },
  { name: "Outcomes", path: "/outcomes" },
  { name: "Indicator definitions", path: "/definitions" },
  { name: "How we protect small numbers", path: "/small-numbers" },
  { name: "Releases and data catalogue", path: "/releases" },
  { name: "Accessibility statement", path: "/accessibility" },
];

const internalPages = {
  name: "Commissioner review (internal)",
  open: true,
  pages: [
    { name: "Contract review overview", path: "/internal/" },
    { name: "Contracts ending (re-commissioning)", path: "/internal/expiries" },
    { name: "KPI performance and decommissioning", path: "/internal/kpis" },
    { name: "Supplier mix", path: "/internal/suppliers" },
    { name: "Prompt payment", path: "/internal/payments" },
    { name: "Spend and grants", path: "/internal/spend" },
    { name: "Source freshness", path: "/internal/freshness" },
    { name: "Run history", path: "/internal/runs" },
  ],
};

export default {
  title: internal ? "Commissioning intelligence: internal" : "Commissioning intelligence",
  root,
  output: process.env.SITE_OUTPUT ?? "dist",
  globalStylesheets: [],
  style: "style.css",
  duckdb: { extensions: { json: null, parquet: null } },
  search: false,
  // An empty icon: otherwise every page asks for /favicon.ico and logs a 404.
  head: '<link rel="icon" href="data:,">',
  header: internal ? '<p class="internal-banner"><strong>Internal:</strong> for commissioners, not for publication.</p>' : "",
  pages: internal ? [internalPages, ...publicPages] : publicPages,
  // The profiles are public pages; the internal build, which repeats the public pages, leaves
  // them out rather than build every locality twice (its sidebar links reach the public site's).
  dynamicPaths: internal ? [] : localityPaths(),
  footer:
    'Contains public sector information licensed under the <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">Open Government Licence v3.0</a>. Sources: Office for National Statistics, NHS Digital, Office for Local Government. Code released under the MIT licence.' + built,
};

