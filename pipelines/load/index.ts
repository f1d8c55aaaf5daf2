// Loads one declared source into its raw table, keeps every rejected row, and reconciles
// rows read = rows loaded + rows rejected for each file.
import type { ReadSheet } from "./prefetch.ts";
import { createHash } from "node:crypto";
import { isUtf8 } from "node:buffer";
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { unzipSync } from "fflate";
import Papa from "papaparse";
import {
  StructuralError,
  type Column,
  type CsvSource,
  type RawValue,
  type Reject,
  type Source,
  type SourceFile,
  type SpreadsheetSource,
} from "../../sources/declaration.ts";
import { LOAD_AMOUNTS_SQL, reconcileAmounts } from "./amounts.ts";
import { ident, literal, type Warehouse } from "../warehouse.ts";

export interface FileLoad {
  source: string;
  file: string;
  sha256: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsSkipped: number;
}

export const LOAD_TABLES_SQL = `
create table if not exists rejects (
  source varchar not null, file varchar not null, location varchar not null, line integer,
  column_name varchar, reason varchar not null, raw varchar
);
create table if not exists loads (
  run_id varchar not null, source varchar not null, file varchar not null, sha256 varchar not null,
  size bigint not null, mtime_ms double not null,
  rows_read integer not null, rows_loaded integer not null, rows_rejected integer not null,
  rows_skipped integer not null, loaded_at timestamp not null
);
create table if not exists source_state (source varchar primary key, declaration varchar not null);
${LOAD_AMOUNTS_SQL}`;

export function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function readBytes(path: string, name: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new StructuralError(name, {}, `cannot read file (${(error as Error).message})`);
  }
}

function statOf(path: string, name: string) {
  try {
    return statSync(path);
  } catch (error) {
    throw new StructuralError(name, {}, `cannot read file (${(error as Error).message})`);
  }
}

/** Changes when the declaration's files, columns or table change. */
export function declarationHash(source: Source): string {
  // The encoding joins the hash only when declared, so existing sources keep their hashes.
  const encoding = source.encoding === undefined ? {} : { encoding: source.encoding };
  const amount = source.amount === undefined ? {} : { amount: source.amount };
  return sha256(Buffer.from(JSON.stringify({ files: source.files, columns: source.columns, table: source.table, ...encoding, ...amount })));
}

/**
 * True when the source's declaration and every file's bytes match the last load. Like git's
 * index, a file whose size and modification time are unchanged is taken as unchanged; only a
 * touched file is hashed again.
 */
export async function isUnchanged(db: Warehouse, source: Source, root: string): Promise<boolean> {
  const [state] = await db.all<{ declaration: string }>(`select declaration from source_state where source = ${literal(source.id)}`);
  if (state?.declaration !== declarationHash(source)) return false;
  const loads = await db.all<{ file: string; sha256: string; size: number; mtime_ms: number }>(
    `select file, sha256, size, mtime_ms from loads where source = ${literal(source.id)}`,
  );
  return source.files.every((file) => {
    const previous = loads.find((load) => load.file === file.path);
    if (!previous) return false;
    const path = resolve(root, file.path);
    const stat = statOf(path, file.path);
    if (stat.size === previous.size && stat.mtimeMs === previous.mtime_ms) return true;
    return sha256(readBytes(path, file.path)) === previous.sha256;
  });
}

