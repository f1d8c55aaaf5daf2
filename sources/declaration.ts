// The shape every source declares. Parsed with zod when the registry is built, so a
// mistyped declaration fails loudly before any file is read.
import { z } from "zod";

export const CLASSIFICATIONS = ["public", "internal", "personal"] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

const columnType = z.enum(["VARCHAR", "INTEGER", "BIGINT", "DOUBLE", "DATE", "BOOLEAN"]);

export const columnSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, "column names are snake_case"),
  type: columnType,
  description: z.string().min(1),
  /** The column's label in the published file's header (CSV sources check it before loading). */
  header: z.string().optional(),
  /** A required column must be present in the file's header; a required value must be non-empty. */
  required: z.boolean().default(true),
  /** Plain-English rule the loader or staging model enforces (shown in the data catalogue). */
  rule: z.string().optional(),
  classification: z.enum(CLASSIFICATIONS).optional(),
});
export type Column = z.infer<typeof columnSchema>;

export const fileSchema = z.object({
  /** Path relative to the repository root. */
  path: z.string().min(1),
  /** What edition or slice this file holds, e.g. "mid-2019". */
  edition: z.string().min(1),
  /** Date the publisher released this edition (ISO). */
  released: z.iso.date(),
  /**
   * The file inside the zip at `path` that holds the data, for publishers who ship CSVs zipped.
   * The loader extracts it to a temporary file; the hash recorded is still the zip's.
   */
  member: z.string().min(1).optional(),
});
export type SourceFile = z.infer<typeof fileSchema>;

/**
 * The entities a source must cover: every value of an entity set must appear in `column`
 * (in each value of `per`, when given). Checked right after the source loads
 * (pipelines/load/coverage.ts); an entity lost to a rejected row or a cut file fails the run
 * naming source, file and the missing codes, unless `allowMissing` lists it with a reason.
 */
export const coverageSchema = z.object({
  column: z.string().min(1),
  entities: z.union([
    /** A set named in sources/entity-sets.ts, read from a reference table already loaded. */
    z.string().min(1),
    /** The codes a cut of a national file was made to hold (its PROVENANCE.md says which). */
    z.object({ codes: z.array(z.string().min(1)).min(1) }),
    /** Where no reference list exists: at least this many distinct values. */
    z.object({ count: z.number().int().positive() }),
  ]),
  /** Each of these values of `per.column` (a year, an edition) must cover the set on its own. */
  per: z.object({ column: z.string().min(1), values: z.array(z.union([z.string(), z.number()])).min(1) }).optional(),
  allowMissing: z.object({ codes: z.array(z.string().min(1)).min(1), reason: z.string().min(10) }).optional(),
});
export type Coverage = z.infer<typeof coverageSchema>;

export const sourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "source ids are kebab-case"),
  title: z.string().min(1),
  publisher: z.string().min(1),
  licence: z.object({
    name: z.string().min(1),
    url: z.url(),
    attribution: z.string().min(1),
  }),
  edition: z.string().min(1),
  url: z.url(),
  format: z.enum(["csv", "xls", "xlsx", "xls/xlsx", "ods", "json", "geojson", "topojson"]),
  /** How often the publisher issues a new edition; drives freshness warnings. */
  cadenceMonths: z.number().int().positive(),
  classification: z.enum(CLASSIFICATIONS),
  /** The raw warehouse table this source loads into. */
  table: z.string().regex(/^raw_[a-z0-9_]+$/, "raw tables are named raw_<source>"),
  files: z.array(fileSchema).min(1),
  columns: z.array(columnSchema).min(1),
  notes: z.string().optional(),
  /**
   * The text encoding of a CSV source's files. UTF-8 (with or without a byte-order mark) unless
   * declared: some publishers still export Windows-1252 from Excel ("£" as the single byte 0xA3).
   * Declared Windows-1252 is transcoded before loading; an undeclared non-UTF-8 byte stops the
   * load naming the file, line and column rather than loading mojibake.
   */
  encoding: z.enum(["utf-8", "windows-1252"]).optional(),
  /**
   * The declared DOUBLE column holding money (CSV sources). The loader then sums it in each file
   * independently of DuckDB, in whole pence, and stops unless the file's total equals the total
   * loaded plus the total in rejected rows (recorded in the load_amounts table).
   */
  amount: z.string().optional(),
  coverage: z.array(coverageSchema).optional(),
});
export type SourceDeclaration = z.infer<typeof sourceSchema>;

