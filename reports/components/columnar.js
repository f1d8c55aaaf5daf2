// The other half of reports/data/columnar.ts: columns and arrays back into one object per row.
export function rowsOf({ columns, rows }) {
  return rows.map((row) => Object.fromEntries(columns.map((column, index) => [column, row[index]])));
}
