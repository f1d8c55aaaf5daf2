// Contracts Finder notices as OCDS release packages, for one publication window.
// Parameters follow the service's own API documentation for GET Published/Notices/OCDS/Search
// (contractsfinder.service.gov.uk/apidocumentation): publishedFrom/publishedTo (ISO 8601),
// stages, limit (1-100, default 100) and cursor. The page size parameter is `limit`, not `size`
// as some third-party clients use. That the next page arrives as `links.next` (carrying the
// cursor) is from the OCDS pagination extension Find a Tender also uses; it could not be checked
// against a live response here, and the fetcher stops with a clear error if the shape differs.
import { join } from "node:path";
import { z } from "zod";
import type { HttpOptions } from "./http.ts";
import { describeReleases, fetchReleasePackages, packageText } from "./ocds.ts";
import { landFetched, type Landed } from "./save.ts";

const CONTRACTS_FINDER_BASE = "https://www.contractsfinder.service.gov.uk";
export const CONTRACTS_FINDER_SOURCE = "contracts-finder-ocds";

const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?)?$/, "an ISO 8601 date such as 2024-04-01 or 2024-04-01T00:00:00");

const contractsFinderQuery = z.object({
  publishedFrom: isoDateTime,
  publishedTo: isoDateTime,
  stages: z.array(z.enum(["planning", "tender", "award", "implementation"])).optional(),
  limit: z.number().int().min(1).max(100).default(100),
});
export type ContractsFinderQuery = z.input<typeof contractsFinderQuery>;

function contractsFinderUrl(baseUrl: string, query: ContractsFinderQuery): string {
  const q = contractsFinderQuery.parse(query);
  const params = new URLSearchParams({ publishedFrom: q.publishedFrom, publishedTo: q.publishedTo, limit: String(q.limit) });
  if (q.stages?.length) params.set("stages", q.stages.join(","));
  return `${baseUrl.replace(/\/$/, "")}/Published/Notices/OCDS/Search?${params}`;
}

export interface ContractsFinderOptions extends ContractsFinderQuery {
  /** Folder the package lands in (the CLI uses sources/data/contracts-finder-ocds/fetched). */
  outDir: string;
  baseUrl?: string;
  http?: HttpOptions;
  maxPages?: number;
}

export interface OcdsFetchOutcome extends Landed {
  pages: number;
  releases: number;
  holds: string;
}

const stamp = (value: string) => value.replace(/[^0-9A-Za-z-]/g, "");

export async function fetchContractsFinder(options: ContractsFinderOptions): Promise<OcdsFetchOutcome> {
  const url = contractsFinderUrl(options.baseUrl ?? CONTRACTS_FINDER_BASE, options);
  const result = await fetchReleasePackages(url, { http: options.http, maxPages: options.maxPages });
  const holds = describeReleases(result);
  const target = join(options.outDir, `contracts-finder-${stamp(options.publishedFrom)}_${stamp(options.publishedTo)}.json`);
  const landed = landFetched(target, packageText(result.merged), { fetcher: "contracts-finder", requests: result.requests, holds });
  return { ...landed, pages: result.pages, releases: result.merged.releases.length, holds };
}
