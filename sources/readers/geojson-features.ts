// Reads a GeoJSON FeatureCollection into one row per feature: the feature's code and name
// (from the properties the declaration names for each level of geography), the code of the
// council it lies in, its position in the file and its geometry as GeoJSON text. The level is
// told by which code property the file's features carry (an LSOA file has LSOA21CD). A feature
// without a code or a polygon geometry becomes a reject naming it; a file that is not a
// FeatureCollection, or whose features carry no declared code property, stops the load.
import { z } from "zod";
import { StructuralError, type Reject, type RawValue, type SheetReadResult, type SourceFile, type SpreadsheetSource } from "../declaration.ts";
import { jsonPath, readJsonDocument } from "./json-document.ts";

export interface FeatureLevel {
  /** The value of the level column, e.g. "lsoa". */
  level: string;
  /** The feature property holding the area code, e.g. "LSOA21CD". */
  code: string;
  /** The feature property holding the area name. */
  name: string;
}

const collectionSchema = z.looseObject({ type: z.literal("FeatureCollection"), features: z.array(z.unknown()) });
const featureSchema = z.looseObject({
  type: z.literal("Feature"),
  properties: z.record(z.string(), z.unknown()),
  geometry: z.looseObject({ type: z.enum(["Polygon", "MultiPolygon"]), coordinates: z.array(z.unknown()) }),
});

/** Columns, in order: level, area_code, area_name, council_code (from `councilProperty`), feature_number, geometry. */
export function geojsonFeaturesReader(levels: readonly FeatureLevel[], councilProperty: string): SpreadsheetSource["read"] {
  return (file: SourceFile, absolutePath: string): SheetReadResult => {
    const collection = readJsonDocument(file, absolutePath, collectionSchema, "a GeoJSON FeatureCollection");
    const properties = (collection.features[0] as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
    const level = levels.find((candidate) => candidate.code in properties);
    if (!level) throw new StructuralError(file.path, { column: levels.map((candidate) => candidate.code).join(" or ") }, "the features carry none of the declared code properties");
    const rows: RawValue[][] = [];
    const rejects: Reject[] = [];
    collection.features.forEach((candidate, index) => {
      const feature = featureSchema.safeParse(candidate);
      const code = feature.success ? feature.data.properties[level.code] : undefined;
      if (feature.success && typeof code === "string" && code !== "") {
        const name = feature.data.properties[level.name];
        const council = feature.data.properties[councilProperty];
        rows.push([level.level, code, typeof name === "string" ? name : null, typeof council === "string" ? council : null, index + 1, JSON.stringify(feature.data.geometry)]);
        return;
      }
      const issue = feature.success ? { path: ["properties", level.code], message: "no area code" } : feature.error.issues[0]!;
      rejects.push({
        file: file.path,
        location: `features[${index}]`,
        line: null,
        column: jsonPath(["features", index, ...issue.path]),
        reason: issue.message,
        raw: JSON.stringify((candidate as { properties?: unknown } | null)?.properties ?? candidate).slice(0, 2000),
      });
    });
    return { rows, rejects, rowsRead: collection.features.length, rowsSkipped: 0 };
  };
}
