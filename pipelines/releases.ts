// Publication history kept in the warehouse, which every run copies forward: for each
// published run, the edition and checksum of every source file, and the headline figures the
// public pages show. The release log page compares each publication with the one before it:
// new editions, files that changed, figures revised. Failed runs publish nothing and so
// leave no entry (they are in the run log, shown on the internal run history page).
import { SOURCES } from "../sources/index.ts";
import type { InputRecord } from "./run-log.ts";
import { literal, type Warehouse } from "./warehouse.ts";

export const RELEASE_TABLES_SQL = `
create table if not exists meta_release_sources (
  run_id varchar not null, published_at timestamp not null, source_id varchar not null, title varchar not null,
  edition varchar not null, file varchar not null, file_edition varchar not null, released date not null, sha256 varchar not null);
create table if not exists meta_release_figures (
  run_id varchar not null, figure varchar not null, area_code varchar not null, area_name varchar,
  period varchar not null, value double);`;

/**
 * The figures tracked for revisions, from the tables the public pages read (indicator values
 * after disclosure control), so that the log never shows a value the pages withhold: the
 * council's and England's values, which are what the public pages headline.
 */
const FIGURES = `
  select 'Outcome indicator ' || indicator_id as figure, area_code, area_name, period, value
  from outcomes_indicator_values_protected where role in ('council', 'england')
  union all
  select 'Population, ' || series || ' ' || year as figure, area_code, area_name, year::varchar as period, total::double as value
  from needs_population_older where role = 'council'
  union all
  select 'Care home beds' as figure, area_code, area_name, snapshot_date::varchar as period, beds::double as value
  from market_care_homes where role in ('council', 'england')`;

export const RELEASE_FIGURE_INPUTS = ["outcomes_indicator_values_protected", "needs_population_older", "market_care_homes"];

/** Records this run's sources and figures as a publication; returns rows written. */
export async function recordRelease(db: Warehouse, runId: string, inputs: InputRecord[]): Promise<number> {
  await db.run(RELEASE_TABLES_SQL);
  await db.run(`delete from meta_release_sources where run_id = ${literal(runId)}; delete from meta_release_figures where run_id = ${literal(runId)};`);
  const sha = new Map(inputs.map((input) => [input.file, input.sha256]));
  const rows = SOURCES.flatMap((source) =>
    source.files.map((file) =>
      `(${[runId].map(literal).join()}, now(), ${[source.id, source.title, source.edition, file.path, file.edition].map(literal).join(", ")}, ${literal(file.released)}::date, ${literal(sha.get(file.path) ?? "not loaded this run")})`,
    ),
  );
  await db.run(`insert into meta_release_sources values ${rows.join(", ")}`);
  await db.run(`insert into meta_release_figures select ${literal(runId)}, figure, area_code, area_name, period, value from (${FIGURES})`);
  const [count] = await db.all<{ n: number }>(`select count(*)::integer as n from meta_release_figures where run_id = ${literal(runId)}`);
  return rows.length + (count?.n ?? 0);
}

// Each publication compared with the one before it is worked out where it is shown, from these
// tables: reports/data/release-log.ts.
