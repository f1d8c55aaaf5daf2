// The small-area boundaries are loaded like any source: one row per feature with its level,
// code, name, council and geometry; a broken feature is a reject naming it, a file that is not
// a FeatureCollection stops the load.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import boundaries from "../../sources/boundaries-lsoa21-msoa21-england.ts";
import type { SpreadsheetSource } from "../../sources/declaration.ts";

const root = resolve(import.meta.dirname, "../..");
const source = boundaries as SpreadsheetSource;
const scratch = mkdtempSync(join(tmpdir(), "geojson-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const square = { type: "Polygon", coordinates: [[[-2.7, 52.7], [-2.6, 52.7], [-2.6, 52.8], [-2.7, 52.7]]] };
function file(name: string, content: unknown) {
  const path = join(scratch, name);
  writeFileSync(path, JSON.stringify(content));
  return { file: { path: `sources/data/test/${name}`, edition: "test", released: "2026-01-01" }, path };
}

describe("the GeoJSON features reader", () => {
  it("reads every bundled LSOA and MSOA, with its level, code, name, council and geometry", () => {
    for (const declared of source.files) {
      const absolute = join(root, declared.path);
      const features = (JSON.parse(readFileSync(absolute, "utf8")) as { features: { properties: Record<string, string>; geometry: unknown }[] }).features;
      const result = source.read(declared, absolute);
      expect(result.rejects).toEqual([]);
      expect(result.rows.length).toBe(features.length);
      const level = declared.path.includes("_lsoa21_") ? "lsoa" : "msoa";
      const [first] = result.rows;
      // The national files name no council (staging finds it through the LSOA lookup).
      expect(first!.slice(0, 5)).toEqual([level, features[0]!.properties[`${level}21_code`], features[0]!.properties[`${level}21_name`], null, 1]);
      expect(JSON.parse(String(first![5]))).toEqual(features[0]!.geometry);
    }
  });

  it("rejects a feature without a code or a polygon, naming it, and keeps the others", () => {
    const { file: declared, path } = file("lsoa_bad.geojson", {
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: { lsoa21_code: "E01000001", lsoa21_name: "A 001A" }, geometry: square },
        { type: "Feature", properties: { lsoa21_code: "", lsoa21_name: "B" }, geometry: square },
        { type: "Feature", properties: { lsoa21_code: "E01000003", lsoa21_name: "C" }, geometry: { type: "Point", coordinates: [0, 0] } },
      ],
    });
    const result = source.read(declared, path);
    expect(result.rowsRead).toBe(3);
    expect(result.rows.map((row) => row[1])).toEqual(["E01000001"]);
    expect(result.rejects.map((reject) => [reject.location, reject.column])).toEqual([
      ["features[1]", "features[1].properties.lsoa21_code"],
      ["features[2]", "features[2].geometry.type"],
    ]);
  });

  it("stops on a file that is not a FeatureCollection, or whose features carry no declared code", () => {
    const notCollection = file("x.geojson", { type: "Feature", properties: {}, geometry: square });
    expect(() => source.read(notCollection.file, notCollection.path)).toThrow(/x\.geojson: not a GeoJSON FeatureCollection: type/);
    const otherCodes = file("y.geojson", { type: "FeatureCollection", features: [{ type: "Feature", properties: { LAD21CD: "E06000051" }, geometry: square }] });
    expect(() => source.read(otherCodes.file, otherCodes.path)).toThrow(/y\.geojson, column 'lsoa21_code or msoa21_code': the features carry none of the declared code properties/);
  });
});
