// Boundaries for maps, made light enough for a public page: coordinates rounded to 4 decimal
// places (about 10 m, finer than the generalised boundaries themselves), only the area code
// and name kept, and rings wound the way d3-geo expects. ONS publishes GeoJSON with RFC 7946
// winding (exterior rings anticlockwise); d3 reads that as "everything but this polygon".
import { geoArea } from "d3";

type Position = number[];
type Ring = Position[];
interface Geometry {
  type: "Polygon" | "MultiPolygon";
  coordinates: Ring[] | Ring[][];
}

const round = (ring: Ring): Ring => ring.map(([x, y]) => [Math.round(x! * 1e4) / 1e4, Math.round(y! * 1e4) / 1e4]);

/** Reverses a polygon's rings if d3 would read it as covering more than half the globe. */
function wind(rings: Ring[]): Ring[] {
  const polygon = { type: "Polygon" as const, coordinates: rings };
  return geoArea(polygon) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
}

export interface CompactFeatures {
  type: "FeatureCollection";
  features: { type: "Feature"; properties: { code: string; name: string }; geometry: Geometry }[];
}

/** An area as the needs_small_area_boundaries mart holds it: geometry as GeoJSON text. */
export interface AreaBoundary {
  area_code: string;
  area_name: string | null;
  geometry: string;
}

/** Null when there are no areas (boundaries ship for the default council only). */
export function compactFeatures(areas: AreaBoundary[]): CompactFeatures | null {
  if (areas.length === 0) return null;
  return {
    type: "FeatureCollection",
    features: areas.map((area) => {
      const geometry = JSON.parse(area.geometry) as Geometry;
      const coordinates =
        geometry.type === "Polygon"
          ? wind((geometry.coordinates as Ring[]).map(round))
          : (geometry.coordinates as Ring[][]).map((polygon) => wind(polygon.map(round)));
      return {
        type: "Feature",
        properties: { code: area.area_code, name: String(area.area_name) },
        geometry: { type: geometry.type, coordinates } as Geometry,
      };
    }),
  };
}
