// The release log: each publication compared with the one before it. A publication is a
// successful run (failed runs publish nothing). Reads the publication history the run keeps
// in the warehouse (models/meta/releases.ts).
import { compareReleases, type ReleaseFigureRow, type ReleaseSourceRow } from "../../models/meta/releases.ts";
import { pageData } from "./marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const { sources, figures } = await readMarts({
    sources: { mart: "meta_release_sources", sql: "select run_id, published_at::varchar as published_at, source_id, title, edition, file, file_edition, released::varchar as released, sha256 from {mart}" },
    figures: { mart: "meta_release_figures", sql: "select m.run_id, m.figure, m.area_code, m.area_name, m.period, m.value from {mart} m join {areas} s using (area_code) where s.role in ('council', 'england')" },
  });
  const releases = compareReleases(sources as unknown as ReleaseSourceRow[], figures as unknown as ReleaseFigureRow[]);
  return JSON.stringify({ releases });
});
