// Observable Framework configuration. Built offline: no Google Fonts (globalStylesheets: []),
// no DuckDB-WASM extensions, libraries imported from node_modules by the pages themselves.
// SITE_OUTPUT is set by the pipeline so that each run builds into a fresh folder.
export default {
  title: "Commissioning intelligence",
  root: "reports",
  output: process.env.SITE_OUTPUT ?? "dist",
  globalStylesheets: [],
  style: "style.css",
  duckdb: { extensions: { json: null, parquet: null } },
  search: false,
  pages: [
    { name: "Population now and in the future", path: "/population" },
    { name: "Accessibility statement", path: "/accessibility" },
  ],
  footer:
    'Contains public sector information licensed under the <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">Open Government Licence v3.0</a>. Source: Office for National Statistics. Code released under the MIT licence.',
};
