// The indicator registry: every indicator the pipelines compute and the site defines.
// Add an indicator by declaring it in one of these files (see declaration.ts).
import { ASCOF_INDICATORS } from "./ascof.ts";
import type { Indicator } from "./declaration.ts";
import { OFLOG_INDICATORS } from "./oflog.ts";

export type { Indicator } from "./declaration.ts";
export { defineIndicator, indicatorSchema } from "./declaration.ts";

export const INDICATORS: readonly Indicator[] = [...ASCOF_INDICATORS, ...OFLOG_INDICATORS];

const ids = INDICATORS.map((indicator) => indicator.id);
const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
if (repeated) throw new Error(`indicator registry: id '${repeated}' is declared twice`);
