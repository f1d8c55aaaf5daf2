// npm run pipeline -- run [name…] [--full] [--no-site] | status | rejects [source] | list | fetch <name>
import { PIPELINES } from "./definitions.ts";
import { runFetch, USAGE as FETCH_USAGE } from "./fetch/index.ts";
import { paths, runPipelines } from "./run.ts";
import { statusReport } from "./status.ts";
import { summarise } from "./summary.ts";
import { literal, openWarehouse } from "./warehouse.ts";

const root = process.cwd();
const [command = "help", ...rest] = process.argv.slice(2);
const flags = new Set(rest.filter((arg) => arg.startsWith("--")));
const names = rest.filter((arg) => !arg.startsWith("--"));

switch (command) {
  case "run": {
    const result = await runPipelines({ root, pipelines: names, full: flags.has("--full"), site: !flags.has("--no-site") });
    console.log(summarise(result, root));
    process.exitCode = result.status === "COMPLETE" ? 0 : 1;
    break;
  }
  case "status": {
    const where = paths({ root });
    console.log(statusReport(where.runLog, where.lock));
    break;
  }
  case "rejects": {
    // What the last published run rejected, per file, and the first rows of each.
    const db = await openWarehouse(paths({ root }).warehouse, { readOnly: true });
    try {
      const where = names.length ? `where source in (${names.map(literal).join(", ")})` : "";
      const loads = await db.all(`select source, file, rows_read, rows_loaded, rows_rejected from loads ${where} order by source, file`);
      console.table(loads);
      const rejects = await db.all(`select * from rejects ${where} order by source, file, line limit 50`);
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
    try {
      await runFetch(name, args, { root });
    } catch (error) {
      console.error((error as Error).message);
      process.exitCode = 1;
    }
    break;
  }
  case "list":
    for (const pipeline of PIPELINES) {
      console.log(`${pipeline.name}  (schedule '${pipeline.schedule}')\n  ${pipeline.description}\n  sources: ${pipeline.sources.join(", ")}`);
    }
    break;
  default:
    console.log("usage: npm run pipeline -- run [pipeline…] [--full] [--no-site]\n       npm run pipeline -- status\n       npm run pipeline -- rejects [source…]\n       npm run pipeline -- list\n       npm run pipeline -- fetch <nomis|contracts-finder|find-a-tender|cqc> [--key=value…]");
    process.exitCode = command === "help" ? 0 : 2;
}
