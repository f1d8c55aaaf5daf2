// Find a Tender (above-threshold notices) as OCDS release packages, for one update window.
// Parameters follow the service's API documentation for GET /api/1.0/ocdsReleasePackages
// (find-tender.service.gov.uk/apidocumentation): updatedFrom/updatedTo as YYYY-MM-DDTHH:MM:SS
// (19 characters, no zone), limit 1-100, stages, and a `cursor` for further results, which
// arrives inside `links.next`.
import { join } from "node:path";
import { z } from "zod";
import type { OcdsFetchOutcome } from "./contracts-finder.ts";
import type { HttpOptions } from "./http.ts";
import { describeReleases, fetchReleasePackages, packageText } from "./ocds.ts";
import { landFetched } from "./save.ts";

const FIND_A_TENDER_BASE = "https://www.find-tender.service.gov.uk";
export const FIND_A_TENDER_SOURCE = "find-a-tender-ocds";

/** The API takes exactly YYYY-MM-DDTHH:MM:SS; a bare date means its midnight. */
const updatedAt = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/, "a date such as 2024-04-01 or 2024-04-01T00:00:00 (no time zone)")
  .transform((value) => (value.length === 10 ? `${value}T00:00:00` : value));

const findATenderQuery = z.object({
  updatedFrom: updatedAt,
  updatedTo: updatedAt.optional(),
  stages: z.array(z.enum(["planning", "tender", "award"])).optional(),
  limit: z.number().int().min(1).max(100).default(100),
});
export type FindATenderQuery = z.input<typeof findATenderQuery>;

function findATenderUrl(baseUrl: string, query: FindATenderQuery): string {
  const q = findATenderQuery.parse(query);
  const params = new URLSearchParams({ updatedFrom: q.updatedFrom, limit: String(q.limit) });
  if (q.updatedTo) params.set("updatedTo", q.updatedTo);
  if (q.stages?.length) params.set("stages", q.stages.join(","));
  return `${baseUrl.replace(/\/$/, "")}/api/1.0/ocdsReleasePackages?${params}`;
}

export interface FindATenderOptions extends FindATenderQuery {
  outDir: string;
  baseUrl?: string;
  http?: HttpOptions;
  maxPages?: number;
}

export async function fetchFindATender(options: FindATenderOptions): Promise<OcdsFetchOutcome> {
  const q = findATenderQuery.parse(options);
  const url = findATenderUrl(options.baseUrl ?? FIND_A_TENDER_BASE, q);
  const result = await fetchReleasePackages(url, { http: options.http, maxPages: options.maxPages });
  const holds = describeReleases(result);
  const window = `${q.updatedFrom}_${q.updatedTo ?? "now"}`.replace(/[^0-9A-Za-z_-]/g, "");
  const target = join(options.outDir, `find-a-tender-${window}.json`);
  const landed = landFetched(target, packageText(result.merged), { fetcher: "find-a-tender", requests: result.requests, holds });
  return { ...landed, pages: result.pages, releases: result.merged.releases.length, holds };
}
