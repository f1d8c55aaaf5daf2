// ONS mid-year population estimates by single year of age and sex, from Nomis (dataset
// NM_2002_1) as CSV. We name the columns we want with `select=`, so the header is known exactly
// and checked before a row is read. Nomis caps what a guest may take in one request (25,000
// cells); the RECORD_OFFSET/RECORD_COUNT columns say where a page sits in the whole, and
// further pages are asked for with `recordoffset=`. Codes used: gender 0/1/2 = total/male/
// female, c_age 101...191 = ages 0 to 90+ and 200 = all ages, measures 20100 = the count (as in
// the Nomis query builder's URLs; `recordoffset` is from the Nomis API help and nomisr, not
// confirmed against the live service from here).
import Papa from "papaparse";
import { join } from "node:path";
import { z } from "zod";
import { httpGet, type HttpOptions } from "./http.ts";
import { PayloadError } from "./payload.ts";
import { sha256 } from "../sha256.ts";
import { landFetched, type Landed } from "./save.ts";

const NOMIS_BASE = "https://www.nomisweb.co.uk/api/v01";
export const NOMIS_SOURCE = "ons-mye-nomis";
const NOMIS_DATASET = "NM_2002_1";

const NOMIS_COLUMNS = [
  "DATE_NAME",
  "GEOGRAPHY_NAME",
  "GEOGRAPHY_CODE",
  "GENDER_NAME",
  "C_AGE_NAME",
  "MEASURES_NAME",
  "OBS_VALUE",
  "OBS_STATUS_NAME",
  "RECORD_OFFSET",
  "RECORD_COUNT",
] as const;

const integer = z.string().regex(/^\d+$/, "a whole number");
const rowSchema = z.object({
  DATE_NAME: z.string().min(1),
  GEOGRAPHY_NAME: z.string().min(1),
  GEOGRAPHY_CODE: z.string().regex(/^[EWSNK]\d{8}$/, "an ONS GSS code (a letter for the nation and eight digits)"),
  GENDER_NAME: z.string().min(1),
  C_AGE_NAME: z.string().min(1),
  MEASURES_NAME: z.string().min(1),
  OBS_VALUE: z.string().regex(/^-?\d+(\.\d+)?$/, "a number"),
  OBS_STATUS_NAME: z.string(),
  RECORD_OFFSET: integer,
  RECORD_COUNT: integer,
});

const nomisQuery = z.object({
  /** GSS codes; Nomis accepts them directly in `geography`. */
  geography: z.array(z.string().regex(/^[EWSNK]\d{8}$/)).min(1),
  /** "latest", a year, or a Nomis range such as "latestMINUS4-latest". */
  date: z.string().min(1).default("latest"),
  gender: z.string().default("0,1,2"),
  cAge: z.string().default("200,101...191"),
});
export type NomisQuery = z.input<typeof nomisQuery>;

/** Commas stay literal, as in every Nomis URL people copy from the query builder. */
const encode = (value: string) => encodeURIComponent(value).replace(/%2C/g, ",");

function nomisUrl(baseUrl: string, query: NomisQuery, recordOffset = 0): string {
  const q = nomisQuery.parse(query);
  const params: [string, string][] = [
    ["geography", q.geography.join(",")],
    ["date", q.date],
    ["gender", q.gender],
    ["c_age", q.cAge],
    ["measures", "20100"],
    ["select", NOMIS_COLUMNS.map((column) => column.toLowerCase()).join(",")],
  ];
  if (recordOffset > 0) params.push(["recordoffset", String(recordOffset)]);
  return `${baseUrl.replace(/\/$/, "")}/dataset/${NOMIS_DATASET}.data.csv?${params.map(([k, v]) => `${k}=${encode(v)}`).join("&")}`;
}

interface Page {
  header: string;
  /** The data lines exactly as received, so the landed file is Nomis's text, not ours. */
  lines: string[];
  offset: number;
  total: number;
}

