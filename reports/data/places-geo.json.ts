// Small-area boundaries for the Places page maps: LSOAs and MSOAs on 2021 boundaries, for the
// configured council when its boundaries are bundled (sources/data/boundaries-*; the default
// council's only), otherwise null, and the page says maps are not available.
import { join } from "node:path";
import { compactFeatures } from "./geo.ts";
import { pageData } from "./marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const { council } = await readMarts<{ area_code: string }>({
    council: { mart: "needs_population_older", sql: "select distinct area_code from {mart} where role = 'council'" },
  });
  const code = council?.[0]?.area_code ?? "";
  const dir = join(process.cwd(), "sources/data/boundaries-shropshire-lsoa-msoa");
  return JSON.stringify({
    lsoa: compactFeatures(join(dir, `lsoa_${code}.geojson`), "LSOA21CD", "LSOA21NM"),
    msoa: compactFeatures(join(dir, `msoa_${code}.geojson`), "MSOA21CD", "MSOA21NM"),
  });
});
