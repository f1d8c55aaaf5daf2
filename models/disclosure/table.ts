// A table of counts as the protection sees it: a flat list of cells and the additive relations
// between them (a total and its parts). One-way and two-way tables are built here so that the
// protection itself needs to know nothing about shape.
export interface AdditiveRelation {
  /** Index of the cell that holds the total. */
  readonly total: number;
  /** Indices of the cells that add up to it. */
  readonly parts: readonly number[];
}

export interface CountTable {
  readonly cells: readonly number[];
  readonly relations: readonly AdditiveRelation[];
  /** Names of the cells, for error messages. */
  readonly labels?: readonly string[];
}

/** Cells 0..n-1 are the parts, cell n their total (computed from the unrounded parts). */
export function oneWay(parts: readonly number[], labels?: readonly string[]): CountTable {
  const total = parts.reduce((sum, value) => sum + value, 0);
  return {
    cells: [...parts, total],
    relations: [{ total: parts.length, parts: parts.map((_, index) => index) }],
    labels: labels ? [...labels, "total"] : undefined,
  };
}

/** Where each cell of a two-way table sits in the flat list made by twoWay. */
export function twoWayIndex(rows: number, columns: number) {
  return {
    cell: (row: number, column: number) => row * columns + column,
    rowTotal: (row: number) => rows * columns + row,
    columnTotal: (column: number) => rows * columns + rows + column,
    grandTotal: rows * columns + rows + columns,
  };
}

/** Interior cells row by row, then row totals, column totals and the grand total. */
export function twoWay(grid: readonly (readonly number[])[]): CountTable {
  const rows = grid.length;
  const columns = grid[0]?.length ?? 0;
  if (grid.some((row) => row.length !== columns)) throw new Error("two-way table: every row must have the same number of columns");
  const at = twoWayIndex(rows, columns);
  const rowIndex = Array.from({ length: rows }, (_, r) => r);
  const columnIndex = Array.from({ length: columns }, (_, c) => c);
  const rowTotals = grid.map((row) => row.reduce((sum, value) => sum + value, 0));
  const columnTotals = columnIndex.map((c) => grid.reduce((sum, row) => sum + row[c]!, 0));
  const grand = rowTotals.reduce((sum, value) => sum + value, 0);
  return {
    cells: [...grid.flat(), ...rowTotals, ...columnTotals, grand],
    relations: [
      ...rowIndex.map((r) => ({ total: at.rowTotal(r), parts: columnIndex.map((c) => at.cell(r, c)) })),
      ...columnIndex.map((c) => ({ total: at.columnTotal(c), parts: rowIndex.map((r) => at.cell(r, c)) })),
      { total: at.grandTotal, parts: rowIndex.map(at.rowTotal) },
      { total: at.grandTotal, parts: columnIndex.map(at.columnTotal) },
    ],
    labels: [
      ...rowIndex.flatMap((r) => columnIndex.map((c) => `row ${r + 1}, column ${c + 1}`)),
      ...rowIndex.map((r) => `row ${r + 1} total`),
      ...columnIndex.map((c) => `column ${c + 1} total`),
      "grand total",
    ],
  };
}
