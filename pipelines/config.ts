// Which council the project reports on. Configuration, not code: the default file is
// pipelines/council.json; COUNCIL_CONFIG points at another.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";

const areaCode = z.string().regex(/^E(06|07|08|09|10)\d{6}$/, "an English council code such as E06000051");

export const councilConfigSchema = z.object({
  council: areaCode,
  comparators: z.array(areaCode).max(20),
  england: z.literal("E92000001"),
});
export type CouncilConfig = z.infer<typeof councilConfigSchema>;

export function loadCouncilConfig(root: string, path = process.env.COUNCIL_CONFIG || "pipelines/council.json"): CouncilConfig {
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

/** The seed table models join on: one row per configured area with its role. */
export function configAreasSql(config: CouncilConfig): string {
  const rows = [
    `('${config.council}', 'council', 0)`,
    ...config.comparators.map((code, index) => `('${code}', 'comparator', ${index + 1})`),
    `('${config.england}', 'england', ${config.comparators.length + 1})`,
  ];
  return `create or replace table config_areas (area_code varchar primary key, role varchar not null, sort_order integer not null);
insert into config_areas values ${rows.join(", ")};`;
}