function readPage(url: string, text: string, expectedOffset: number): Page {
  const body = text.replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: true });
  const firstError = parsed.errors[0];
  if (firstError) throw new PayloadError(url, `CSV line ${(firstError.row ?? 0) + 1}: ${firstError.message}`);
  const [header, ...rows] = parsed.data;
  if (!header) throw new PayloadError(url, "empty response: no header row");
  const missing = NOMIS_COLUMNS.filter((column, index) => header[index] !== column);
  if (missing.length || header.length !== NOMIS_COLUMNS.length) {
    throw new PayloadError(url, `header row is ${JSON.stringify(header)}, expected ${JSON.stringify(NOMIS_COLUMNS)} (column '${missing[0] ?? header[NOMIS_COLUMNS.length]}' differs)`);
  }
  if (rows.length === 0) throw new PayloadError(url, "no data rows (is the geography or date valid for NM_2002_1?)");
  let total = -1;
  rows.forEach((cells, index) => {
    const record = Object.fromEntries(NOMIS_COLUMNS.map((column, i) => [column, cells[i]]));
    const checked = rowSchema.safeParse(record);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      throw new PayloadError(url, `CSV line ${index + 2}, column ${String(issue.path[0])}: ${issue.message} (got ${JSON.stringify(record[String(issue.path[0])] ?? null)})`);
    }
    const offset = Number(checked.data.RECORD_OFFSET);
    if (offset !== expectedOffset + index) throw new PayloadError(url, `CSV line ${index + 2}: RECORD_OFFSET ${offset}, expected ${expectedOffset + index}: rows missing or out of order`);
    total = Number(checked.data.RECORD_COUNT);
  });
  const lines = body.split(/\r?\n/).filter((line) => line.length > 0);
  if (lines.length !== rows.length + 1) throw new PayloadError(url, "a quoted value spans lines; cannot keep the rows verbatim");
  return { header: lines[0]!, lines: lines.slice(1), offset: expectedOffset, total };
}

export interface NomisOptions extends NomisQuery {
  outDir: string;
  baseUrl?: string;
  http?: HttpOptions;
  maxPages?: number;
}

export interface NomisOutcome extends Landed {
  pages: number;
  rows: number;
}

export async function fetchNomisPopulation(options: NomisOptions): Promise<NomisOutcome> {
  const q = nomisQuery.parse(options);
  const baseUrl = options.baseUrl ?? NOMIS_BASE;
  const maxPages = options.maxPages ?? 200;
  const requests: string[] = [];
  let header: string | null = null;
  const lines: string[] = [];
  let total = Infinity;

  while (lines.length < total) {
    if (requests.length >= maxPages) throw new PayloadError(requests.at(-1)!, `more than ${maxPages} pages; narrow the query`);
    const url = nomisUrl(baseUrl, q, lines.length);
    requests.push(url);
    const response = await httpGet(url, { ...options.http, headers: { accept: "text/csv", ...options.http?.headers } });
    const page = readPage(url, response.body.toString("utf8"), lines.length);
    if (header !== null && page.header !== header) throw new PayloadError(url, "header row differs from the first page's");
    if (total !== Infinity && page.total !== total) throw new PayloadError(url, `RECORD_COUNT changed between pages (${total} then ${page.total}): the data was revised mid-fetch; try again`);
    header = page.header;
    total = page.total;
    lines.push(...page.lines);
  }
  if (lines.length !== total) throw new PayloadError(requests.at(-1)!, `received ${lines.length} rows but RECORD_COUNT says ${total}`);

  // Several areas: a short hash of the list keeps different lists in different files.
  const areas = q.geography.length === 1 ? q.geography[0] : `${q.geography.length}-areas-${sha256(q.geography.join(",")).slice(0, 8)}`;
  const name = `${NOMIS_DATASET.toLowerCase()}-${areas}-${q.date.replace(/[^0-9A-Za-z-]/g, "")}.csv`;
  const landed = landFetched(join(options.outDir, name), `${[header, ...lines].join("\n")}\n`, {
    fetcher: "nomis",
    requests,
    holds: `${lines.length} rows of ${NOMIS_DATASET} (ONS mid-year population estimates)`,
  });
  return { ...landed, pages: requests.length, rows: lines.length };
}
