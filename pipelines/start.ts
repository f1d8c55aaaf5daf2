// npm start: every pipeline on the bundled data, the site built into dist/, a summary.
import { readSettings, runLocations } from "./config.ts";
import { runPipelines } from "./run.ts";
import { summarise } from "./summary.ts";

const root = process.cwd();
const result = await runPipelines({ root, ...runLocations(readSettings(process.env)) });
console.log(summarise(result, root));
process.exitCode = result.status === "COMPLETE" ? 0 : 1;
