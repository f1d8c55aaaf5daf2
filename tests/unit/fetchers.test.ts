// The live fetchers against a replay server on 127.0.0.1: real payloads built from the bundled
// files, with the failures real APIs produce. Sleeps are injected and recorded, so backoff and
// Retry-After are asserted as the delays asked for, not waited out.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fetchContractsFinder } from "../../pipelines/fetch/contracts-finder.ts";
import { fetchCqcLocations } from "../../pipelines/fetch/cqc.ts";
import { fetchFindATender } from "../../pipelines/fetch/find-a-tender.ts";
import { HttpError, httpGet, Pacer, parseRetryAfter, type HttpOptions } from "../../pipelines/fetch/http.ts";
import { fetchNomisPopulation } from "../../pipelines/fetch/nomis.ts";
import { PayloadError } from "../../pipelines/fetch/payload.ts";
import { saveAtomically, tempFilesFor } from "../../pipelines/fetch/save.ts";
import { fetchedFolder, runFetch } from "../../pipelines/fetch/index.ts";
import { ReplayServer } from "../fetchers/replay-server.ts";
import { contractsFinderPackages, cqcListPages, NOMIS_HEADER, nomisPages, pagedPackages, shropshirePopulation2022, torbayCareHomes } from "../fetchers/payloads.ts";

const hash = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

let server: ReplayServer;
let sleeps: number[];
let dir: string;
/** Fast, observable HTTP settings: every delay requested is recorded instead of slept. */
let http: HttpOptions;

beforeEach(async () => {
  server = await new ReplayServer().start();
  sleeps = [];
  dir = mkdtempSync(join(tmpdir(), "fetchers-"));
  http = { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, baseDelayMs: 100, maxDelayMs: 10_000, timeoutMs: 2_000, maxAttempts: 4 };
});
afterEach(async () => {
  await server.stop();
});

/** Everything in a folder except what the fetch itself wrote, to prove nothing partial appeared. */
const filesIn = (folder: string) => (existsSync(folder) ? readdirSync(folder).sort() : []);