function createRawTable(source: Source): string {
  const columns = source.columns.map((column) => `${ident(column.name)} ${column.type}`);
  return `create or replace table ${ident(source.table)} (${[...columns, "_source_file VARCHAR"].join(", ")})`;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
/**
 * Counts non-blank records, fed in chunks; less the header, a CSV's "rows read". Works across
 * chunk boundaries, so a file can be counted while it streams past. A newline inside a quoted
 * field does not end a record (DuckDB reads it as part of the value, so counting it as a line
 * would fail reconciliation on a valid file). A quote opens a quoted field only at the start of
 * a field (RFC 4180), so a stray quote inside a value changes nothing. While counting it notes
 * what the loader must report rather than load: the first NUL byte, the first change of line
 * ending, and a quote still open at the end of the file. It jumps between quotes and newlines
 * with indexOf rather than stepping through bytes, to keep pace with DuckDB.
 */
export class LineCounter {
  lines = 0;
  /** The physical line (1-based) the counter has reached. */
  line = 1;
  /** First line holding a NUL byte: never text, a sign of UTF-16 or a damaged file. */
  nulLine: number | null = null;
  /** First line whose ending (LF or CRLF) differs from the first line's. */
  mixedEndingLine: number | null = null;
  /** Set by finish() when the file ends inside a quoted field: the line and byte offset of its quote. */
  openQuote: { line: number; offset: number } | null = null;
  private length = 0;
  private endsWithCR = false;
  private quoted = false;
  /** Inside a quoted field, the last byte was a quote: its end, or half of an escaped "". */
  private quoteInQuoted = false;
  private quoteLine = 1;
  private quoteOffset = 0;
  private firstEnding: boolean | null = null;
  private lastByte = LF;
  private offset = 0;

  /** The last physical line with any content (a final newline opens no line). */
  get lastLine(): number {
    return this.lastByte === LF ? this.line - 1 : this.line;
  }

  push(chunk: Buffer): void {
    if (this.nulLine === null && chunk.indexOf(0) >= 0) {
      this.nulLine = this.line + countByte(chunk.subarray(0, chunk.indexOf(0)), LF);
    }
    // The next newline and quote at or after i, found once each and reused, so each byte is
    // scanned once however the two interleave (-1: none left in this chunk).
    let nextLF = chunk.indexOf(LF);
    let nextQuote = chunk.indexOf(QUOTE);
    let i = 0;
    while (i < chunk.length) {
      if (nextLF !== -1 && nextLF < i) nextLF = chunk.indexOf(LF, i);
      if (nextQuote !== -1 && nextQuote < i) nextQuote = chunk.indexOf(QUOTE, i);
      if (this.quoteInQuoted) {
        this.quoteInQuoted = false;
        if (chunk[i] === QUOTE) {
          // An escaped "" inside the value: still quoted.
          this.length++;
          this.quoted = true;
          i++;
          continue;
        }
      }
      if (this.quoted) {
        const end = nextQuote < 0 ? chunk.length : nextQuote;
        // Newlines inside the value: the record goes on, the physical line moves.
        while (nextLF !== -1 && nextLF < end) {
          this.line++;
          nextLF = chunk.indexOf(LF, nextLF + 1);
        }
        this.length += end - i;
        this.endsWithCR = false;
        if (nextQuote < 0) break;
        this.length++;
        this.quoted = false;
        this.quoteInQuoted = true;
        i = nextQuote + 1;
        continue;
      }
      if (nextQuote >= 0 && (nextLF < 0 || nextQuote < nextLF)) {
        const previous = nextQuote > 0 ? chunk[nextQuote - 1] : this.lastByte;
        if (this.length + (nextQuote - i) === 0 || previous === COMMA) {
          this.quoted = true;
          this.quoteLine = this.line;
          this.quoteOffset = this.offset + nextQuote;
        }
        this.length += nextQuote - i + 1;
        this.endsWithCR = false;
        i = nextQuote + 1;
        continue;
      }
      const end = nextLF < 0 ? chunk.length : nextLF;
      if (end > i) {
        this.length += end - i;
        this.endsWithCR = chunk[end - 1] === CR;
      }
      if (nextLF < 0) break;
      this.endLine();
      i = nextLF + 1;
    }
    if (chunk.length > 0) this.lastByte = chunk[chunk.length - 1]!;
    this.offset += chunk.length;
  }

  /** Records after the header: a CSV's "rows read". Call once, at the end of the file. */
  records(): number {
    return Math.max(this.finish() - 1, 0);
  }

  finish(): number {
    if (this.quoted) this.openQuote = { line: this.quoteLine, offset: this.quoteOffset };
    this.endLine(false);
    return this.lines;
  }

  private endLine(newline = true): void {
    if (newline) {
      // Blank lines (no content, or a bare CR) say nothing about the file's line ending.
      if (this.length > 0) {
        if (this.firstEnding === null) this.firstEnding = this.endsWithCR;
        else if (this.firstEnding !== this.endsWithCR && this.mixedEndingLine === null) this.mixedEndingLine = this.line;
      }
      this.line++;
    }
    if (this.length - (this.endsWithCR ? 1 : 0) > 0) this.lines++;
    this.length = 0;
    this.endsWithCR = false;
  }
}

function countByte(bytes: Buffer, byte: number): number {
  let count = 0;
  for (let at = bytes.indexOf(byte); at >= 0; at = bytes.indexOf(byte, at + 1)) count++;
  return count;
}

/**
 * Checks UTF-8 validity of a stream chunk by chunk: a character cut by a chunk boundary is
 * carried into the next chunk. Stops at the first invalid chunk; the loader then finds the
 * exact byte (a rare, slow path).
 */
class Utf8Check {
  valid = true;
  private carry = Buffer.alloc(0);

  push(chunk: Buffer): void {
    if (!this.valid) return;
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    // Find a lead byte in the last three whose character runs past the end, and hold it back.
    let cut = bytes.length;
    for (let back = 1; back <= Math.min(3, bytes.length); back++) {
      const byte = bytes[bytes.length - back]!;
      if ((byte & 0xc0) === 0x80) continue;
      const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      if (needs > back) cut = bytes.length - back;
      break;
    }
    this.valid = isUtf8(bytes.subarray(0, cut));
    this.carry = Buffer.from(bytes.subarray(cut));
  }

  finish(): boolean {
    return this.valid && this.carry.length === 0;
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 character, or -1. */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    if (!isUtf8(bytes.subarray(i, i + length))) return i; // overlong forms and surrogates
    i += length;
  }
  return -1;
}

/** The line (1-based) and declared column holding a byte offset, for a structural message. */
function placeOf(bytes: Buffer, offset: number, columns: Column[]): { row: number; column?: string } {
  const lineStart = bytes.lastIndexOf(LF, offset - 1) + 1;
  const prefix = bytes.subarray(lineStart, offset).toString("latin1");
  const field = (Papa.parse<string[]>(prefix, { delimiter: "," }).data[0]?.length ?? 1) - 1;
  const column = columns[Math.max(field, 0)];
  return { row: countByte(bytes.subarray(0, offset), LF) + 1, ...(column ? { column: column.header ?? column.name } : {}) };
}

/**
 * Node's TextDecoder decodes "windows-1252" as Latin-1 (0x80 comes out as U+0080, not "€"), so
 * the 27 characters where the two differ are mapped here, from the WHATWG Encoding table.
 */
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
export function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString("latin1").replace(/[\u0080-\u009F]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

/** Describes a byte that is not UTF-8, with what it would be in Windows-1252 (the usual cause). */
function describeByte(byte: number): string {
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  const guess = decodeWindows1252(Buffer.of(byte));
  return byte >= 0x80 ? `byte ${hex} ('${guess}' in Windows-1252)` : `byte ${hex}`;
}

/** Counts non-blank records after the header; a CSV's "rows read". */
export function countCsvRecords(bytes: Buffer): number {
  const counter = new LineCounter();
  counter.push(bytes);
  return counter.records();
}

/**
 * SHA-256, record count and text checks of a CSV in one streaming pass. Streaming rather than
 * reading the whole file keeps memory flat and, while DuckDB parses the same file, costs only
 * the hashing.
 */
async function digestCsv(path: string, checkUtf8: boolean) {
  const hash = createHash("sha256");
  const counter = new LineCounter();
  const utf8 = new Utf8Check();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    counter.push(chunk);
    if (checkUtf8) utf8.push(chunk);
  }
  const records = counter.records();
  return {
    sha256: hash.digest("hex"),
    records,
    utf8: !checkUtf8 || utf8.finish(),
    nulLine: counter.nulLine,
    mixedEndingLine: counter.mixedEndingLine,
    openQuote: counter.openQuote,
    lastLine: counter.lastLine,
  };
}

/**
 * Checks the published header against the declaration, position by position. Returns how many
 * declared columns the file has: trailing columns declared optional may be absent (a publisher
 * that adds an empty last column in some months only).
 */
export function checkCsvHeader(bytes: Buffer, columns: Column[], file: string, encoding: CsvSource["encoding"] = "utf-8"): number {
  // An empty file would otherwise read as a header whose first label is '' (unhelpful).
  if (bytes.length === 0) throw new StructuralError(file, { row: 1 }, "the file is empty: no header row");
  const line = bytes.subarray(0, Math.max(bytes.indexOf(10), 0) || bytes.length);
  const firstLine = encoding === "windows-1252" ? decodeWindows1252(line) : line.toString("utf8");
  // The delimiter is fixed: left to guess, papaparse would accept a tab-delimited header that
  // DuckDB (reading commas) then fails on every line as MISSING COLUMNS.
  const header = Papa.parse<string[]>(firstLine.replace(/^\uFEFF/, "").replace(/\r$/, ""), { delimiter: "," }).data[0] ?? [];
  if (header.length === 1 && columns.length > 1) {
    const other = header[0]!.includes("\t") ? "tab" : header[0]!.includes(";") ? "semicolon" : null;
    if (other !== null) {
      throw new StructuralError(file, { row: 1 }, `the header is one field holding ${other}s: the file looks ${other}-delimited, but the source is declared comma-separated`);
    }
  }
  // A label given twice would otherwise be reported as some other column "missing".
  header.forEach((label, index) => {
    const again = header.findIndex((other, at) => at > index && other.trim() === label.trim());
    // Unnamed columns (blank labels) are not duplicates of each other.
    if (again >= 0 && label.trim() !== "" && columns.some((column) => (column.header ?? column.name) === label.trim())) {
      throw new StructuralError(file, { row: 1, column: label.trim() }, `column '${label.trim()}' appears twice (positions ${index + 1} and ${again + 1})`);
    }
  });
  columns.forEach((column, index) => {
    const expected = column.header ?? column.name;
    const found = header[index]?.trim();
    if (found === expected) return;
    if (index >= header.length && columns.slice(index).every((rest) => !rest.required)) return;
    const elsewhere = header.findIndex((label) => label.trim() === expected);
    const problem =
      elsewhere >= 0
        ? `column '${expected}' expected in position ${index + 1} but found in position ${elsewhere + 1}`
        : `required column '${expected}' missing from the header (position ${index + 1} reads '${found ?? ""}')`;
    throw new StructuralError(file, { row: 1, column: expected }, problem);
  });
  if (header.length > columns.length) {
    throw new StructuralError(file, { row: 1, column: header[columns.length] }, `unexpected extra column (the declaration has ${columns.length})`);
  }
  return Math.min(header.length, columns.length);
}

/** The first line of a file, read without reading the rest. */
function firstLine(path: string, name: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw new StructuralError(name, {}, `cannot read file (${(error as Error).message})`);
  }
  try {
    const chunk = Buffer.alloc(65_536);
    const length = readSync(fd, chunk, 0, chunk.length, 0);
    const end = chunk.subarray(0, length).indexOf(10);
    return chunk.subarray(0, end < 0 ? length : end);
  } finally {
    closeSync(fd);
  }
}

