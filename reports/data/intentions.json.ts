// Every market's commissioning intentions, checked, for the Market Position Statement pages.
import { join } from "node:path";
import { readIntentions } from "./intentions.ts";

process.stdout.write(JSON.stringify(readIntentions(join(import.meta.dirname, "../market-position/intentions"))));
