// npm run pipeline -- fetch <nomis|contracts-finder|find-a-tender|cqc> [--key=value…]
//
// Where fetched files land, and what happens next:
//   sources/data/<source-id>/fetched/<file>            the payload (CSV or JSON)
//   sources/data/<source-id>/fetched/<file>.fetch.json  where it came from: URLs, time, SHA-256
// A fetch replaces the file atomically, only when its SHA-256 differs from the current one; an
// unchanged payload leaves the file and its mtime alone. A failed fetch leaves nothing new.
//
// The loader does NOT read fetched/ folders: the pipeline keeps running on declared, reviewed
// files. To use a fetched file, an analyst copies it out of fetched/ into sources/data/<id>/
// (a new file name per edition), writes PROVENANCE.md from the .fetch.json sidecar, declares
// it in sources/<id>.ts (columns, classification: CQC records are personal) and registers it in
// sources/index.ts. fetched/ folders are git-ignored, so nothing fetched is committed by accident.
import { join } from "node:path";
import { parseCommandArgs } from "../args.ts";
import { loadCouncilConfig } from "../config.ts";
import { CONTRACTS_FINDER_SOURCE, fetchContractsFinder } from "./contracts-finder.ts";
import { CQC_SOURCE, fetchCqcLocations } from "./cqc.ts";
import { fetchFindATender, FIND_A_TENDER_SOURCE } from "./find-a-tender.ts";
import type { HttpOptions, RetryEvent } from "./http.ts";
import { fetchNomisPopulation, NOMIS_SOURCE } from "./nomis.ts";
import type { Landed } from "./save.ts";

const FETCHERS = ["nomis", "contracts-finder", "find-a-tender", "cqc"] as const;
export type FetcherName = (typeof FETCHERS)[number];

export const USAGE = `usage: npm run pipeline -- fetch <name> [--key=value…]
  nomis             ONS mid-year population estimates (Nomis NM_2002_1)
                    --geography=E06000051,…  (default: the configured council and comparators)
                    --date=latest            (or a year, or a Nomis range such as latestMINUS4-latest)
  contracts-finder  Contracts Finder OCDS notices  --from=YYYY-MM-DD --to=YYYY-MM-DD  (default: the last 30 days)
  find-a-tender     Find a Tender OCDS notices     --from=YYYY-MM-DD [--to=YYYY-MM-DD] (default: the last 30 days)
  cqc               CQC locations with ratings     --local-authority=<name> [--all-services]
                    needs CQC_SUBSCRIPTION_KEY (free from https://api-portal.service.cqc.org.uk)
  every fetcher:    --base-url=…  (a mirror or a local replay server)
Files land in sources/data/<source-id>/fetched/ and are not loaded until declared as a source.`;

export function fetchedFolder(root: string, sourceId: string): string {
  return join(root, "sources/data", sourceId, "fetched");
}

const FLAGS = {
  "base-url": { type: "string" },
  geography: { type: "string" },
  date: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  "local-authority": { type: "string" },
  "all-services": { type: "boolean" },
} as const;

function parseFlags(args: string[]) {
  try {
    return parseCommandArgs("fetch", args, FLAGS).values;
  } catch (error) {
    throw new Error(`${(error as Error).message} (flags look like --from=2024-04-01)\n${USAGE}`);
  }
}

const daysAgo = (days: number, now: Date) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

export interface FetchContext {
  root: string;
  /** The council configuration file (nomis's default geography). */
  councilConfig?: string;
  /** The CQC API key (CQC_SUBSCRIPTION_KEY, read by the caller). */
  cqcSubscriptionKey?: string | null;
  now?: Date;
  log?: (line: string) => void;
  http?: HttpOptions;
}

export async function runFetch(name: string, args: string[], context: FetchContext): Promise<Landed> {
  const flags = parseFlags(args);
  const log = context.log ?? console.log;
  const now = context.now ?? new Date();
  const baseUrl = flags["base-url"];
  const http: HttpOptions = {
    ...context.http,
    onRetry: (event: RetryEvent) => log(`  retry ${event.attempt} of ${event.url} in ${event.delayMs} ms: ${event.reason}`),
  };

  switch (name as FetcherName) {
    case "nomis": {
      const config = loadCouncilConfig(context.root, context.councilConfig);
      const geography = flags.geography?.split(",") ?? [config.council, ...config.comparators];
      const result = await fetchNomisPopulation({ outDir: fetchedFolder(context.root, NOMIS_SOURCE), baseUrl, http, geography, date: flags.date ?? "latest" });
      return report(log, result, `${result.rows} rows, ${result.pages} page(s)`);
    }
    case "contracts-finder": {
      const publishedFrom = flags.from ?? daysAgo(30, now);
      const publishedTo = flags.to ?? now.toISOString().slice(0, 10);
      const result = await fetchContractsFinder({ outDir: fetchedFolder(context.root, CONTRACTS_FINDER_SOURCE), baseUrl, http, publishedFrom, publishedTo });
      return report(log, result, result.holds);
    }
    case "find-a-tender": {
      const result = await fetchFindATender({ outDir: fetchedFolder(context.root, FIND_A_TENDER_SOURCE), baseUrl, http, updatedFrom: flags.from ?? daysAgo(30, now), updatedTo: flags.to });
      return report(log, result, result.holds);
    }
    case "cqc": {
      const localAuthority = flags["local-authority"];
      // Without a filter the register is every location in England: tens of thousands of
      // paced requests. Ask for the scope explicitly.
      if (!localAuthority) throw new Error("fetch cqc: --local-authority=<the council's name as CQC spells it in its location records> is required");
      const filters: Record<string, string> = { localAuthority };
      if (!flags["all-services"]) filters.careHome = "Y";
      const label = `${localAuthority}${filters.careHome ? "-care-homes" : ""}`.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
      const subscriptionKey = context.cqcSubscriptionKey ?? undefined;
      const result = await fetchCqcLocations({ outDir: fetchedFolder(context.root, CQC_SOURCE), baseUrl, http, filters, label, subscriptionKey });
      return report(log, result, `${result.locations} locations, ${result.requests} requests`);
    }
    default:
      throw new Error(`fetch: unknown fetcher '${name}'; one of ${FETCHERS.join(", ")}\n${USAGE}`);
  }
}

function report(log: (line: string) => void, result: Landed, holds: string): Landed {
  const what = { created: "new file", changed: "changed", unchanged: "unchanged (same SHA-256), file left as it was" }[result.status];
  log(`${result.path}: ${what}; ${holds}; sha256 ${result.sha256}`);
  return result;
}
