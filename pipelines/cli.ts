// npm run pipeline -- run [name…] [--full] [--no-site] | site --council <code> [--comparators a,b] | status | rejects [source] | list | fetch <name>
import { parseCommandArgs } from "./args.ts";
import { readSettings, runLocations } from "./config.ts";
import { PIPELINES } from "./definitions.ts";
import { runFetch, USAGE as FETCH_USAGE } from "./fetch/index.ts";
import { paths, runPipelines } from "./run.ts";
import { statusReport } from "./status.ts";
import { summarise } from "./summary.ts";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { formatRejects, readFailedRun, type LoadRow, type RejectRow } from "./failed-runs.ts";
import { latestRuns, readRunEvents } from "./run-log.ts";
import { queryWarehouse } from "./warehouse.ts";

const USAGE =
  "usage: npm run pipeline -- run [pipeline…] [--full] [--no-site]\n       npm run pipeline -- site --council <code> [--comparators <code>,<code>…]\n       npm run pipeline -- status\n       npm run pipeline -- rejects [source…] [--run <id>]\n       npm run pipeline -- list\n       npm run pipeline -- fetch <nomis|contracts-finder|find-a-tender|cqc> [--key=value…]";

const root = process.cwd();
const settings = readSettings(process.env);
const where = paths({ root, ...runLocations(settings) });
const [command = "help", ...rest] = process.argv.slice(2);

try {
  switch (command) {
    case "run": {
      const { values, positionals } = parseCommandArgs("run", rest, { full: { type: "boolean" }, "no-site": { type: "boolean" } }, true);
      const result = await runPipelines({ root, ...runLocations(settings), pipelines: positionals, full: values.full, site: !values["no-site"] });
      console.log(summarise(result, root));
      process.exitCode = result.status === "COMPLETE" ? 0 : 1;
      break;
    }
    case "site": {
      // Both sites for another council from the published warehouse: no load, no models.
      const { values } = parseCommandArgs("site", rest, { council: { type: "string" }, comparators: { type: "string" } });
      if (!values.council) throw new Error("site: name the council, e.g. npm run pipeline -- site --council <code> (an upper-tier council's ONS code)");
      const comparators = values.comparators?.split(",").map((code) => code.trim()).filter(Boolean);
      const result = await runPipelines({ root, ...runLocations(settings), sitesOnly: true, council: { code: values.council.trim(), comparators } });
      console.log(summarise(result, root));
      process.exitCode = result.status === "COMPLETE" ? 0 : 1;
      break;
    }
    case "status":
      parseCommandArgs("status", rest, {});
      console.log(statusReport(where.runLog, where.lock));
      break;
    case "rejects": {
      // What the last published run's loads rejected, or with --run what a run (failed or
      // published) rejected, grouped by source.
      const parsed = parseCommandArgs("rejects", rest, { run: { type: "string" } }, true);
      const values = parsed.values;
      const names: string[] = parsed.positionals;
      const keep = <T extends { source: string }>(rows: T[]) => (names.length ? rows.filter((row) => names.includes(row.source)) : rows);
      const failed = values.run ? readFailedRun(where.warehouseDir, values.run) : null;
      if (values.run && !failed) {
        const published = existsSync(where.warehouse) ? await queryWarehouse<{ run_id: string }>(where.warehouse, "select run_id from meta_run") : [];
        if (published[0]?.run_id !== values.run) throw new Error(`rejects: no record of run ${values.run}: a failed run's rejects are kept in ${join(where.warehouseDir, "failed")}, a published run's in the warehouse`);
      }
      if (failed) {
        console.log(`Run ${failed.runId} failed: ${failed.error.split("\n").slice(0, 2).join(" ")}\n`);
        console.log(formatRejects(keep(failed.loads), keep(failed.rejects)) || "It loaded no files before it failed.");
        break;
      }
      if (!existsSync(where.warehouse)) throw new Error(`rejects: there is no published warehouse at ${where.warehouse} yet: run 'npm start' first`);
      const loads = keep(await queryWarehouse<LoadRow>(where.warehouse, "select source, file, rows_read, rows_loaded, rows_rejected from loads order by source, file"));
      const rejects = keep(await queryWarehouse<RejectRow>(where.warehouse, "select * from rejects order by source, file, line nulls last, location"));
      console.log(formatRejects(loads, rejects));
      if (rejects.length === 0) console.log("No rejected rows.");
      const [latest] = latestRuns(readRunEvents(where.runLog));
      if (latest?.eventType === "FAIL") console.log(`\nThe latest run, ${latest.run.runId}, failed: npm run pipeline -- rejects --run ${latest.run.runId}`);
      break;
    }
    case "fetch": {
      const [name, ...args] = rest;
      if (!name) {
        console.log(FETCH_USAGE);
        process.exitCode = 2;
        break;
      }
      await runFetch(name, args, { root, councilConfig: settings.councilConfig, cqcSubscriptionKey: settings.cqcSubscriptionKey });
      break;
    }
    case "list":
      parseCommandArgs("list", rest, {});
      for (const pipeline of PIPELINES) {
        console.log(`${pipeline.name}  (schedule '${pipeline.schedule}')\n  ${pipeline.description}\n  sources: ${pipeline.sources.join(", ")}`);
      }
      break;
    default:
      console.log(USAGE);
      process.exitCode = command === "help" ? 0 : 2;
  }
} catch (error) {
  // Wrong arguments and failed fetches end with their message, not a stack trace.
  console.error((error as Error).message);
  process.exitCode = 1;
}
