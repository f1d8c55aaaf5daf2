// Loading a CSV: the header checked against the declaration, the rows through DuckDB's read_csv
// with store_rejects, rejected lines copied to the rejects table, and the independent count of
// records that reconciliation needs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { StructuralError, type Column, type CsvSource, type Reject, type SourceFile } from "../../sources/declaration.ts";
import { ident, literal, type Warehouse } from "../warehouse.ts";
import { reconcileAmounts } from "./amounts.ts";
import { decodeWindows1252, digestCsv, linesOf, placeOf, recordSpans, spanAt, textProblem, type RecordSpan } from "./bytes.ts";
import { checkedSelect, columnReads, loadCheckingValues, readType, type ColumnRead } from "./csv-values.ts";
import { extractMember, fileLabel, firstLine, readBytes, type FileCounts } from "./files.ts";
import { insertRejects } from "./rejects.ts";

/**
 * Checks the published header against the declaration, position by position. Returns how many
 * declared columns the file has: trailing columns declared optional may be absent (a publisher
 * that adds an empty last column in some months only).
 */
function checkCsvHeader(bytes: Buffer, columns: Column[], file: string, encoding: CsvSource["encoding"] = "utf-8"): number {
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

/** The read_csv call for a file: explicit columns (read as csv-values.ts needs), rejects kept. */
function readCsvSql(readPath: string, declared: ColumnRead[]): string {
  const columns = declared.map((read) => `${literal(read.column.name)}: ${literal(readType(read))}`).join(", ");
  // store_rejects keeps bad lines in temporary tables instead of failing the whole file;
  // they are copied out below, before the connection closes and they vanish.
  return `read_csv(${literal(readPath)},
      header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
      columns = {${columns}}, store_rejects = true,
      rejects_table = 'reject_errors', rejects_scan = 'reject_scans')`;
}

/**
 * Inserts one CSV into the raw table through read_csv, leaving out rows with an offending value
 * (csv-values.ts); returns the rows loaded. `present` is the number of declared columns the file has;
 * optional trailing columns it lacks are left NULL.
 */
async function insertCsv(db: Warehouse, source: CsvSource, readPath: string, file: string, present: number): Promise<number> {
  const declared = columnReads(source.columns.slice(0, present), source.amount);
  const targets = [...declared.map((read) => ident(read.column.name)), "_source_file"].join(", ");
  const { select, where } = checkedSelect(declared);
  await db.run(`drop table if exists reject_errors; drop table if exists reject_scans;`);
  const result = await db.connection.run(`
    insert into ${ident(source.table)} (${targets})
    select ${select}, ${literal(file)} from ${readCsvSql(readPath, declared)} where ${where}`);
  return result.rowsChanged;
}

/**
 * DuckDB's rejects, named by the physical lines of their record (DuckDB numbers lines by record,
 * too low after a quoted value spanning lines; its byte position of the line is exact), with the
 * record as published for the raw value. Declared INTEGER columns are read as DOUBLE: the reason
 * names the declared type.
 */
async function duckdbRejects(db: Warehouse, declared: ColumnRead[], file: string, spans: () => RecordSpan[], text: (span: RecordSpan) => string): Promise<Reject[]> {
  const rows = await db.all<{ at: string; column_name: string | null; column_idx: number; reason: string; csv_line: string | null }>(`
    select line_byte_position::varchar as at, column_name, column_idx::integer as column_idx,
           error_type || ': ' || error_message as reason, csv_line
    from reject_errors order by line_byte_position, column_idx`);
  return rows.map((row) => {
    const span = spanAt(spans(), Number(row.at));
    const read = declared.find((candidate) => candidate.column.name === row.column_name);
    const reason = read && readType(read) !== read.column.type ? row.reason.replaceAll(`'${readType(read)}'`, `'${read.column.type}'`) : row.reason;
    return {
      file,
      location: span ? linesOf(span) : `byte ${row.at}`,
      line: span?.firstLine ?? null,
      column: row.column_name ?? `column ${row.column_idx}`,
      reason,
      raw: span ? text(span) : (row.csv_line ?? ""),
    };
  });
}

/** DuckDB's first line of a parse failure, after the file's name: never its message alone. */
function cannotParse(file: string, error: Error): StructuralError {
  return new StructuralError(file, {}, `DuckDB cannot parse the file: ${error.message.split("\n")[0]}`);
}

export async function loadCsvFile(db: Warehouse, source: CsvSource, file: SourceFile, root: string): Promise<FileCounts> {
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
      try {
        rowsLoaded = await insertCsv(db, source, readPath, name, present);
      } catch (error) {
        throw cannotParse(name, error as Error);
      }
    } else if (parseError !== null) {
      throw cannotParse(name, parseError);
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
    // The records' lines are found only when something is rejected: a second read of the file.
    let spans: RecordSpan[] | null = null;
    let readText: Buffer | null = null;
    const spansOf = () => (spans ??= recordSpans((readText ??= readBytes(readPath, name))));
    const textOf = (span: RecordSpan) => readText!.subarray(span.start, span.end).toString("utf8");
    const declared = columnReads(source.columns.slice(0, present), source.amount);
    let checked: Reject[] = [];
    const rejectedRecords = async () =>
      (await db.all<{ n: number }>(`select count(distinct line_byte_position)::integer as n from reject_errors`))[0]?.n ?? 0;
    // Rows the checked insert left out: load again, naming each offending value.
    if (rowsLoaded + (await rejectedRecords()) < digest.records) {
      ({ rowsLoaded, rejects: checked } = await loadCheckingValues(db, {
        source,
        columns: declared,
        readCsv: readCsvSql(readPath, declared),
        file: name,
        spans: spansOf(),
        text: textOf,
      }));
    }
    const [{ n: duckdbRejected } = { n: 0 }] = await db.all<{ n: number }>(`select count(*)::integer as n from reject_errors`);
    const rejects = [...(duckdbRejected > 0 ? await duckdbRejects(db, declared, name, spansOf, textOf) : []), ...checked];
    await insertRejects(db, source.id, rejects);
    // One record can carry several errors; rows rejected counts records. Most files have none.
    const rowsRejected = new Set(rejects.map((reject) => reject.location)).size;
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