type Counts = Omit<FileLoad, "source" | "file">;

/**
 * Inserts one CSV into the raw table through read_csv; returns the rows loaded. `present` is the
 * number of declared columns the file has; optional trailing columns it lacks are left NULL.
 */
async function insertCsv(db: Warehouse, source: CsvSource, readPath: string, file: string, present: number): Promise<number> {
  const declared = source.columns.slice(0, present);
  const columns = declared.map((column) => `${literal(column.name)}: ${literal(column.type)}`).join(", ");
  const targets = [...declared.map((column) => ident(column.name)), "_source_file"].join(", ");
  // store_rejects keeps bad lines in temporary tables instead of failing the whole file;
  // they are copied out below, before the connection closes and they vanish.
  await db.run(`drop table if exists reject_errors; drop table if exists reject_scans;`);
  const result = await db.connection.run(`
    insert into ${ident(source.table)} (${targets})
    select *, ${literal(file)} from read_csv(${literal(readPath)},
      header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
      columns = {${columns}}, store_rejects = true,
      rejects_table = 'reject_errors', rejects_scan = 'reject_scans')`);
  return result.rowsChanged;
}

/** The first line with a NUL byte or a byte that is not UTF-8 (with its column), or null. */
function textProblem(bytes: Buffer, columns: Column[], utf8: boolean): { where: { row: number; column?: string }; problem: string } | null {
  // A UTF-16 byte-order mark: say so, rather than blame its first byte on Windows-1252.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { where: { row: 1 }, problem: "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 CSV" };
  }
  const nul = bytes.indexOf(0);
  const invalid = utf8 ? firstInvalidUtf8(bytes) : -1;
  if (nul < 0 && invalid < 0) return null;
  if (nul >= 0 && (invalid < 0 || nul < invalid)) {
    return { where: placeOf(bytes, nul, columns), problem: "NUL byte in the file: it is binary, UTF-16 or damaged, not CSV text" };
  }
  return {
    where: placeOf(bytes, invalid, columns),
    problem: `${describeByte(bytes[invalid]!)} is not UTF-8; if the publisher uses Windows-1252, declare encoding: "windows-1252"`,
  };
}

