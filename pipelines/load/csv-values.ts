// The value checks DuckDB's CSV reader does not make, so that no value changes meaning on the
// way in: it rounds "12.5" into an INTEGER column, reads an empty required value as NULL, and
// reads "nan" and "inf" as doubles, and drops the time from "2021-03-31 10:30" in a DATE column.
// Integer columns are therefore read as DOUBLE (BIGINT as text, which a double could not hold
// exactly), dates as text (cast here, time of day and all), and a declared money column as text (reconciled to the penny, it
// must be a plain amount a double holds exactly), and the insert keeps only rows whose values pass. The
// rows it leaves out show as a shortfall in the count (records = loaded + rejected), which is
// known anyway: only then is the file loaded again here, each offending row moved to the
// rejects and named by its line. A file that passes costs one filter, not a second read.
import Papa from "papaparse";
import type { Column, CsvSource, Reject } from "../../sources/declaration.ts";
import { ident, literal, type Warehouse } from "../warehouse.ts";
import { linesOf, spanAt, type RecordSpan } from "./bytes.ts";

/**
 * A plain amount to the penny, as amounts.ts sums it: at most 13 digits of pounds (so that a
 * double holds every penny exactly) and any digits after the second decimal zeros.
 */
const PLAIN_MONEY = String.raw`\s*[+-]?(\d{1,13}(\.(\d{0,2}0*))?|\.\d{1,2}0*)\s*`;

/** How one declared column is read and checked; `money` for the source's declared amount column. */
export interface ColumnRead {
  column: Column;
  money: boolean;
}

export const columnReads = (columns: Column[], amount: string | undefined): ColumnRead[] =>
  columns.map((column) => ({ column, money: column.name === amount }));

/** The type read_csv reads a column as: one that keeps what the check needs to see. */
export function readType({ column, money }: ColumnRead): string {
  if (money || column.type === "BIGINT") return "VARCHAR";
  if (column.type === "INTEGER") return "DOUBLE";
  if (column.type === "DATE") return "VARCHAR";
  return column.type;
}

/**
 * A SQL condition true where the column's value may load, or null for no check. NULL counts as
 * failing, as in a WHERE clause: a failed try_cast is NULL, and so is a missing required value.
 * try_cast to INTEGER is NULL for NaN, infinity and anything out of range, and rounds a fraction,
 * so the value equals its cast only when it is a whole number that fits.
 */
function passesSql(read: ColumnRead): string | null {
  const { column, money } = read;
  const name = ident(column.name);
  const date = dateOf(name);
  const value = money
    ? `regexp_full_match(${name}, '${PLAIN_MONEY}')`
    : column.type === "INTEGER"
      ? `try_cast(${name} as INTEGER) = ${name}`
      : column.type === "BIGINT"
        ? `regexp_full_match(${name}, '\\s*[+-]?\\d+\\s*') and try_cast(${name} as BIGINT) is not null`
        : column.type === "DOUBLE"
          ? `isfinite(${name})`
          : column.type === "DATE"
            ? // As DuckDB reads a date (padding allowed), but a time of day other than midnight is refused.
              `isfinite(${date}) and ${date} >= DATE '0001-01-01' and coalesce(try_cast(trim(${name}) as TIMESTAMP) = ${date}::TIMESTAMP, true)`
            : null;
  // Read as text, a quoted "" or padding is as empty as nothing at all.
  const empty = readType(read) === "VARCHAR" ? `nullif(trim(${name}), '') is null` : `${name} is null`;
  if (column.required) return value !== null ? `(${value})` : readType(read) === "VARCHAR" ? `${name} <> ''` : `${name} is not null`;
  return value === null ? null : `(${empty} or ${value})`;
}

const dateOf = (name: string) => `try_cast(nullif(trim(${name}), '') as DATE)`;

/** The value as the raw table holds it, once it has passed its check. */
function castSql(read: ColumnRead): string {
  const name = ident(read.column.name);
  if (read.column.type === "DATE") return dateOf(name);
  if (readType(read) === read.column.type) return name;
  return `try_cast(${read.money ? `trim(${name})` : name} as ${read.column.type})`;
}