/** One row ready for the warehouse: values in declared column order. */
export type RawValue = string | number | null;

export interface Reject {
  file: string;
  /** "line 12" for CSV, "sheet 'MYE2 - Males' row 40" for spreadsheets. */
  location: string;
  line: number | null;
  column: string | null;
  reason: string;
  raw: string;
}

/** What a spreadsheet reader hands back for one file. */
export interface SheetReadResult {
  rows: RawValue[][];
  rejects: Reject[];
  /** Data rows examined (rows loaded + rows rejected). */
  rowsRead: number;
  /** Title, blank and footnote rows skipped around the table: reported, not data. */
  rowsSkipped: number;
}

export interface CsvSource extends SourceDeclaration {
  kind: "csv";
}
export interface SpreadsheetSource extends SourceDeclaration {
  kind: "spreadsheet";
  /** Reads one file into rows in declared column order; throws StructuralError on layout problems. */
  read(file: SourceFile, absolutePath: string): SheetReadResult;
}
export type Source = CsvSource | SpreadsheetSource;

/**
 * A problem with the shape of a file (missing header, missing column, unreadable file).
 * It stops the run: loading half a table would publish wrong figures.
 */
export class StructuralError extends Error {
  constructor(
    readonly file: string,
    readonly where: { sheet?: string; row?: number; column?: string },
    readonly problem: string,
  ) {
    const parts = [file];
    if (where.sheet !== undefined) parts.push(`sheet '${where.sheet}'`);
    if (where.row !== undefined) parts.push(`row ${where.row}`);
    if (where.column !== undefined) parts.push(`column '${where.column}'`);
    super(`${parts.join(", ")}: ${problem}`);
    this.name = "StructuralError";
  }
}

/** Coverage must name declared columns: a typo would otherwise check nothing. */
function checkCoverageColumns(source: SourceDeclaration): void {
  for (const item of source.coverage ?? []) {
    for (const name of [item.column, ...(item.per ? [item.per.column] : [])]) {
      if (!source.columns.some((column) => column.name === name)) throw new Error(`source '${source.id}': coverage column '${name}' is not a declared column`);
    }
  }
}

export function defineCsvSource(declaration: Omit<CsvSource, "kind">): CsvSource {
  const source = sourceSchema.parse(declaration);
  checkCoverageColumns(source);
  if (source.amount !== undefined && !source.columns.some((column) => column.name === source.amount && column.type === "DOUBLE")) {
    throw new Error(`source '${source.id}': amount '${source.amount}' must name a declared DOUBLE column`);
  }
  return { ...source, kind: "csv" };
}

export function defineSpreadsheetSource(
  declaration: Omit<SpreadsheetSource, "kind" | "read">,
  read: SpreadsheetSource["read"],
): SpreadsheetSource {
  const source = sourceSchema.parse(declaration);
  checkCoverageColumns(source);
  // Reconciling money needs the published text, which only the CSV loader streams.
  if (source.amount !== undefined) throw new Error(`source '${source.id}': amount reconciliation is for CSV sources only`);
  if (source.files.some((file) => file.member !== undefined)) throw new Error(`source '${source.id}': zip members are for CSV sources only`);
  return { ...source, kind: "spreadsheet", read };
}

export const OGL = {
  name: "Open Government Licence v3.0",
  url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
  attribution: "Source: Office for National Statistics licensed under the Open Government Licence v3.0",
} as const;
