// npm run pipeline -- run [name…] [--full] [--no-site] | status | rejects [source] | list | fetch <name>
import { parseCommandArgs } from "./args.ts";
import { readSettings, runLocations } from "./config.ts";
import { PIPELINES } from "./definitions.ts";
import { runFetch, USAGE as FETCH_USAGE } from "./fetch/index.ts";
import { paths, runPipelines } from "./run.ts";
import { statusReport } from "./status.ts";
import { summarise } from "./summary.ts";
import { literal, openWarehouse } from "./warehouse.ts";

const USAGE =
  "usage: npm run pipeline -- run [pipeline…] [--full] [--no-site]\n       npm run pipeline -- status\n       npm run pipeline -- rejects [source…]\n       npm run pipeline -- list\n       npm run pipeline -- fetch <nomis|contracts-finder|find-a-tender|cqc> [--key=value…]";

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
    case "status":
      parseCommandArgs("status", rest, {});
      console.log(statusReport(where.runLog, where.lock));
      break;
    case "rejects": {
      // What the last published run rejected, per file, and the first rows of each.
      const names = parseCommandArgs("rejects", rest, {}, true).positionals;
      const db = await openWarehouse(where.warehouse, { readOnly: true });
      try {
        const filter = names.length ? `where source in (${names.map(literal).join(", ")})` : "";
        const loads = await db.all(`select source, file, rows_read, rows_loaded, rows_rejected from loads ${filter} order by source, file`);
        console.table(loads);
        const rejects = await db.all(`select * from rejects ${filter} order by source, file, line limit 50`);
        console.log(rejects.length ? "First rejected rows:" : "No rejected rows.");
        if (rejects.length) console.table(rejects);
      } finally {
        db.close();
      }
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
