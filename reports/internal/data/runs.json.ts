// The run history for commissioners and analysts: every run in the run log (successful,
// failed and interrupted), newest first, with durations, rows, rejects and test results, as the
// run seeds it into the warehouse (meta_runs, pipelines/build/seeds.ts). The run building this
// site is still in progress, so it shows as such.
import { pageData } from "../../data/marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  const { runs } = await readMarts({
    runs: {
      mart: "meta_runs",
      sql: `select run_id, job, state, strftime(time, '%Y-%m-%dT%H:%M:%S.%gZ') as time, seconds, rows_read, rows_loaded, rows_rejected,
                   sources_reloaded, tests, error
            from {mart} order by time desc, run_id desc`,
    },
  });
  return JSON.stringify({ runs });
});
