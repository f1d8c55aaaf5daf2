// The release log: each publication compared with the one before it, from the publication
// history the run keeps in the warehouse (meta_release_sources, meta_release_figures; written by
// pipelines/releases.ts). A publication is a successful run (failed runs publish nothing).
export interface ReleaseSourceRow { run_id: string; published_at: string; source_id: string; title: string; edition: string; file: string; file_edition: string; released: string; sha256: string }
export interface ReleaseFigureRow { run_id: string; figure: string; area_code: string; area_name: string | null; period: string; value: number | null }

// Figures are compared to well below the precision the pages show; smaller differences are
// floating-point noise between runs, not revisions.
const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));

/** Each publication (newest first, at most `limit`) against the one before it. */
export function compareReleases(sources: ReleaseSourceRow[], figures: ReleaseFigureRow[], limit = 20) {
  const runs = [...new Map(sources.map((row) => [row.run_id, row.published_at])).entries()].sort((a, b) => b[1].localeCompare(a[1]) || b[0].localeCompare(a[0]));
  const filesOf = (run: string) => new Map(sources.filter((row) => row.run_id === run).map((row) => [row.file, row]));
  const figuresOf = (run: string) => new Map(figures.filter((row) => row.run_id === run).map((row) => [`${row.figure}|${row.area_code}|${row.period}`, row]));
  return runs.slice(0, limit).map(([run, publishedAt], index) => {
    const previousRun = runs[index + 1]?.[0];
    if (!previousRun) return { run_id: run, published_at: publishedAt, first: true, editions: [], changed_files: [], revised: [], removed: [] };
    const files = filesOf(run);
    const before = filesOf(previousRun);
    const editions = [...files.values()]
      .filter((row) => before.get(row.file)?.file_edition !== row.file_edition)
      .map((row) => ({ source: row.title, file: row.file, edition: row.file_edition, previous: before.get(row.file)?.file_edition ?? null }));
    const changedFiles = [...files.values()]
      .filter((row) => before.get(row.file)?.file_edition === row.file_edition && before.get(row.file)!.sha256 !== row.sha256)
      .map((row) => ({ source: row.title, file: row.file }));
    const now = figuresOf(run);
    const then = figuresOf(previousRun);
    const revised = [...now.entries()]
      .filter(([key, row]) => !then.has(key) || !same(then.get(key)!.value, row.value))
      .map(([key, row]) => ({ figure: row.figure, area: row.area_name ?? row.area_code, period: row.period, value: row.value, previous: then.get(key)?.value ?? null, is_new: !then.has(key) }));
    const removed = [...then.entries()].filter(([key]) => !now.has(key)).map(([, row]) => ({ figure: row.figure, area: row.area_name ?? row.area_code, period: row.period }));
    return { run_id: run, published_at: publishedAt, first: false, editions, changed_files: changedFiles, revised, removed };
  });
}
