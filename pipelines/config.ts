// Configuration, read in one place. `readSettings(process.env)` is called once by each command
// (npm start, pipeline, schedule, bench) and its values are passed down as parameters; nothing
// else reads process.env (pipelines/site/preview.ts still reads PORT itself, for now). The council this project reports on is configuration too:
// the default file is pipelines/council.json, COUNCIL_CONFIG points at another. Council facts
// (postcode districts, which registers exist) are data in sources/council-facts.json, written
// here into seed tables the models join.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { COUNCIL_FACTS, type CouncilFacts } from "../sources/council-facts.ts";

/** England's ONS code: the national benchmark every council is compared with. */
export const ENGLAND_CODE = "E92000001";

/** The preview's ports when PORT is not set: the public site and the internal one side by side. */
export const PREVIEW_PORTS = { public: 3000, internal: 3001 } as const;

/** The internal site goes beside the public one unless INTERNAL_SITE_DIR says otherwise. */
export const internalSiteBeside = (siteDir: string) => `${siteDir}-internal`;

const text = z.string().min(1);
const wholeNumber = (what: string) => z.string().regex(/^\d+$/, `must be ${what}`).transform(Number);
const positiveList = (what: string) =>
  z
    .string()
    .regex(/^\s*\d+(\.\d+)?\s*(,\s*\d+(\.\d+)?\s*)*$/, `must be ${what} separated by commas`)
    .transform((value) => value.split(",").map(Number))
    .refine((values) => values.every((value) => value > 0), `must be ${what} separated by commas, each above 0`);

/** Every variable an operator may set, with its default. */
const settingsSchema = z.object({
  WAREHOUSE_DIR: text.default("warehouse"),
  SITE_DIR: text.default("dist"),
  INTERNAL_SITE_DIR: text.optional(),
  COUNCIL_CONFIG: text.default("pipelines/council.json"),
  PORT: wholeNumber("a port number from 1 to 65535")
    .refine((port) => port >= 1 && port <= 65_535, "must be a port number from 1 to 65535")
    .optional(),
  SCHEDULE_DRY_RUN: z.enum(["0", "1"], { error: "must be 1 (dry run) or 0" }).default("0"),
  SCHEDULE_DRY_RUN_MS: wholeNumber("a whole number of milliseconds").default(2000),
  SCHEDULE_RETRY_MINUTES: positiveList("minutes, e.g. 1,5,25").default([1, 5, 25]),
  CQC_SUBSCRIPTION_KEY: text.optional(),
  BENCH_ROWS: wholeNumber("a whole number of rows")
    .refine((rows) => rows > 0, "must be a whole number of rows above 0")
    .default(2_000_000),
  SCALE_NS: positiveList("whole numbers of copies, e.g. 1,2,5")
    .refine((ns) => ns.every(Number.isInteger), "must be whole numbers of copies separated by commas, e.g. 1,2,5")
    .default([1, 2, 5, 10, 25, 50]),
});

const SETTING_NAMES = Object.keys(settingsSchema.shape) as (keyof typeof settingsSchema.shape)[];

export interface Settings {
  warehouseDir: string;
  siteDir: string;
  internalSiteDir: string;
  councilConfig: string;
  /** null: PREVIEW_PORTS. */
  port: number | null;
  schedule: { dryRun: boolean; dryRunMs: number; retryDelaysMs: readonly number[] };
  cqcSubscriptionKey: string | null;
  bench: { rows: number; scaleNs: readonly number[] };
}

/**
 * The operator's settings from an environment (process.env, or a test's own object). An empty
 * variable counts as unset. An invalid value throws, naming the variable and what it allows.
 */
export function readSettings(env: Record<string, string | undefined>): Readonly<Settings> {
  const given = Object.fromEntries(SETTING_NAMES.flatMap((name) => (env[name] === undefined || env[name] === "" ? [] : [[name, env[name]]])));
  const parsed = settingsSchema.safeParse(given);
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues
        .map((issue) => {
          const name = String(issue.path[0]);
          return `${name}: ${issue.message} (got '${given[name]}')`;
        })
        .join("\n"),
    );
  }
  const s = parsed.data;
  return Object.freeze({
    warehouseDir: s.WAREHOUSE_DIR,
    siteDir: s.SITE_DIR,
    internalSiteDir: s.INTERNAL_SITE_DIR ?? internalSiteBeside(s.SITE_DIR),
    councilConfig: s.COUNCIL_CONFIG,
    port: s.PORT ?? null,
    schedule: Object.freeze({ dryRun: s.SCHEDULE_DRY_RUN === "1", dryRunMs: s.SCHEDULE_DRY_RUN_MS, retryDelaysMs: Object.freeze(s.SCHEDULE_RETRY_MINUTES.map((minutes) => minutes * 60_000)) }),
    cqcSubscriptionKey: s.CQC_SUBSCRIPTION_KEY ?? null,
    bench: Object.freeze({ rows: s.BENCH_ROWS, scaleNs: Object.freeze(s.SCALE_NS) }),
  });
}

/** What a run takes from the settings: its folders and the council configuration file. */
export function runLocations(settings: Readonly<Settings>) {
  return { warehouseDir: settings.warehouseDir, siteDir: settings.siteDir, internalSiteDir: settings.internalSiteDir, configPath: settings.councilConfig };
}

/** The settings when nothing is set: the defaults, for callers given no value. */
export const DEFAULT_SETTINGS = readSettings({});

const areaCode = z.string().regex(/^E(06|07|08|09|10)\d{6}$/, "an English council code (E06, E07, E08, E09 or E10 and six digits)");

const councilConfigSchema = z.object({
  council: areaCode,
  comparators: z.array(areaCode).max(20).default([]),
  england: z.literal(ENGLAND_CODE, { error: `England's code, ${ENGLAND_CODE}` }).default(ENGLAND_CODE),
});
export type CouncilConfig = z.infer<typeof councilConfigSchema>;

export function loadCouncilConfig(root: string, path = DEFAULT_SETTINGS.councilConfig): CouncilConfig {
  const file = resolve(root, path);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${path}: cannot read council configuration (${(error as Error).message})`);
  }
  const parsed = councilConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  if (parsed.data.comparators.includes(parsed.data.council)) {
    throw new Error(`${path}: comparators: must not include the council itself (${parsed.data.council})`);
  }
  return parsed.data;
}

/**
 * The seed tables models join on: seed_england (England's code, the national benchmark) and
 * the council facts (councilFactsSql). The council configuration is not among them: the
 * warehouse covers every council, and which one a site is about is chosen when the site is
 * built (reports/data/site-areas.ts), so switching council never rebuilds the warehouse.
 */
export function seedsSql(): string {
  return `create or replace table seed_england (area_code varchar primary key);
insert into seed_england values ('${ENGLAND_CODE}');
${councilFactsSql()}`;
}

/**
 * Seed table of council facts, for every council in the facts file (not only the configured
 * one: the warehouse covers England): the postcode districts (outward codes) inside each
 * council, for the "local supplier" rule. A council with none listed has no rows.
 */
export function councilFactsSql(facts: readonly CouncilFacts[] = COUNCIL_FACTS): string {
  // Codes and districts are checked against their patterns (sources/council-facts.ts), so need no escaping.
  const rows = facts.flatMap((council) => council.postcodeDistricts.map((district) => `('${council.code}', '${district}')`));
  const create = `create or replace table seed_council_postcode_districts (council_code varchar not null, postcode_district varchar not null, primary key (council_code, postcode_district));`;
  return rows.length ? `${create}\ninsert into seed_council_postcode_districts values ${rows.join(", ")};` : create;
}