/** The name a file's rows and rejects are stored under: "<zip path>!<member>" for a zip member. */
export function fileLabel(file: SourceFile): string {
  return file.member === undefined ? file.path : `${file.path}!${file.member}`;
}

/** One member of a published zip, and the zip's own hash (what the publisher shipped). */
function extractMember(path: string, file: SourceFile & { member: string }): { bytes: Uint8Array; sha256: string } {
  const zip = readBytes(path, file.path);
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(zip, { filter: (entry) => entry.name === file.member });
  } catch (error) {
    throw new StructuralError(file.path, {}, `cannot read the zip (${(error as Error).message})`);
  }
  const bytes = members[file.member];
  if (bytes === undefined) throw new StructuralError(file.path, {}, `the zip has no member '${file.member}'`);
  return { bytes, sha256: sha256(zip) };
}

async function loadCsvFile(db: Warehouse, source: CsvSource, file: SourceFile, root: string): Promise<Counts> {
  const name = fileLabel(file);
  const encoding = source.encoding ?? "utf-8";
  let scratch: string | null = null;
  let copies = 0;
  const temporary = (bytes: Uint8Array | string) => {
    scratch ??= mkdtempSync(join(tmpdir(), "load-csv-"));
    const copy = join(scratch, `copy-${++copies}.csv`);
    writeFileSync(copy, bytes);
    return copy;
  };
  try {
    // A zipped CSV is read from a temporary copy of its member; names in messages and rejects
    // say "<zip>!<member>", and the hash stays the zip's.
    const zipped = file.member === undefined ? null : extractMember(resolve(root, file.path), { ...file, member: file.member });
    const path = zipped === null ? resolve(root, file.path) : temporary(zipped.bytes);
    const head = firstLine(path, name);
    // A header that is UTF-16 or Windows-1252 would otherwise read as a "missing column" in mojibake.
    const headProblem = textProblem(head, source.columns, encoding === "utf-8");
    if (headProblem) throw new StructuralError(name, headProblem.where, headProblem.problem);
    const present = checkCsvHeader(head, source.columns, name, encoding);

    // DuckDB reads UTF-8 (and Latin-1, which differs from Windows-1252 at 0x80-0x9F: "€", curly
    // quotes, dashes), so a declared Windows-1252 file is transcoded to a temporary UTF-8 copy.
    // The hash and the count still come from the published bytes; line numbers are unchanged.
    let readPath = encoding === "windows-1252" ? temporary(decodeWindows1252(readBytes(path, name))) : path;
    // Settled into a value at once: a parse failure must not surface as an unhandled rejection
    // while the digest below is still streaming.
    const insert = insertCsv(db, source, readPath, name, present).then(
      (rows) => ({ rows, error: null }),
      (error: unknown) => ({ rows: 0, error: error as Error }),
    );
    // DuckDB reads on its own threads; hash and count the same bytes here meanwhile, so the
    // independent count that reconciliation needs costs little extra time.
    let digest: Awaited<ReturnType<typeof digestCsv>>;
    try {
      digest = await digestCsv(path, encoding === "utf-8");
    } catch (error) {
      await insert;
      throw new StructuralError(name, {}, `cannot read file (${(error as Error).message})`);
    }
    let { rows: rowsLoaded, error: parseError } = await insert;
    // Not text, or not UTF-8: DuckDB would load NUL bytes inside values and reject each line with
    // a "£" under a misleading reason; one message naming the first bad byte's place is clearer.
    if (digest.nulLine !== null || !digest.utf8) {
      const problem = textProblem(readBytes(path, name), source.columns, encoding === "utf-8");
      if (problem) throw new StructuralError(name, problem.where, problem.problem);
    }
    // DuckDB's strict parser stops on a file that mixes LF and CRLF (a file edited by hand, or two
    // exports joined). Line endings carry no data, so read a copy with CRLF made LF instead;
    // lines keep their numbers. Any other parse failure is structural, naming the file.
    if (parseError !== null && digest.mixedEndingLine !== null) {
      const text = encoding === "windows-1252" ? readFileSync(readPath) : readBytes(path, name);
      readPath = temporary(text.toString("utf8").replaceAll("\r\n", "\n"));
      rowsLoaded = await insertCsv(db, source, readPath, name, present);
    } else if (parseError !== null) {
      throw new StructuralError(name, {}, `DuckDB cannot parse the file: ${parseError.message.split("\n")[0]}`);
    }
    // A quote opened and never closed swallows every later line into one value: the file is
    // truncated or has a stray quote, and the lines it swallowed would go uncounted.
    if (digest.openQuote !== null && digest.openQuote.line < digest.lastLine) {
      // Rare: read the file again to name the column where the quote opened.
      const place = placeOf(readBytes(path, name), digest.openQuote.offset, source.columns);
      throw new StructuralError(
        name,
        { row: digest.openQuote.line, ...(place.column ? { column: place.column } : {}) },
        `a quote opened here is never closed: lines ${digest.openQuote.line} to ${digest.lastLine} would read as one value (a truncated file or a stray quote)`,
      );
    }
    const copied = await db.connection.run(`
      insert into rejects
      select ${literal(source.id)}, ${literal(name)}, 'line ' || line, line::integer,
             coalesce(column_name, 'column ' || column_idx), error_type || ': ' || error_message, csv_line
      from reject_errors`);
    // One line can carry several errors; rows rejected counts lines. Most files have none.
    let rowsRejected = 0;
    if (copied.rowsChanged > 0) {
      [{ n: rowsRejected } = { n: 0 }] = await db.all<{ n: number }>(`select count(distinct line)::integer as n from reject_errors`);
    }
    await db.run(`drop table if exists reject_errors; drop table if exists reject_scans;`);
    if (source.amount !== undefined) {
      const index = source.columns.findIndex((column) => column.name === source.amount);
      await reconcileAmounts(db, { source: source.id, table: source.table, amount: source.amount, index, file: name, path: readPath });
    }
    return { sha256: zipped?.sha256 ?? digest.sha256, rowsRead: digest.records, rowsLoaded, rowsRejected, rowsSkipped: 0 };
  } finally {
    if (scratch !== null) rmSync(scratch, { recursive: true, force: true });
  }
}

