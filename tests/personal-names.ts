// The personal names in the two raw CQC files, read straight from the published CSVs (not
// from the warehouse, so that a loader fault cannot hide them), and a scan of warehouse tables
// for any of them. Used by the integration tests on the built warehouse and by their unit test.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import Papa from "papaparse";

export const CQC_ENGLAND_FILE = "sources/data/cqc-care-homes-england-2021/occupancy_filled.csv";
export const CQC_SOUTHWEST_FILE = "sources/data/cqc-api-care-homes-southwest-2021/cqc_care_homes.csv";
/** The tables the models build: staging, intermediate and marts. */
export const MODEL_TABLE = /^(stg|int|needs|market)_/;

function readCsv(root: string, file: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(join(root, file), "utf8"), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  return parsed.data;
}

/** Providers' nominated individuals, published as 'Family, Given' ('*' where withheld). */
export function nominatedIndividuals(root: string): string[] {
  const names = readCsv(root, CQC_ENGLAND_FILE).map((row) => row["Provider Nominated Individual Name"]?.trim() ?? "");
  return [...new Set(names.filter((name) => name !== "" && name !== "*"))];
}

// A Python literal string: single-quoted, or double-quoted when the text holds an apostrophe.
const PY_STRING = `(?:'([^']*)'|"([^"]*)")`;
const CONTACT = new RegExp(`'personGivenName': ${PY_STRING}, 'personFamilyName': ${PY_STRING}`, "g");

/** Registered managers named in the API records' regulatedActivities contacts. */
export function registeredManagers(root: string): { given: string; family: string }[] {
  const seen = new Map<string, { given: string; family: string }>();
  for (const row of readCsv(root, CQC_SOUTHWEST_FILE)) {
    for (const match of (row["regulatedActivities"] ?? "").matchAll(CONTACT)) {
      const given = (match[1] ?? match[2] ?? "").trim();
      const family = (match[3] ?? match[4] ?? "").trim();
      if (given && family) seen.set(`${given}|${family}`, { given, family });
    }
  }
  return [...seen.values()];
}

/**
 * The names as they could plausibly appear downstream: nominated individuals as published
 * ('Strong, Margaret'); registered managers, held as separate given and family names, in both
 * orders. Natural order is not used for nominated individuals: it turns coincidences into
 * hits ('House, Heather' against a home called Heather House).
 */
export function personalNames(root: string): string[] {
  const names = new Set(nominatedIndividuals(root));
  for (const { given, family } of registeredManagers(root)) {
    names.add(`${given} ${family}`);
    names.add(`${family}, ${given}`);
  }
  return [...names];
}

/**
 * Lower case, commas kept as words, every other run of characters other than letters and digits made one space; an
 * apostrophe is kept only inside a word, as in O'Neill, not where it quotes one, and DuckDB's
 * escaped apostrophe in lists read as text (O\'Neill) counts as one.
 */
export function words(text: string): string {
  return text
    .toLowerCase()
    .replaceAll("\\'", "'")
    .replace(/(?<!\p{L})'|'(?!\p{L})/gu, " ")
    // A comma stays, as a word of its own: 'Heath, Catherine' is a published name, while
    // 'Elmdon Heath & Catherine-de-Barnes' is a place that merely holds the same two words.
    .replace(/,/g, " , ")
    .replace(/[^\p{L}\p{N}',]+/gu, " ")
    .trim();
}

export interface NameHit {
  table: string;
  column: string;
  value: string;
  name: string;
}

/** The names found in one text, as whole runs of words ('Ann Lee' is not in 'Joann Leeds'). */
export function namesIn(text: string, names: ReadonlySet<string>, longest: number): string[] {
  const tokens = words(text).split(" ");
  const found: string[] = [];
  for (let start = 0; start < tokens.length; start++) {
    for (let length = 1; length <= longest && start + length <= tokens.length; length++) {
      const run = tokens.slice(start, start + length).join(" ");
      if (names.has(run)) found.push(run);
    }
  }
  return found;
}

/**
 * Looks for each name, as a whole run of words and ignoring case and punctuation, in every
 * distinct text value of every table whose name matches `tables`, in the DuckDB file at
 * `warehousePath` (opened read-only).
 */
export async function findNames(warehousePath: string, names: string[], tables: RegExp = MODEL_TABLE): Promise<NameHit[]> {
  const wanted = new Set(names.map(words).filter((name) => name.includes(" ")));
  if (wanted.size === 0) throw new Error("no names of two or more words to look for");
  const longest = Math.max(...[...wanted].map((name) => name.split(" ").length));
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run(`attach '${warehousePath.replaceAll("'", "''")}' as wh (read_only)`);
    const columns = (
      await connection.runAndReadAll(
        // Text, and anything that can hold text inside it (lists, structs, maps), read as text.
        `select table_name, column_name from information_schema.columns
         where table_catalog = 'wh' and regexp_matches(data_type, '^(VARCHAR|STRUCT|MAP|UNION|JSON)|\\[\\]$')
         order by table_name, ordinal_position`,
      )
    )
      .getRowObjectsJS()
      .map((row) => ({ table: String(row.table_name), column: String(row.column_name) }))
      .filter((column) => tables.test(column.table));
    if (columns.length === 0) throw new Error(`no text columns in tables matching ${tables} in ${warehousePath}`);
    const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const hits: NameHit[] = [];
    for (const { table, column } of columns) {
      const values = await connection.runAndReadAll(
        `select distinct cast(${quote(column)} as varchar) as v from wh.${quote(table)} where ${quote(column)} is not null`,
      );
      for (const [value] of values.getRows()) {
        for (const name of namesIn(String(value), wanted, longest)) hits.push({ table, column, value: String(value), name });
      }
    }
    return hits;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