describe("the HTTP client", () => {
  it("retries an HTTP 500 and returns the payload of the next attempt", async () => {
    server.on("/data", [{ status: 500, body: "upstream exploded" }, { body: '{"ok":true}' }]);
    const response = await httpGet(`${server.base}/data`, http);
    expect(response.body.toString()).toBe('{"ok":true}');
    expect(response.attempts).toBe(2);
    expect(server.hits("/data")).toHaveLength(2);
    // Equal jitter with random 0.5: three quarters of the first step (100 ms).
    expect(sleeps).toEqual([75]);
  });

  it("backs off exponentially, stops at the attempt cap, and names the URL, attempts and last status", async () => {
    server.on("/down", [{ status: 503 }]);
    const error = await httpGet(`${server.base}/down`, http).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toContain(`${server.base}/down`);
    expect((error as HttpError).message).toContain("4 attempts");
    expect((error as HttpError).lastStatus).toBe(503);
    expect(server.hits("/down")).toHaveLength(4);
    expect(sleeps).toEqual([75, 150, 300]);
  });

  it("keeps jittered delays within [half, whole] of each step and under the ceiling", async () => {
    server.on("/down", [{ status: 500 }]);
    const draws = [0, 0.999, 0.3, 0.7, 1];
    let i = 0;
    await httpGet(`${server.base}/down`, { ...http, maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 500, random: () => draws[i++]! }).catch(() => undefined);
    const steps = [100, 200, 400, 500, 500];
    expect(sleeps).toHaveLength(5);
    sleeps.forEach((delay, n) => {
      expect(delay).toBeGreaterThanOrEqual(steps[n]! / 2);
      expect(delay).toBeLessThanOrEqual(steps[n]!);
    });
    expect(sleeps[0]).toBe(50);
  });

  it("honours a 429's Retry-After given in seconds", async () => {
    server.on("/busy", [{ status: 429, headers: { "retry-after": "7" } }, { body: "[]" }]);
    const response = await httpGet(`${server.base}/busy`, http);
    expect(response.status).toBe(200);
    expect(sleeps).toEqual([7_000]);
  });

  it("honours a 429's Retry-After given as an HTTP date", async () => {
    const now = Date.parse("2024-05-01T12:00:00Z");
    server.on("/busy", [{ status: 429, headers: { "retry-after": "Wed, 01 May 2024 12:00:30 GMT" } }, { body: "[]" }]);
    await httpGet(`${server.base}/busy`, { ...http, now: () => now });
    expect(sleeps).toEqual([30_000]);
    expect(parseRetryAfter("Wed, 01 May 2024 11:59:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
  });

  it("gives up at once when Retry-After asks for longer than allowed", async () => {
    server.on("/busy", [{ status: 429, headers: { "retry-after": "3600" } }]);
    await expect(httpGet(`${server.base}/busy`, { ...http, maxRetryAfterMs: 60_000 })).rejects.toThrow(/Retry-After asks for 3600 s/);
    expect(server.hits("/busy")).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("aborts a stalled response at the timeout and retries", async () => {
    server.on("/slow", [{ stall: true }, { body: '{"late":false}' }]);
    const reasons: string[] = [];
    const started = Date.now();
    const response = await httpGet(`${server.base}/slow`, { ...http, timeoutMs: 300, onRetry: (event) => reasons.push(event.reason) });
    expect(response.body.toString()).toBe('{"late":false}');
    expect(reasons).toEqual(["timed out"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(1_900);
  });

  it("retries a connection dropped mid-body", async () => {
    server.on("/cut", [{ cutConnection: '{"releases":[1,2,3]}', bytes: 8 }, { body: '{"releases":[1,2,3]}' }]);
    const response = await httpGet(`${server.base}/cut`, http);
    expect(JSON.parse(response.body.toString())).toEqual({ releases: [1, 2, 3] });
    expect(response.attempts).toBe(2);
  });

  it("does not retry a 404, and says so with the status", async () => {
    server.on("/gone", [{ status: 404, body: "no such notice" }]);
    await expect(httpGet(`${server.base}/gone`, http)).rejects.toThrow(/after 1 attempt \(last status 404\): HTTP 404 no such notice/);
    expect(server.hits("/gone")).toHaveLength(1);
  });

  it("paces requests at least the minimum interval apart", async () => {
    let clock = 1_000;
    const waits: number[] = [];
    const pacer = new Pacer(250, async (ms) => void (waits.push(ms), (clock += ms)), () => clock);
    await pacer.wait();
    clock += 100;
    await pacer.wait();
    clock += 400;
    await pacer.wait();
    expect(waits).toEqual([150]);
  });
});

describe("saving a fetched file", () => {
  it("reports created, then unchanged without touching the file, then changed", () => {
    const target = join(dir, "landing", "data.json");
    const first = saveAtomically(target, '{"a":1}\n');
    expect(first).toMatchObject({ status: "created", sha256: hash('{"a":1}\n'), previousSha256: null });

    const past = new Date("2020-01-01T00:00:00Z");
    utimesSync(target, past, past);
    const again = saveAtomically(target, '{"a":1}\n');
    expect(again.status).toBe("unchanged");
    expect(statSync(target).mtime.getTime()).toBe(past.getTime());

    const third = saveAtomically(target, '{"a":2}\n');
    expect(third).toMatchObject({ status: "changed", previousSha256: hash('{"a":1}\n'), sha256: hash('{"a":2}\n') });
    expect(readFileSync(target, "utf8")).toBe('{"a":2}\n');
    expect(tempFilesFor(target)).toEqual([]);
  });

  it("clears a temp file left by a process killed mid-write", () => {
    const target = join(dir, "data.csv");
    const stale = join(dir, ".data.csv.4242.deadbeef.tmp");
    writeFileSync(stale, "half a fi");
    saveAtomically(target, "whole\n");
    expect(existsSync(stale)).toBe(false);
    expect(filesIn(dir)).toEqual(["data.csv"]);
  });
});

describe("Contracts Finder", () => {
  const path = "/Published/Notices/OCDS/Search";
  const query = { publishedFrom: "2019-11-01", publishedTo: "2020-04-30" };
  const script = (pages: ReturnType<typeof pagedPackages>) => {
    for (const page of pages) server.on(path, [{ body: page.body }], page.cursor ? { cursor: page.cursor } : {});
  };

  it("follows links.next through every page and merges all releases into one package", async () => {
    const pages = pagedPackages(server.base, path, 2);
    script(pages);
    const result = await fetchContractsFinder({ ...query, limit: 2, outDir: dir, baseUrl: server.base, http });

    const expected = contractsFinderPackages().flatMap((pkg) => (pkg.releases as { id: string }[]).map((release) => release.id));
    expect(expected).toHaveLength(5);
    const landed = JSON.parse(readFileSync(result.path, "utf8"));
    expect(landed.releases.map((release: { id: string }) => release.id)).toEqual(expected);
    expect(landed.links).toBeUndefined();
    expect(result).toMatchObject({ status: "created", pages: 3, releases: 5, sha256: hash(readFileSync(result.path)) });

    const first = server.hits(path)[0]!.query;
    expect([first.get("publishedFrom"), first.get("publishedTo"), first.get("limit")]).toEqual(["2019-11-01", "2020-04-30", "2"]);
    expect(server.hits(path).map((hit) => hit.query.get("cursor"))).toEqual([null, pages[1]!.cursor, pages[2]!.cursor]);

    const record = JSON.parse(readFileSync(result.record, "utf8"));
    expect(record.requests).toHaveLength(3);
    expect(record.sha256).toBe(result.sha256);
  });

  it("retries a 500 on page 2 and still collects every page", async () => {
    const pages = pagedPackages(server.base, path, 2);
    server.on(path, [{ body: pages[0]!.body }]);
    server.on(path, [{ status: 500 }, { body: pages[1]!.body }], { cursor: pages[1]!.cursor! });
    server.on(path, [{ body: pages[2]!.body }], { cursor: pages[2]!.cursor! });
    const result = await fetchContractsFinder({ ...query, limit: 2, outDir: dir, baseUrl: server.base, http });
    expect(result.releases).toBe(5);
    expect(server.hits(path)).toHaveLength(4);
    expect(sleeps).toEqual([75]);
  });

  it("truncated JSON on a later page saves nothing and leaves the previous file as it was", async () => {
    const pages = pagedPackages(server.base, path, 2);
    script(pages);
    const before = await fetchContractsFinder({ ...query, limit: 2, outDir: dir, baseUrl: server.base, http });
    const past = new Date("2021-06-01T00:00:00Z");
    utimesSync(before.path, past, past);
    const listing = filesIn(dir);

    await server.stop();
    server = await new ReplayServer().start();
    const again = pagedPackages(server.base, path, 2);
    server.on(path, [{ body: again[0]!.body }]);
    server.on(path, [{ truncatedJson: again[1]!.body, bytes: 900 }], { cursor: again[1]!.cursor! });
    const error = await fetchContractsFinder({ ...query, limit: 2, outDir: dir, baseUrl: server.base, http }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PayloadError);
    expect((error as Error).message).toMatch(/cursor=.*: response is not valid JSON .*900 bytes received/);
    expect(hash(readFileSync(before.path))).toBe(before.sha256);
    expect(statSync(before.path).mtime.getTime()).toBe(past.getTime());
    expect(filesIn(dir)).toEqual(listing);
  });

  it("a renamed top-level field is an error naming the field, and nothing is saved", async () => {
    const [page] = pagedPackages(server.base, path, 5);
    server.on(path, [{ body: page!.body.replace('"releases":', '"release":') }]);
    await expect(fetchContractsFinder({ ...query, outDir: dir, baseUrl: server.base, http })).rejects.toThrow(/releases: Invalid input: expected array, received undefined/);
    expect(filesIn(dir)).toEqual([]);
  });

  it("a renamed field inside one release names that release's path", async () => {
    const [page] = pagedPackages(server.base, path, 5);
    const body = JSON.parse(page!.body);
    body.releases[3].ocds_id = body.releases[3].ocid;
    delete body.releases[3].ocid;
    server.on(path, [{ body: JSON.stringify(body) }]);
    await expect(fetchContractsFinder({ ...query, outDir: dir, baseUrl: server.base, http })).rejects.toThrow(/releases\[3\]\.ocid/);
    expect(filesIn(dir)).toEqual([]);
  });

  it("a second identical fetch reports unchanged and leaves the file and its mtime alone", async () => {
    script(pagedPackages(server.base, path, 2));
    const first = await fetchContractsFinder({ ...query, limit: 2, outDir: dir, baseUrl: server.base, http });
    const past = new Date("2022-02-02T00:00:00Z");
    utimesSync(first.path, past, past);
    utimesSync(first.record, past, past);
    const second = await fetchContractsFinder({ ...query, limit: 2, outDir: dir, baseUrl: server.base, http });
    expect(second.status).toBe("unchanged");
    expect(second.sha256).toBe(first.sha256);
    expect(statSync(first.path).mtime.getTime()).toBe(past.getTime());
    expect(statSync(first.record).mtime.getTime()).toBe(past.getTime());
  });

  it("refuses a links.next that leaves the API's host", async () => {
    const [page] = pagedPackages(server.base, path, 2);
    const body = JSON.parse(page!.body);
    body.links.next = "https://elsewhere.example/steal?cursor=x";
    server.on(path, [{ body: JSON.stringify(body) }]);
    await expect(fetchContractsFinder({ ...query, outDir: dir, baseUrl: server.base, http })).rejects.toThrow(/links\.next leaves http:\/\/127\.0\.0\.1/);
    expect(filesIn(dir)).toEqual([]);
  });
});

describe("Find a Tender", () => {
  const path = "/api/1.0/ocdsReleasePackages";

  it("waits out a 429, then pages by cursor until there is no next link", async () => {
    const pages = pagedPackages(server.base, path, 3);
    server.on(path, [{ status: 429, headers: { "retry-after": "2" } }, { body: pages[0]!.body }]);
    server.on(path, [{ body: pages[1]!.body }], { cursor: pages[1]!.cursor! });
    const result = await fetchFindATender({ updatedFrom: "2019-11-01", updatedTo: "2020-04-30T23:59:59", limit: 3, outDir: dir, baseUrl: server.base, http });
    expect(sleeps).toEqual([2_000]);
    expect(result).toMatchObject({ pages: 2, releases: 5, status: "created" });
    const first = server.hits(path)[0]!.query;
    expect(first.get("updatedFrom")).toBe("2019-11-01T00:00:00");
    expect(first.get("updatedTo")).toBe("2020-04-30T23:59:59");
  });

  it("rejects a date the API would not accept, before any request", async () => {
    await expect(fetchFindATender({ updatedFrom: "01/11/2019", outDir: dir, baseUrl: server.base, http })).rejects.toThrow(/YYYY|2024-04-01/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("Nomis population estimates", () => {
  const path = "/dataset/NM_2002_1.data.csv";
  const rows = shropshirePopulation2022();

  it("collects every page by record offset and lands the rows as Nomis sent them", async () => {
    expect(rows).toHaveLength(3 * 92);
    const pages = nomisPages(rows, 100);
    server.on(path, [{ body: pages[0]!, contentType: "text/csv" }]);
    server.on(path, [{ body: pages[1]!, contentType: "text/csv" }], { recordoffset: "100" });
    server.on(path, [{ body: pages[2]!, contentType: "text/csv" }], { recordoffset: "200" });

    const result = await fetchNomisPopulation({ geography: ["E06000051"], date: "2022", outDir: dir, baseUrl: server.base, http });
    expect(result).toMatchObject({ pages: 3, rows: 276, status: "created" });
    expect(server.hits(path).map((hit) => hit.query.get("recordoffset"))).toEqual([null, "100", "200"]);
    expect(server.hits(path)[0]!.query.get("select")).toContain("obs_value");

    const landed = Papa.parse<Record<string, string>>(readFileSync(result.path, "utf8"), { header: true, skipEmptyLines: true }).data;
    expect(landed).toHaveLength(276);
    // Shropshire, persons, all ages, mid-2022: 327,479 (the SNPP file's PROVENANCE.md).
    expect(landed.find((row) => row.GENDER_NAME === "Total" && row.C_AGE_NAME === "All Ages")?.OBS_VALUE).toBe("327479");
    // Males and females add up to persons at every age, as in the published file.
    for (const age of ["Age 0", "Age 45", "Aged 90+"]) {
      const value = (gender: string) => Number(landed.find((row) => row.GENDER_NAME === gender && row.C_AGE_NAME === age)!.OBS_VALUE);
      expect(value("Male") + value("Female")).toBe(value("Total"));
    }
    // Page lines kept verbatim: the landed file is the pages minus their repeated headers.
    expect(readFileSync(result.path, "utf8")).toBe(pages.map((page, i) => (i === 0 ? page : page.slice(page.indexOf("\n") + 1))).join(""));
  });

  it("a changed header names the column, and nothing is saved", async () => {
    const [page] = nomisPages(rows, 500, NOMIS_HEADER.replace('"OBS_VALUE"', '"OBSERVATION"'));
    server.on(path, [{ body: page!, contentType: "text/csv" }]);
    await expect(fetchNomisPopulation({ geography: ["E06000051"], outDir: dir, baseUrl: server.base, http })).rejects.toThrow(/column 'OBS_VALUE' differs/);
    expect(filesIn(dir)).toEqual([]);
  });

  it("a body cut off mid-row names the line, and nothing is saved", async () => {
    const [page] = nomisPages(rows, 500);
    const cut = page!.slice(0, page!.indexOf("\n", 5_000) + 30);
    server.on(path, [{ body: cut, contentType: "text/csv" }]);
    await expect(fetchNomisPopulation({ geography: ["E06000051"], outDir: dir, baseUrl: server.base, http })).rejects.toThrow(/CSV line \d+/);
    expect(filesIn(dir)).toEqual([]);
  });

  it("a last page that stops short of RECORD_COUNT is not landed as complete", async () => {
    const pages = nomisPages(rows, 100);
    server.on(path, [{ body: pages[0]!, contentType: "text/csv" }]);
    server.on(path, [{ body: pages[1]!, contentType: "text/csv" }], { recordoffset: "100" });
    server.on(path, [{ body: NOMIS_HEADER + "\n", contentType: "text/csv" }], { recordoffset: "200" });
    await expect(fetchNomisPopulation({ geography: ["E06000051"], outDir: dir, baseUrl: server.base, http })).rejects.toThrow(/recordoffset=200: no data rows/);
    expect(filesIn(dir)).toEqual([]);
  });
});

describe("CQC locations and ratings", () => {
  const homes = torbayCareHomes(7);
  const script = () => {
    cqcListPages(homes, 3).forEach((body, index) => server.on("/locations", [{ body }], { page: String(index + 1) }));
    for (const home of homes) server.on(`/locations/${home.locationId}`, [{ body: JSON.stringify(home.record) }]);
  };

  it("pages by totalPages, fetches each location's ratings, sends the key and paces every request", async () => {
    script();
    let clock = 0;
    const paced: number[] = [];
    const result = await fetchCqcLocations({
      outDir: dir,
      label: "torbay-care-homes",
      filters: { localAuthority: "Torbay", careHome: "Y" },
      perPage: 3,
      subscriptionKey: "test-key",
      baseUrl: server.base,
      minIntervalMs: 250,
      pacing: { sleep: async (ms) => void paced.push(ms), now: () => clock },
      http,
    });
    expect(result).toMatchObject({ pages: 3, locations: 7, requests: 10, status: "created" });
    expect(paced).toEqual(Array(9).fill(250));
    expect(server.requests.every((request) => request.headers["ocp-apim-subscription-key"] === "test-key")).toBe(true);
    expect(server.hits("/locations").map((hit) => [hit.query.get("page"), hit.query.get("localAuthority")])).toEqual([["1", "Torbay"], ["2", "Torbay"], ["3", "Torbay"]]);

    const landed = JSON.parse(readFileSync(result.path, "utf8"));
    expect(landed.locations.map((l: { locationId: string }) => l.locationId)).toEqual(homes.map((home) => home.locationId));
    // Ratings as the 2021 extract records them, read from its CSV independently of the builder.
    const csv = Papa.parse<Record<string, string>>(readFileSync(join(import.meta.dirname, "../../sources/data/cqc-api-care-homes-southwest-2021/cqc_care_homes.csv"), "utf8"), { header: true }).data;
    for (const location of landed.locations) {
      const row = csv.find((r) => r.locationId === location.locationId)!;
      expect(row.currentRatings).toContain(`'overall': {'rating': '${location.currentRatings.overall.rating}'`);
    }
    expect(readFileSync(result.record, "utf8")).not.toContain("test-key");
  });

  it("without a subscription key, stops with a clear error before any request", async () => {
    await expect(fetchCqcLocations({ outDir: dir, label: "x", baseUrl: server.base, http })).rejects.toThrow(/CQC_SUBSCRIPTION_KEY/);
    await expect(runFetch("cqc", [`--base-url=${server.base}`, "--local-authority=Torbay"], { root: dir, http, cqcSubscriptionKey: null })).rejects.toThrow(/CQC_SUBSCRIPTION_KEY/);
    expect(server.requests).toHaveLength(0);
  });

  it("a renamed field in one location record names it, and nothing is saved", async () => {
    script();
    const broken = { ...homes[4]!.record, locationID: homes[4]!.locationId } as Record<string, unknown>;
    delete broken.locationId;
    server.on(`/locations/${homes[4]!.locationId}`, [{ body: JSON.stringify(broken) }]);
    const error = await fetchCqcLocations({ outDir: dir, label: "torbay", perPage: 3, subscriptionKey: "k", baseUrl: server.base, minIntervalMs: 0, http }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(new RegExp(`locations/${homes[4]!.locationId}: location ${homes[4]!.locationId} does not have the expected shape; locationId:`));
    expect(filesIn(dir)).toEqual([]);
  });

  it("a list whose total disagrees with the ids listed stops the fetch", async () => {
    script();
    const page = JSON.parse(cqcListPages(homes, 3)[2]!);
    page.locations.pop();
    server.on("/locations", [{ body: JSON.stringify(page) }], { page: "3" });
    await expect(fetchCqcLocations({ outDir: dir, label: "torbay", perPage: 3, subscriptionKey: "k", baseUrl: server.base, minIntervalMs: 0, http })).rejects.toThrow(/listed 6 locations but the API reports total 7/);
    expect(filesIn(dir)).toEqual([]);
  });
});

describe("npm run pipeline -- fetch", () => {
  it("lands a fetch in sources/data/<source>/fetched/ under the project root, with its sidecar", async () => {
    const path = "/Published/Notices/OCDS/Search";
    const [page] = pagedPackages(server.base, path, 5);
    server.on(path, [{ body: page!.body }]);
    const root = join(dir, "project");
    mkdirSync(root);
    const lines: string[] = [];
    const result = await runFetch("contracts-finder", [`--base-url=${server.base}`, "--from=2019-11-01", "--to=2020-04-30"], { root, log: (line) => lines.push(line), http });
    const folder = fetchedFolder(root, "contracts-finder-ocds");
    expect(filesIn(folder)).toEqual(["contracts-finder-2019-11-01_2020-04-30.json", "contracts-finder-2019-11-01_2020-04-30.json.fetch.json"]);
    expect(result.path).toBe(join(folder, "contracts-finder-2019-11-01_2020-04-30.json"));
    expect(lines.join("\n")).toMatch(/new file; 5 releases from 1 page/);
  });

  it("rejects an unknown fetcher or flag with the usage", async () => {
    await expect(runFetch("ons", [], { root: dir })).rejects.toThrow(/unknown fetcher 'ons'/);
    await expect(runFetch("contracts-finder", ["--size=5"], { root: dir })).rejects.toThrow(/unknown flag --size/);
    await expect(runFetch("contracts-finder", ["2024-04-01"], { root: dir })).rejects.toThrow(/fetch: unexpected argument '2024-04-01' \(flags look like --from=2024-04-01\)/);
    await expect(runFetch("cqc", ["--all-services=no"], { root: dir })).rejects.toThrow(/does not take an argument/);
  });
});
