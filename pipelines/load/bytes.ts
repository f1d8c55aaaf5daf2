// Byte-level reading of CSV text: counting records as the file streams past (quotes, line
// endings, NUL bytes), UTF-8 and Windows-1252, and naming the line and column of a bad byte.
import { createHash } from "node:crypto";
import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import Papa from "papaparse";
import type { Column } from "../../sources/declaration.ts";

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
  /** Where the record now being read starts: its first byte and physical line. */
  private recordStart = 0;
  private recordLine = 1;

  /**
   * With `spans`, every record's byte range and physical lines are kept (header included), so
   * a rejected or offending record can be named by the lines it covers: a rare path, as it
   * costs memory per record.
   */
  constructor(readonly spans: RecordSpan[] | null = null) {}

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
      this.endLine(true, this.offset + nextLF);
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
    this.endLine(false, this.offset);
    return this.lines;
  }

  /** `end`: the offset of the newline ending the line (or of the end of the file). */
  private endLine(newline: boolean, end: number): void {
    const content = this.length - (this.endsWithCR ? 1 : 0) > 0;
    if (content && this.spans !== null) {
      this.spans.push({ start: this.recordStart, end: this.endsWithCR ? end - 1 : end, firstLine: this.recordLine, lastLine: this.line });
    }
    if (newline) {
      // Blank lines (no content, or a bare CR) say nothing about the file's line ending.
      if (this.length > 0) {
        if (this.firstEnding === null) this.firstEnding = this.endsWithCR;
        else if (this.firstEnding !== this.endsWithCR && this.mixedEndingLine === null) this.mixedEndingLine = this.line;
      }
      this.line++;
    }
    if (content) this.lines++;
    this.length = 0;
    this.endsWithCR = false;
    this.recordStart = end + 1;
    this.recordLine = this.line;
  }
}

/** One record of a CSV: bytes [start, end) without its line ending, and the lines it covers. */
export interface RecordSpan {
  start: number;
  end: number;
  firstLine: number;
  lastLine: number;
}

/** Every record's span, the header's first. */
export function recordSpans(bytes: Buffer): RecordSpan[] {
  const spans: RecordSpan[] = [];
  const counter = new LineCounter(spans);
  counter.push(bytes);
  counter.finish();
  return spans;
}

/**
 * The record holding a byte offset, or the first after it: DuckDB names a rejected record by the
 * first byte of its line, or of the blank lines before it.
 */
export function spanAt(spans: RecordSpan[], offset: number): RecordSpan | undefined {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.end < offset) low = middle + 1;
    else high = middle;
  }
  return spans[low];
}

/** "line 4", or "lines 2 to 8" for a record whose quoted value runs over lines. */
export function linesOf(span: RecordSpan): string {
  return span.firstLine === span.lastLine ? `line ${span.firstLine}` : `lines ${span.firstLine} to ${span.lastLine}`;
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
export function placeOf(bytes: Buffer, offset: number, columns: Column[]): { row: number; column?: string } {
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
export async function digestCsv(path: string, checkUtf8: boolean) {
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

/** The first line with a NUL byte or a byte that is not UTF-8 (with its column), or null. */
export function textProblem(bytes: Buffer, columns: Column[], utf8: boolean): { where: { row: number; column?: string }; problem: string } | null {
  // Compressed files saved under a .csv name: say what they are, rather than blame a byte on an encoding.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    return { where: { row: 1 }, problem: "the file is gzip-compressed (it starts with the gzip bytes 1F 8B), not CSV text: decompress it, or point the declaration at the uncompressed file" };
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return {
      where: { row: 1 },
      problem: "the file is a zip archive (an .xlsx workbook or a zipped CSV), not CSV text: declare a workbook as a spreadsheet source, or the CSV inside the zip as the file's member",
    };
  }
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

