// Small-area boundaries for the Places page maps: LSOAs and MSOAs on 2021 boundaries for the
// site's council (the needs_small_area_boundaries mart), or null for a level with no
// boundaries bundled, and the page says maps are not available.
import { compactFeatures } from "./geo.ts";
import { pageData } from "./marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const { areas = [] } = await readMarts<{ level: string; area_code: string; area_name: string | null; geometry: string }>({
    areas: { mart: "needs_small_area_boundaries", sql: "select level, area_code, area_name, geometry from {mart} where council_code = {council} order by level, feature_number" },
  });
  const level = (name: string) => compactFeatures(areas.filter((area) => area.level === name));
  return JSON.stringify({ lsoa: level("lsoa"), msoa: level("msoa") });
});
