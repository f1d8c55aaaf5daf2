// Coverage as a test: after a source loads, every entity it declares it must cover (every
// council of a type, every LSOA, every year of an edition) must be in its raw table. A row
// rejected for one bad cell would otherwise drop a council from every comparison silently.
import type { Coverage, Source } from "../../sources/declaration.ts";
import { ENTITY_SETS } from "../../sources/entity-sets.ts";
import { ident, literal, type Warehouse } from "../warehouse.ts";

/** How many missing codes a message shows before it says "and N more". */
const SHOWN = 5;

export class CoverageError extends Error {
  constructor(
    readonly source: string,
    readonly missing: string[],
    message: string,
  ) {
    super(message);
    this.name = "CoverageError";
  }
}

/** The sources whose raw tables hold the entity sets this source names: they load first. */
export function coverageReferences(source: Source): string[] {
  return (source.coverage ?? []).flatMap((item) => (typeof item.entities === "string" ? [ENTITY_SETS[item.entities]!.source] : []));
}

/** A name for the entity set in messages. */
function setName(item: Coverage): string {
  if (typeof item.entities === "string") return item.entities;
  return "codes" in item.entities ? `the ${item.entities.codes.length} declared codes` : `at least ${item.entities.count} distinct values`;
}

async function expectedCodes(db: Warehouse, source: Source, item: Coverage): Promise<string[] | null> {
  if (typeof item.entities !== "string") return "codes" in item.entities ? item.entities.codes : null;
  const set = ENTITY_SETS[item.entities];
  if (!set) throw new Error(`source '${source.id}': coverage names the entity set '${item.entities}', which sources/entity-sets.ts does not define`);
  try {
    return (await db.all<{ code: string }>(set.sql)).map((row) => row.code);
  } catch (error) {
    throw new Error(`source '${source.id}': its coverage set '${item.entities}' comes from source '${set.source}', which is not loaded (${(error as Error).message.split("\n")[0]}): run its pipeline first`);
  }
}

/** Where a missing code went: the rejected row that held it, if any. */
async function whereLost(db: Warehouse, source: Source, code: string): Promise<string> {
  const [reject] = await db.all<{ file: string; location: string; column_name: string | null; reason: string; raw: string | null }>(
    `select file, location, column_name, reason, raw from rejects where source = ${literal(source.id)} and raw like ${literal(`%${code}%`)} order by line limit 1`,
  );
  if (!reject) return `${code} (not in the file)`;
  const column = reject.column_name ? `, column ${reject.column_name}` : "";
  const value = reject.column_name && reject.raw !== null && !reject.raw.includes(code) ? ` (value "${reject.raw}")` : "";
  return `${code} (its row was rejected: ${reject.file}, ${reject.location}${column}: ${reject.reason.split("\n")[0]}${value})`;
}

/**
 * Checks every coverage declaration of the source against its raw table; throws CoverageError
 * naming source, file and the first missing entities (and how many). Returns a short summary.
 */
export async function checkCoverage(db: Warehouse, source: Source): Promise<string | null> {
  if (!source.coverage?.length) return null;
  const summaries: string[] = [];
  for (const item of source.coverage) {
    const expected = await expectedCodes(db, source, item);
    const allowed = new Set(item.allowMissing?.codes ?? []);
    const slices: (string | number | null)[] = item.per ? item.per.values : [null];
    // Each lost entity, or one entry for a slice that is missing as a whole (a year not in the file).
    const lost: { label: string; code: string | null; text: string }[] = [];
    let allowedMissing = 0;
    for (const slice of slices) {
      const where = slice === null || !item.per ? "" : ` where cast(${ident(item.per.column)} as varchar) = ${literal(String(slice))}`;
      const found = new Set((await db.all<{ code: string }>(`select distinct cast(${ident(item.column)} as varchar) as code from ${ident(source.table)}${where}`)).map((row) => row.code));
      const label = slice === null ? "" : `${item.per!.column} ${slice}: `;
      if (expected === null) {
        const count = (item.entities as { count: number }).count;
        if (found.size < count) lost.push({ label, code: null, text: `${found.size} distinct values of ${count} expected` });
        continue;
      }
      const missing = expected.filter((code) => !found.has(code) && !allowed.has(code));
      allowedMissing += expected.filter((code) => !found.has(code) && allowed.has(code)).length;
      if (found.size === 0 && slice !== null) lost.push({ label, code: null, text: `all ${missing.length} missing (no rows at all)` });
      else lost.push(...missing.map((code) => ({ label, code, text: code })));
    }
    if (lost.length > 0) {
      const files = [...new Set(source.files.map((file) => file.path))].join(", ");
      const shown = await Promise.all(lost.slice(0, SHOWN).map(async (entry) => `${entry.label}${entry.code === null ? entry.text : await whereLost(db, source, entry.code)}`));
      const more = lost.length > SHOWN ? `, and ${lost.length - SHOWN} more` : "";
      throw new CoverageError(
        source.id,
        lost.map((entry) => `${entry.label}${entry.code ?? entry.text}`),
        `source '${source.id}' (${files}) lost ${lost.length} of ${setName(item)} in column ${item.column}${item.per ? ` per ${item.per.column}` : ""}: ${shown.join("; ")}${more}. ` +
          `Nothing was published. Fix the file, or if the publisher really omits them, list them in the source's coverage allowMissing with a reason.`,
      );
    }
    const total = expected === null ? "" : `${expected.length * slices.length - allowedMissing} of ${expected.length * slices.length}`;
    summaries.push(`covers ${total || setName(item)}${allowedMissing ? ` (${allowedMissing} allowed missing: ${item.allowMissing!.reason})` : ""}`);
  }
  return summaries.join("; ");
}
