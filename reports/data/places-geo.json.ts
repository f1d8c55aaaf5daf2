// Small-area boundaries for the Places and locality page maps: the site's council's LSOAs and
// MSOAs on 2021 boundaries (the national needs_small_area_boundaries mart), or null for a level
// with no boundaries, and the page says maps are not available.
import { compactFeatures } from "./geo.ts";
import { pageData } from "./marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const { areas = [] } = await readMarts<{ level: string; area_code: string; area_name: string | null; geometry: string }>({
    areas: { mart: "needs_small_area_boundaries", sql: "select level, area_code, area_name, geometry from {mart} where council_code = {council} order by level, feature_number" },
  });
  const level = (name: string) => compactFeatures(areas.filter((area) => area.level === name));
  return JSON.stringify({ lsoa: level("lsoa"), msoa: level("msoa") });
});
