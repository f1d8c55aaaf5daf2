// Publication history kept in the warehouse, which every run copies forward: for each
// published run, the edition and checksum of every source file, and the headline figures the
// public pages show. The release log page compares each publication with the one before it:
// new editions, files that changed, figures revised. Failed runs publish nothing and so
// leave no entry (they are in the run log, shown on the internal run history page).
import { z } from "zod";
import { col, defineModel, type ModelContext, type RowOf } from "../model.ts";

const sourceSchema = z.object({
  run_id: col.text(), published_at: col.timestamp(), source_id: col.text(), title: col.text(), edition: col.text(),
  file: col.text(), file_edition: col.text(), released: col.date(), sha256: col.text(),
});
const figureSchema = z.object({
  run_id: col.text(), figure: col.text(), area_code: col.text(), area_name: col.text().nullable(), period: col.text(), value: col.double().nullable(),
});
export type ReleaseSourceRow = RowOf<typeof sourceSchema>;
export type ReleaseFigureRow = RowOf<typeof figureSchema>;

/**
 * The figures tracked for revisions, from the tables the public pages read (indicator values
 * after disclosure control), so that the log never shows a value the pages withhold: the
 * every council's and England's values in their latest year (the warehouse covers them all;
 * a site shows its own).
 */
const FIGURES = `
  select 'Outcome indicator ' || v.indicator_id as figure, v.area_code, v.area_name, v.period, v.value
  from outcomes_indicator_values_protected v
  join (select distinct indicator_id, latest_period from outcomes_indicator_summary_protected) s
    on s.indicator_id = v.indicator_id and s.latest_period = v.period
  union all
  select 'Population, ' || series || ' ' || year as figure, area_code, area_name, year::varchar as period, total::double as value
  from needs_population_older
  union all
  select 'Care home beds' as figure, area_code, area_name, snapshot_date::varchar as period, beds::double as value
  from market_care_homes where area_level in ('council', 'country')`;

const FIGURE_INPUTS = ["outcomes_indicator_values_protected", "outcomes_indicator_summary_protected", "needs_population_older", "market_care_homes"];

/** The history kept so far (the build warehouse is a copy of the published one), less this run's. */
async function history<T>(db: Pick<ModelContext, "all">, table: string, columns: string, runId: string): Promise<T[]> {
  const [exists] = await db.all(`select 1 from information_schema.tables where table_name = '${table}'`);
  return exists ? db.all<T>(`select ${columns} from ${table} where run_id <> '${runId.replaceAll("'", "''")}' order by all`) : [];
}

/** This run's sources and figures, appended to the publication history. */
export async function recordRelease(db: Pick<ModelContext, "all">, run: ModelContext["run"]) {
  const iso = (column: string) => `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%gZ') as ${column}`;
  const sources = await history<ReleaseSourceRow>(db, "meta_release_sources", `* replace (${iso("published_at")}, released::varchar as released)`, run.id);
  const figures = await history<ReleaseFigureRow>(db, "meta_release_figures", "*", run.id);
  const files = await db.all<Omit<ReleaseSourceRow, "run_id" | "published_at">>(
    `select s.source_id, s.title, s.edition, f.file, f.file_edition, f.released::varchar as released, coalesce(l.sha256, 'not loaded this run') as sha256
     from meta_source_files f join meta_sources s using (source_id) left join loads l on l.source = f.source_id and l.file = f.file
     order by s.sort_order, f.file_order`,
  );
  const current = await db.all<Omit<ReleaseFigureRow, "run_id">>(`select * from (${FIGURES}) order by figure, area_code, period`);
  return {
    meta_release_sources: [...sources, ...files.map((file) => ({ run_id: run.id, published_at: run.startedAt, ...file }))],
    meta_release_figures: [...figures, ...current.map((figure) => ({ run_id: run.id, ...figure }))],
  };
}

export default defineModel({
  name: "release_record",
  path: "models/meta/releases.ts",
  // Publication history: the release log page compares each publication with the one before.
  reads: ["meta_sources", "meta_source_files", "loads", ...FIGURE_INPUTS],
  outputs: {
    meta_release_sources: {
      schema: sourceSchema,
      classification: { classification: "public", reason: "publication history: source titles, editions and file checksums" },
      tests: ["unique: run_id, file", "not_null: run_id, source_id, file, sha256"],
    },
    // The figures tracked across releases are as restricted as the tables they come from.
    meta_release_figures: {
      schema: figureSchema,
      tests: ["unique: run_id, figure, area_code, period"],
    },
  },
  build: (context) => recordRelease(context, context.run),
});

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
