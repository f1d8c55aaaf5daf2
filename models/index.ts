// The TypeScript models, beside the SQL ones under staging/, intermediate/ and marts/. The
// runner (pipelines/build/) puts both kinds in one dependency graph by the tables they read.
import contractKpis from "./contracts/kpi-ratings.ts";
import disclosureControl from "./disclosure/protected-tables.ts";
import freshness from "./meta/freshness.ts";
import releases from "./meta/releases.ts";
import type { TypeScriptModel } from "./model.ts";
import indicators from "./outcomes/indicators.ts";

export const TYPESCRIPT_MODELS: readonly TypeScriptModel[] = [indicators, disclosureControl, contractKpis, releases, freshness];
