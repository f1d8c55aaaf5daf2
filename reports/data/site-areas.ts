// The areas a site is about: one council, its comparators and England. The warehouse holds
// every council in England; which one a site reports on is chosen when the site is built (the
// pipeline passes the council configuration; `npm run dev` reads COUNCIL_CONFIG), so switching
// council rebuilds the pages, never the warehouse.
//
// Page-data queries join the areas with `{areas}`, a subquery of (area_code, role, sort_order)
// with role 'council', 'comparator' or 'england', and filter with `{council}`, the council's
// code as an SQL literal. Both are plain values, not warehouse tables, so the public guard has
// nothing more to check.
import type { Connection } from "./marts.ts";

export type AreaRole = "council" | "comparator" | "england";

export interface SiteArea {
  area_code: string;
  role: AreaRole;
  sort_order: number;
}

/** What a configuration says: the council, and its comparators if it names any. */
export interface SiteChoice {
  council: string;
  comparators?: readonly string[];
  england: string;
}

/**
 * How many nearest neighbours stand in as comparators when a configuration names none: 15,
 * the number CIPFA's nearest-neighbour model and needs_comparator_similarity list.
 */
export const DEFAULT_COMPARATORS = 15;

const CODE = /^E\d{8}$/;

/** The `{areas}` subquery: the chosen areas as an inline table. Codes are checked, so need no escaping. */
export function areasSql(areas: readonly SiteArea[]): string {
  for (const area of areas) if (!CODE.test(area.area_code)) throw new Error(`not an area code: '${area.area_code}'`);
  const rows = areas.map((area) => `('${area.area_code}', '${area.role}', ${area.sort_order})`).join(", ");
  return `(select * from (values ${rows}) as site_areas(area_code, role, sort_order))`;
}

/** The council's code as an SQL literal, for `{council}`. */
export function councilSql(areas: readonly SiteArea[]): string {
  const council = areas.find((area) => area.role === "council");
  if (!council) throw new Error("the site areas name no council");
  return `'${council.area_code}'`;
}

/**
 * The site's areas from a choice, checked against the warehouse: the council must be one of
 * England's upper-tier councils (needs_areas), and with no comparators named, its nearest
 * neighbours by needs_comparator_similarity stand in.
 */
export async function resolveSiteAreas(db: Connection, choice: SiteChoice): Promise<SiteArea[]> {
  const known = new Map(
    (await db.all<{ area_code: string; area_name: string; is_upper_tier: boolean }>(`select area_code, area_name, is_upper_tier from needs_areas`)).map((row) => [row.area_code, row]),
  );
  const council = known.get(choice.council);
  if (!council?.is_upper_tier) {
    throw new Error(
      council
        ? `${choice.council} (${council.area_name}) is not an upper-tier council (county, unitary, metropolitan district or London borough): adult social care is its county's`
        : `${choice.council} is not a council in the warehouse's population estimates (needs_areas): check the code`,
    );
  }
  let comparators = choice.comparators ? [...choice.comparators] : [];
  if (!choice.comparators || choice.comparators.length === 0) {
    const nearest = await db.all<{ area_code: string }>(
      `select area_code from needs_comparator_similarity
       where council_code = '${choice.council}' and similarity_rank between 1 and ${DEFAULT_COMPARATORS}
       order by similarity_rank`,
    );
    comparators = nearest.map((row) => row.area_code);
  }
  const unknown = comparators.filter((code) => !known.get(code)?.is_upper_tier);
  if (unknown.length) throw new Error(`comparators ${unknown.join(", ")} are not upper-tier councils in the warehouse's population estimates (needs_areas)`);
  return [
    { area_code: choice.council, role: "council", sort_order: 0 },
    ...comparators.map((code, index) => ({ area_code: code, role: "comparator" as const, sort_order: index + 1 })),
    { area_code: choice.england, role: "england", sort_order: comparators.length + 1 },
  ];
}
