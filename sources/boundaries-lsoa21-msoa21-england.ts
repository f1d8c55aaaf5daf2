// Small-area boundaries for maps, every LSOA (33,755) and MSOA (6,856) in England on 2021
// boundaries: ONS super-generalised clipped (BSC), repackaged by geographr and written as GeoJSON
// (see data/boundaries-lsoa21-msoa21-england/PROVENANCE.md). The files carry no council; the
// staging model finds it through the LSOA lookup, so one load serves every council's maps.
import { defineSpreadsheetSource, OGL, type Column } from "./declaration.ts";
import { geojsonFeaturesReader } from "./readers/geojson-features.ts";

const FOLDER = "sources/data/boundaries-lsoa21-msoa21-england";

const column = (name: string, type: Column["type"], description: string, required = true): Column => ({ name, type, description, required });

export default defineSpreadsheetSource(
  {
    id: "boundaries-lsoa21-msoa21-england",
    title: "LSOA and MSOA (2021) boundaries, England, super-generalised clipped",
    publisher: "Office for National Statistics, Open Geography Portal (repackaged by the geographr R package)",
    licence: { ...OGL, attribution: `${OGL.attribution}. Contains OS data © Crown copyright and database right` },
    edition: "LSOA (December 2021) EW BSC V4; MSOA (2021) EW BSC V2; geographr c026be5",
    url: "https://geoportal.statistics.gov.uk/",
    format: "geojson",
    // Boundaries change with each census.
    cadenceMonths: 120,
    classification: "public",
    table: "raw_boundaries_lsoa21_msoa21_england",
    files: [
      { path: `${FOLDER}/boundaries_lsoa21_england.geojson`, edition: "LSOA (December 2021) EW BSC V4", released: "2022-11-01" },
      { path: `${FOLDER}/boundaries_msoa21_england.geojson`, edition: "MSOA (2021) EW BSC V2", released: "2023-07-12" },
    ],
    columns: [
      column("level", "VARCHAR", "'lsoa' or 'msoa', told by the features' code property"),
      column("area_code", "VARCHAR", "lsoa21_code or msoa21_code"),
      column("area_name", "VARCHAR", "lsoa21_name or msoa21_name (ONS names)", false),
      column("council_code", "VARCHAR", "Not in these files (always empty): staging finds the council through the LSOA lookup", false),
      column("feature_number", "INTEGER", "The feature's position in its file, from 1 (maps draw in file order)"),
      column("geometry", "VARCHAR", "The feature's GeoJSON geometry (MultiPolygon, WGS84, RFC 7946 winding) as text"),
    ],
  },
  geojsonFeaturesReader(
    [
      { level: "lsoa", code: "lsoa21_code", name: "lsoa21_name" },
      { level: "msoa", code: "msoa21_code", name: "msoa21_name" },
    ],
    "council_code",
  ),
);