async function appendRows(db: Warehouse, source: Source, rows: RawValue[][], file: string): Promise<void> {
  const appender = await db.connection.createAppender(source.table);
  const types = source.columns.map((column) => column.type);
  for (const row of rows) {
    row.forEach((value, index) => {
      if (value === null) appender.appendNull();
      else if (types[index] === "INTEGER") appender.appendInteger(Number(value));
      else if (types[index] === "DOUBLE") appender.appendDouble(Number(value));
      else appender.appendVarchar(String(value));
    });
    appender.appendVarchar(file);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}

async function insertRejects(db: Warehouse, source: string, rejects: Reject[]): Promise<void> {
  if (rejects.length === 0) return;
  const appender = await db.connection.createAppender("rejects");
  for (const reject of rejects) {
    appender.appendVarchar(source);
    appender.appendVarchar(reject.file);
    appender.appendVarchar(reject.location);
    if (reject.line === null) appender.appendNull();
    else appender.appendInteger(reject.line);
    if (reject.column === null) appender.appendNull();
    else appender.appendVarchar(reject.column);
    appender.appendVarchar(reject.reason);
    appender.appendVarchar(reject.raw);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}

async function loadSpreadsheetFile(db: Warehouse, source: SpreadsheetSource, file: SourceFile, root: string, readSheet?: ReadSheet): Promise<Counts> {
  const path = resolve(root, file.path);
  const hash = sha256(readBytes(path, file.path));
  const result = readSheet ? await readSheet(source, file, path) : source.read(file, path);
  await appendRows(db, source, result.rows, file.path);
  await insertRejects(db, source.id, result.rejects);
  return {
    sha256: hash,
    rowsRead: result.rowsRead,
    rowsLoaded: result.rows.length,
    rowsRejected: new Set(result.rejects.map((reject) => reject.location)).size,
    rowsSkipped: result.rowsSkipped,
  };
}

/**
 * Replaces the source's raw table and its rejects. Throws StructuralError on a layout problem
 * and a plain Error if the counts fail to reconcile: either way nothing is published.
 */
export async function loadSource(db: Warehouse, source: Source, options: { root: string; runId: string; readSheet?: ReadSheet }): Promise<FileLoad[]> {
  await db.run(LOAD_TABLES_SQL);
  await db.run(createRawTable(source));
  await db.run(`delete from rejects where source = ${literal(source.id)}; delete from loads where source = ${literal(source.id)};
    delete from load_amounts where source = ${literal(source.id)};`);
  const loads: FileLoad[] = [];
  for (const file of source.files) {
    const stat = statOf(resolve(options.root, file.path), file.path);
    const counts =
      source.kind === "csv"
        ? await loadCsvFile(db, source, file, options.root)
        : await loadSpreadsheetFile(db, source, file, options.root, options.readSheet);
    if (counts.rowsRead !== counts.rowsLoaded + counts.rowsRejected) {
      throw new Error(
        `${fileLabel(file)}: counts do not reconcile: ${counts.rowsRead} rows read, ${counts.rowsLoaded} loaded, ${counts.rowsRejected} rejected`,
      );
    }
    await db.run(`insert into loads values (${[options.runId, source.id, file.path, counts.sha256].map(literal).join(", ")},
      ${stat.size}, ${stat.mtimeMs}, ${counts.rowsRead}, ${counts.rowsLoaded}, ${counts.rowsRejected}, ${counts.rowsSkipped}, now())`);
    loads.push({ source: source.id, file: file.path, ...counts });
  }
  await db.run(`insert or replace into source_state values (${literal(source.id)}, ${literal(declarationHash(source))})`);
  return loads;
}
