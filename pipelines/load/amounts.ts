// Money reconciliation for sources that declare an amount column: the file's total, read here
// from the published text in whole pence, must equal the total DuckDB loaded plus the total in
// the rows it rejected. Rows counts alone would not notice a value read as the wrong number.
import { createReadStream } from "node:fs";
import Papa from "papaparse";
import { ident, literal, type Warehouse } from "../warehouse.ts";

// A new table rather than new columns on `loads`, which existing warehouses already hold.
export const LOAD_AMOUNTS_SQL = `
create table if not exists load_amounts (
  source varchar not null, file varchar not null, amount_in_file decimal(18,2) not null,
  amount_loaded decimal(18,2) not null, amount_rejected decimal(18,2) not null,
  rejected_unparsed_rows integer not null
);
`;

export interface FileAmounts {
  source: string;
  file: string;
  /** Whole pence. */
  inFile: bigint;
  loaded: bigint;
  rejected: bigint;
  /** Rejected rows whose amount is not a plain amount to the penny: counted, never summed. */
  rejectedUnparsed: number;
}

const PLAIN_AMOUNT = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * Whole pence in a published amount ("1234.5", "-98.21", ".5"); 0 for an empty field (loaded as
 * NULL, so it adds nothing either side); null for anything else, including fractions of a penny,
 * which a sum in pence could not hold exactly, and amounts of more than 13 digits of pounds.
 */
export function parsePence(text: string): bigint | null {
  const trimmed = text.trim();
  if (trimmed === "") return 0n;
  const match = PLAIN_AMOUNT.exec(trimmed);
  if (!match) return null;
  const [, sign, whole = "", fraction = ""] = match;
  if (whole === "" && fraction === "") return null;
  if (/[1-9]/.test(fraction.slice(2))) return null;
  // Beyond 13 digits of pounds a double (what DuckDB loads) no longer holds every penny exactly.
  if (whole.replace(/^0+/, "").length > 13) return null;
  const pence = BigInt(whole || "0") * 100n + BigInt(fraction.slice(0, 2).padEnd(2, "0"));
  return sign === "-" ? -pence : pence;
}

/** "1234.50" from 123450n: exact, for DECIMAL literals and messages. */
export function formatPence(pence: bigint): string {
  const sign = pence < 0n ? "-" : "";
  const abs = pence < 0n ? -pence : pence;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** Sums one field of every record after the header, streaming the file through papaparse. */
function sumCsvAmounts(path: string, index: number): Promise<{ pence: bigint; unparsed: number }> {
  return new Promise((resolve, reject) => {
    let pence = 0n;
    let unparsed = 0;
    let header = true;
    Papa.parse<string[]>(createReadStream(path, "utf8"), {
      delimiter: ",",
      skipEmptyLines: true,
      step: (result) => {
        if (header) {
          header = false;
          return;
        }
        // A record cut short before the amount has no amount to sum: counted, as its reject is.
        const field = result.data[index];
        const value = field === undefined ? null : parsePence(field);
        if (value === null) unparsed++;
        else pence += value;
      },
      complete: () => resolve({ pence, unparsed }),
      error: (error) => reject(error),
    });
  });
}

/**
 * Checks one loaded file's money and records it in load_amounts. `file` is the name the file's
 * rows and rejects were stored under; `path` the UTF-8 text DuckDB read.
 */
export async function reconcileAmounts(
  db: Warehouse,
  options: { source: string; table: string; amount: string; index: number; file: string; path: string },
): Promise<FileAmounts> {
  const { source, table, amount, index, file, path } = options;
  const inFile = await sumCsvAmounts(path, index);
  const [loadedRow] = await db.all<{ pence: string }>(
    `select coalesce(sum(round(${ident(amount)} * 100)::hugeint), 0)::varchar as pence from ${ident(table)} where _source_file = ${literal(file)}`,
  );
  const loaded = BigInt(loadedRow?.pence ?? "0");
  // One rejected line may carry several errors: take each line once.
  const lines = await db.all<{ raw: string | null }>(
    `select any_value(raw) as raw from rejects where source = ${literal(source)} and file = ${literal(file)} group by location`,
  );
  let rejected = 0n;
  let rejectedUnparsed = 0;
  for (const { raw } of lines) {
    const field = raw === null ? undefined : Papa.parse<string[]>(raw, { delimiter: "," }).data[0]?.[index];
    const value = field === undefined ? null : parsePence(field);
    if (value === null) rejectedUnparsed++;
    else rejected += value;
  }
  const result: FileAmounts = { source, file, inFile: inFile.pence, loaded, rejected, rejectedUnparsed };
  if (inFile.pence !== loaded + rejected) {
    throw new Error(
      `${file}: amounts do not reconcile: £${formatPence(inFile.pence)} in the file, £${formatPence(loaded)} loaded, ` +
        `£${formatPence(rejected)} in rejected rows (difference £${formatPence(inFile.pence - loaded - rejected)})`,
    );
  }
  // An amount this reader cannot read exactly but DuckDB loaded would be summed on one side only.
  if (inFile.unparsed !== rejectedUnparsed) {
    throw new Error(
      `${file}: amounts do not reconcile: ${inFile.unparsed} amount(s) in the file are not plain amounts to the penny, ` +
        `but only ${rejectedUnparsed} such row(s) were rejected`,
    );
  }
  await db.run(`insert into load_amounts values (${literal(source)}, ${literal(file)}, ${formatPence(inFile.pence)}, ${formatPence(loaded)},
    ${formatPence(rejected)}, ${rejectedUnparsed})`);
  return result;
}
