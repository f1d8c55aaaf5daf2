// Large lists of rows travel to the browser as columns and arrays rather than as objects,
// which repeat every key in every row; reports/components/columnar.js turns them back. Numbers
// are rounded to 4 decimal places: pages show at most 2.
export interface Columnar {
  columns: string[];
  rows: unknown[][];
}

const round = (value: unknown) => (typeof value === "number" && !Number.isInteger(value) ? Math.round(value * 1e4) / 1e4 : value);

export function columnar(rows: Record<string, unknown>[]): Columnar {
  const columns = rows.length ? Object.keys(rows[0]!) : [];
  return { columns, rows: rows.map((row) => columns.map((column) => round(row[column]))) };
}
