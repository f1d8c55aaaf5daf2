// Every market's commissioning intentions, checked, for the Market Position Statement pages.
import { join } from "node:path";
import { readIntentions } from "./intentions.ts";
import { pageData } from "./marts.ts";

export default pageData(import.meta, async () => {
  return JSON.stringify(readIntentions(join(import.meta.dirname, "../market-position/intentions")));
});