/** The select list and filter for the insert: rows with an offending value are left out. */
export function checkedSelect(columns: ColumnRead[]): { select: string; where: string } {
  const checks = columns.map(passesSql).filter((check) => check !== null);
  return { select: columns.map(castSql).join(", "), where: checks.length === 0 ? "true" : checks.join(" and ") };
}

/** Why one published value cannot load, in DuckDB's own words for a failed conversion. */
function reason({ column, money }: ColumnRead, text: string): string {
  if (text.trim() === "") return "REQUIRED: value is empty, but the column is required";
  if (money) {
    return `CAST: Could not convert string "${text}" to 'DOUBLE': the money column '${column.name}' takes plain amounts to the penny (digits, a sign, a point; at most 13 digits of pounds)`;
  }
  if (column.type === "DOUBLE") return `CAST: Could not convert string "${text}" to 'DOUBLE': it is not a finite number`;
  if (column.type === "DATE") return `CAST: Could not convert string "${text}" to 'DATE': it is not a date in years 1 to 9999, or it holds a time of day`;
  return `CAST: Could not convert string "${text}" to '${column.type}': it is not a whole number in the type's range (DuckDB would round or overflow it)`;
}

/**
 * Loads a file again after the checked insert left rows out: its rows are deleted, read into a
 * scratch table in file order, the offending ones returned as rejects, the rest inserted. Loaded rows are matched
 * to records by order (DuckDB keeps insertion order), skipping the records DuckDB itself
 * rejected, which it names by their first byte.
 */
export async function loadCheckingValues(
  db: Warehouse,
  options: { source: CsvSource; columns: ColumnRead[]; readCsv: string; file: string; spans: RecordSpan[]; text: (span: RecordSpan) => string },
): Promise<{ rowsLoaded: number; rejects: Reject[] }> {
  const { source, columns, readCsv, file, spans, text } = options;
  await db.run(`delete from ${ident(source.table)} where _source_file = ${literal(file)};
    drop table if exists reject_errors; drop table if exists reject_scans; drop table if exists csv_checked;`);
  await db.run(`create temp table csv_checked as select * from ${readCsv}`);
  try {
    const rejected = new Set(
      (await db.all<{ at: string }>(`select distinct line_byte_position::varchar as at from reject_errors`)).map((row) => spanAt(spans, Number(row.at))?.start),
    );
    const accepted = spans.slice(1).filter((span) => !rejected.has(span.start));
    const [{ n } = { n: 0 }] = await db.all<{ n: number }>(`select count(*)::integer as n from csv_checked`);
    if (n !== accepted.length) {
      throw new Error(`${file}: cannot match the ${n} rows read to the ${accepted.length} records not rejected, so offending values cannot be named by line`);
    }
    const checks = columns.flatMap((column, index) => {
      const passes = passesSql(column);
      return passes === null ? [] : [{ index, offending: `not coalesce(${passes}, false)` }];
    });
    if (checks.length === 0) return { rowsLoaded: 0, rejects: [] };
    const found = await db.all<{ k: number; index: number }>(
      checks
        .map((check) => `select k, ${check.index} as index from (select (row_number() over (order by rowid) - 1)::integer as k, * from csv_checked) where ${check.offending}`)
        .join(" union all "),
    );
    const rejects: Reject[] = found
      .sort((a, b) => a.k - b.k || a.index - b.index)
      .map(({ k, index }) => {
        const span = accepted[k]!;
        const raw = text(span);
        const read = columns[index]!;
        const value = Papa.parse<string[]>(raw, { delimiter: "," }).data[0]?.[index] ?? "";
        return { file, location: linesOf(span), line: span.firstLine, column: read.column.name, reason: reason(read, value), raw };
      });
    const targets = [...columns.map((read) => ident(read.column.name)), "_source_file"].join(", ");
    const inserted = await db.connection.run(`
      insert into ${ident(source.table)} (${targets})
      select ${columns.map(castSql).join(", ")}, ${literal(file)} from csv_checked
      where ${checkedSelect(columns).where} order by rowid`);
    return { rowsLoaded: inserted.rowsChanged, rejects };
  } finally {
    await db.run(`drop table if exists csv_checked`);
  }
}
