// CQC locations with their ratings, from the CQC public (syndication) API. Listing gives only ids
// and names a page at a time (`page`, `perPage`, with `totalPages` in each response); each
// location's record, ratings included, is a separate GET /locations/{id}. The API wants a
// subscription key (Ocp-Apim-Subscription-Key, free from the CQC API portal), read from
// CQC_SUBSCRIPTION_KEY and sent as a header only, never in a URL we record.
//
// CQC publishes no rate limit, so requests are paced (minIntervalMs between starts) and 429s are
// honoured by the HTTP client. The list's `totalPages` and `total` fields are as third-party
// clients and the 2021 extract's script use them; not checked against the live API from here.
//
// The landed file is PERSONAL data: location records name registered managers
// (regulatedActivities[].contacts). It stays in the git-ignored fetched/ folder; a source
// declared from it must be classified personal and staging must drop those names.
import { join } from "node:path";
import { z } from "zod";
import { httpGet, Pacer, type HttpOptions } from "./http.ts";
import { parseJson, PayloadError, validate } from "./payload.ts";
import { landFetched, type Landed } from "./save.ts";

const CQC_BASE = "https://api.service.cqc.org.uk/public/v1";
export const CQC_SOURCE = "cqc-api-locations";

const listSchema = z.looseObject({
  totalPages: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
  locations: z.array(z.looseObject({ locationId: z.string().min(1) })),
});

// The fields staging reads; the rest of the record is kept untouched.
const locationSchema = z.looseObject({
  locationId: z.string().min(1),
  name: z.string().min(1),
  registrationStatus: z.string().min(1),
  currentRatings: z
    .looseObject({ overall: z.looseObject({ rating: z.string().min(1) }).optional() })
    .nullish(),
});
export type CqcLocation = z.infer<typeof locationSchema>;

export interface CqcOptions {
  outDir: string;
  /** Name for the landed file, e.g. "shropshire-care-homes". */
  label: string;
  /** Passed to /locations as query parameters, e.g. { localAuthority: "<council name as CQC spells it>", careHome: "Y" }. */
  filters?: Record<string, string>;
  perPage?: number;
  subscriptionKey?: string;
  baseUrl?: string;
  /** Minimum gap between request starts. */
  minIntervalMs?: number;
  http?: HttpOptions;
  /** Overrides the pacer's clock and sleep (tests). */
  pacing?: { sleep?: (ms: number) => Promise<void>; now?: () => number };
  maxPages?: number;
}

export interface CqcOutcome extends Landed {
  pages: number;
  locations: number;
  requests: number;
}

export async function fetchCqcLocations(options: CqcOptions): Promise<CqcOutcome> {
  const key = options.subscriptionKey;
  if (!key) throw new Error("CQC API: no subscription key. Register at https://api-portal.service.cqc.org.uk and set CQC_SUBSCRIPTION_KEY.");
  if (!/^[a-z0-9-]+$/.test(options.label)) throw new Error(`CQC API: label '${options.label}' must be kebab-case (it names the landed file)`);
  const base = (options.baseUrl ?? CQC_BASE).replace(/\/$/, "");
  const perPage = options.perPage ?? 500;
  const maxPages = options.maxPages ?? 1_000;
  const pacer = new Pacer(options.minIntervalMs ?? 500, options.pacing?.sleep, options.pacing?.now);
  const requests: string[] = [];
  const get = async (url: string) => {
    await pacer.wait();
    requests.push(url);
    const response = await httpGet(url, { ...options.http, headers: { accept: "application/json", ...options.http?.headers, "Ocp-Apim-Subscription-Key": key } });
    return parseJson(url, response.body);
  };

  const ids: string[] = [];
  let totalPages = 1;
  let total: number | undefined;
  for (let page = 1; page <= totalPages; page++) {
    if (page > maxPages) throw new PayloadError(`${base}/locations`, `more than ${maxPages} pages; narrow the filters`);
    const params = new URLSearchParams({ ...options.filters, page: String(page), perPage: String(perPage) });
    const url = `${base}/locations?${params}`;
    const list = validate(url, listSchema, await get(url), `locations page ${page}`);
    if (page === 1) {
      totalPages = list.totalPages;
      total = list.total;
    } else if (list.totalPages !== totalPages) {
      throw new PayloadError(url, `totalPages changed from ${totalPages} to ${list.totalPages} while paging: the register changed mid-fetch; try again`);
    }
    ids.push(...list.locations.map((location) => location.locationId));
  }
  const unique = new Set(ids);
  if (unique.size !== ids.length) throw new PayloadError(`${base}/locations`, `${ids.length - unique.size} location ids repeated across pages: paging is unstable; try again`);
  if (total !== undefined && ids.length !== total) throw new PayloadError(`${base}/locations`, `listed ${ids.length} locations but the API reports total ${total}`);

  const locations: CqcLocation[] = [];
  for (const id of ids) {
    const url = `${base}/locations/${encodeURIComponent(id)}`;
    const location = validate(url, locationSchema, await get(url), `location ${id}`);
    if (location.locationId !== id) throw new PayloadError(url, `asked for location ${id}, got ${location.locationId}`);
    locations.push(location);
  }

  const target = join(options.outDir, `cqc-locations-${options.label}.json`);
  const landed = landFetched(target, `${JSON.stringify({ filters: options.filters ?? {}, locations }, null, 2)}\n`, {
    fetcher: "cqc",
    requests,
    holds: `${locations.length} CQC location records with current ratings (personal: names registered managers)`,
  });
  return { ...landed, pages: totalPages, locations: locations.length, requests: requests.length };
}
