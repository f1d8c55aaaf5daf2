// Small-area boundaries for maps: LSOAs and MSOAs on 2021 boundaries (ONS, generalised clipped),
// one file per council per level as drkane/geo-lookups cuts them. Bundled for the default
// council only; another council's files are added to `files` (see
// data/boundaries-lsoa-msoa-2021/PROVENANCE.md). The 2011 files beside them are not loaded.
import { defineSpreadsheetSource, OGL, type Column } from "./declaration.ts";
import { geojsonFeaturesReader } from "./readers/geojson-features.ts";

const FOLDER = "sources/data/boundaries-lsoa-msoa-2021";

/** The bundled files, by level and council code (data: one entry per council's file). */
const FILES = [
  { level: "lsoa", council: "E06000051" },
  { level: "msoa", council: "E06000051" },
];

const column = (name: string, type: Column["type"], description: string, required = true): Column => ({ name, type, description, required });

export default defineSpreadsheetSource(
  {
    id: "boundaries-lsoa-msoa-2021",
    title: "LSOA and MSOA (December 2021) boundaries, generalised clipped, one file per council",
    publisher: "Office for National Statistics, Open Geography Portal (cut per council by David Kane, drkane/geo-lookups)",
    licence: { ...OGL, attribution: `${OGL.attribution}. Contains OS data © Crown copyright and database right` },
    edition: "December 2021 boundaries (BGC); drkane/geo-lookups commit e20a072 (5 June 2026)",
    url: "https://geoportal.statistics.gov.uk/",
    format: "geojson",
    // Boundaries change with each census; the per-council cut is refreshed yearly at most.
    cadenceMonths: 12,
    classification: "public",
    table: "raw_boundaries_lsoa_msoa_2021",
    files: FILES.map(({ level, council }) => ({ path: `${FOLDER}/${level}_${council}.geojson`, edition: `${level.toUpperCase()} 2021, ${council}`, released: "2026-06-05" })),
    columns: [
      column("level", "VARCHAR", "'lsoa' or 'msoa', told by the features' code property"),
      column("area_code", "VARCHAR", "LSOA21CD or MSOA21CD"),
      column("area_name", "VARCHAR", "LSOA21NM or MSOA21NM (ONS names, not the House of Commons Library's)", false),
      column("council_code", "VARCHAR", "UTLACD: the upper-tier council the area lies in", false),
      column("feature_number", "INTEGER", "The feature's position in its file, from 1 (maps draw in file order)"),
      column("geometry", "VARCHAR", "The feature's GeoJSON geometry (Polygon or MultiPolygon, WGS84, RFC 7946 winding) as text"),
    ],
  },
  geojsonFeaturesReader(
    [
      { level: "lsoa", code: "LSOA21CD", name: "LSOA21NM" },
      { level: "msoa", code: "MSOA21CD", name: "MSOA21NM" },
    ],
    "UTLACD",
  ),
);
