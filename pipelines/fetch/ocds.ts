// What Contracts Finder and Find a Tender have in common: both return OCDS 1.1 release packages
// a page at a time, with the next page's URL in `links.next` (the OCDS pagination extension) and
// no next link on the last page. Pages are collected in full and merged into one package before
// anything is saved, so a failure on page 7 leaves no file holding pages 1-6.
import { z } from "zod";
import { httpGet, type HttpOptions } from "./http.ts";
import { parseJson, PayloadError, validate } from "./payload.ts";

// Only the fields the loader and models rely on are checked; everything else is carried as is.
export const releaseSchema = z.looseObject({
  ocid: z.string().min(1),
  id: z.string().min(1),
  date: z.string().min(1),
  tag: z.array(z.string()).min(1),
});

export const releasePackageSchema = z.looseObject({
  version: z.string().min(1),
  releases: z.array(releaseSchema),
  links: z.looseObject({ next: z.string().min(1).nullish() }).nullish(),
});
export type ReleasePackage = z.infer<typeof releasePackageSchema>;

export interface OcdsPages {
  merged: ReleasePackage;
  requests: string[];
  pages: number;
  /** Releases seen more than once across pages (the same ocid and id), kept once: the last copy. */
  duplicates: number;
}

export async function fetchReleasePackages(firstUrl: string, options: { http?: HttpOptions; maxPages?: number } = {}): Promise<OcdsPages> {
  const maxPages = options.maxPages ?? 10_000;
  const origin = new URL(firstUrl).origin;
  const requests: string[] = [];
  const byKey = new Map<string, z.infer<typeof releaseSchema>>();
  let seen = 0;
  let first: ReleasePackage | null = null;
  let url: string | null = firstUrl;

  while (url !== null) {
    if (requests.includes(url)) throw new PayloadError(url, `links.next points back to a page already fetched (page ${requests.indexOf(url) + 1}); stopping rather than looping`);
    if (requests.length >= maxPages) throw new PayloadError(url, `more than ${maxPages} pages; raise maxPages or narrow the date range`);
    requests.push(url);
    const response = await httpGet(url, { ...options.http, headers: { accept: "application/json", ...options.http?.headers } });
    const page = validate(url, releasePackageSchema, parseJson(url, response.body), `page ${requests.length} release package`);
    first ??= page;
    for (const release of page.releases) {
      byKey.delete(`${release.ocid}\u0000${release.id}`);
      byKey.set(`${release.ocid}\u0000${release.id}`, release);
      seen++;
    }
    url = nextPage(url, page.links?.next ?? null, origin);
  }

  const { links: _links, ...metadata } = first!;
  return { merged: { ...metadata, releases: [...byKey.values()] }, requests, pages: requests.length, duplicates: seen - byKey.size };
}

/** The next link may be relative; it must stay on the API we were pointed at. */
function nextPage(current: string, next: string | null, origin: string): string | null {
  if (next === null) return null;
  let resolved: URL;
  try {
    resolved = new URL(next, current);
  } catch {
    throw new PayloadError(current, `links.next is not a URL: ${JSON.stringify(next)}`);
  }
  if (resolved.origin !== origin) throw new PayloadError(current, `links.next leaves ${origin} (${resolved.origin}); refusing to follow`);
  return resolved.href;
}

/** Stable text for the merged package: the same releases give the same bytes, so the checksum means something. */
export const packageText = (merged: ReleasePackage) => `${JSON.stringify(merged, null, 2)}\n`;

export function describeReleases(result: OcdsPages): string {
  const dupes = result.duplicates ? `; ${result.duplicates} repeated across pages kept once` : "";
  return `${result.merged.releases.length} releases from ${result.pages} page${result.pages === 1 ? "" : "s"}${dupes}`;
}
