// Runs every corpus case through the real loader (loadSource into an in-memory warehouse) and
// checks the outcome the case states: loaded, rejected (with file, line, column and reason for
// each reject, and nothing lost) or structural (a StructuralError naming file and place).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSource, type FileLoad } from "../../pipelines/load/index.ts";
import { openWarehouse, type Warehouse } from "../../pipelines/warehouse.ts";
import { defineCsvSource, defineSpreadsheetSource, OGL, StructuralError, type Source } from "../../sources/declaration.ts";
import { headerRowReader } from "../../sources/readers/header-row-workbook.ts";
import { CoverageError, coverageReferences } from "../../pipelines/load/index.ts";
import { sourceById } from "../../sources/index.ts";
import { CASES, CSV_COLUMNS, XLSX_COLUMNS, XLSX_SHEET, type CorpusCase } from "./cases.ts";

const roots: string[] = [];
const PROJECT_ROOT = resolve(import.meta.dirname, "../..");
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const common = {
  title: "Corpus case",
  publisher: "Test",
  licence: OGL,
  edition: "2099",
  url: "https://example.org/",
  cadenceMonths: 12,
  classification: "public" as const,
  table: "raw_corpus",
};

/** The declared workbook checks: the rules a header-row source would state. */
const XLSX_CHECKS = {
  area_code: (value: string | number) => (/^E\d{8}$/.test(String(value)) ? null : `'${value}' is not an ONS area code`),
  count: (value: string | number) => (Number(value) < 0 ? `${value} is negative` : null),
};

function sourceFor(corpusCase: CorpusCase, path: string): Source {
  const file = { path, edition: "2099", released: "2099-01-01" };
  if (corpusCase.source) return { ...sourceById(corpusCase.source), files: [file] };
  if (corpusCase.loader === "csv") {
    return defineCsvSource({ ...common, id: "corpus-csv", format: "csv", files: [file], columns: CSV_COLUMNS, ...corpusCase.declare });
  }
  return defineSpreadsheetSource(
    { ...common, id: "corpus-xlsx", format: "xlsx", files: [file], columns: XLSX_COLUMNS },
    headerRowReader(XLSX_COLUMNS, { sheet: XLSX_SHEET, checks: XLSX_CHECKS }),
  );
}

/** Writes the case's bytes into a fresh project root and loads it; returns what came back. */
async function run(corpusCase: CorpusCase) {
  const root = mkdtempSync(join(tmpdir(), "corpus-"));
  roots.push(root);
  const path = `sources/data/corpus/${corpusCase.id}.${corpusCase.loader}`;
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), corpusCase.input());
  const db: Warehouse = await openWarehouse(":memory:");
  try {
    let loads: FileLoad[] | null = null;
    let error: unknown = null;
    try {
      // A bundled source whose coverage names an entity set needs that set's reference table,
      // loaded from the project's own files, as a run loads it first.
      if (corpusCase.source) {
        for (const id of coverageReferences(sourceById(corpusCase.source))) await loadSource(db, sourceById(id), { root: PROJECT_ROOT, runId: "corpus" });
      }
      loads = await loadSource(db, sourceFor(corpusCase, path), { root, runId: "corpus" });
    } catch (caught) {
      error = caught;
    }
    if (corpusCase.source) return { path, load: loads?.[0], error, rows: [], rejects: [] };
    const columns = (corpusCase.loader === "csv" ? CSV_COLUMNS : XLSX_COLUMNS).map((column) => column.name);
    const rows = loads ? await db.all(`select ${columns.map((name) => (name === "date" ? "strftime(date, '%Y-%m-%d') as date" : name)).join(", ")} from raw_corpus`) : [];
    const rejects = loads
      ? await db.all<{ file: string; location: string; line: number; column_name: string | null; reason: string }>(
          `select file, location, line, column_name, reason from rejects order by line, column_name`,
        )
      : [];
    return { path, load: loads?.[0], error, rows, rejects };
  } finally {
    db.close();
  }
}

describe("the malformed-input corpus", () => {
  it("holds at least 40 cases with unique ids", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  });

  for (const corpusCase of CASES) {
    const test = corpusCase.knownGap ? it.fails : it;
    const title = `${corpusCase.id}: ${corpusCase.description} → ${corpusCase.expected.outcome}${corpusCase.knownGap ? ` (known gap: ${corpusCase.knownGap})` : ""}`;
    test(title, async () => {
      const { path, load, error, rows, rejects } = await run(corpusCase);
      const expected = corpusCase.expected;

      if (expected.outcome === "coverage") {
        expect(error, "expected a CoverageError").toBeInstanceOf(CoverageError);
        const message = (error as Error).message;
        expect(message, "names the file").toContain(path);
        expect((error as CoverageError).missing).toEqual(expected.missing);
        for (const part of expected.parts) expect(message).toContain(part);
        return;
      }

      if (expected.outcome === "structural") {
        expect(error, "expected a StructuralError").toBeInstanceOf(StructuralError);
        const message = (error as Error).message;
        expect(message.startsWith(`${path}, `) || message.startsWith(`${path}: `), `message names the file: ${message}`).toBe(true);
        for (const part of expected.parts) expect(message).toContain(part);
        return;
      }

      if (error) throw error;
      expect(load).toBeDefined();
      // Nothing lost: every row read is either loaded or rejected.
      expect(load!.rowsRead).toBe(load!.rowsLoaded + load!.rowsRejected);
      expect(load!.rowsLoaded).toBe(expected.rows);
      expect(rows).toHaveLength(expected.rows);

      if (expected.outcome === "loaded") {
        expect(load!.rowsRejected).toBe(0);
        expect(rejects).toEqual([]);
        if (expected.values) expect(rows).toEqual(expected.values);
        return;
      }

      expect(load!.rowsRejected).toBe(new Set(expected.rejects.map((reject) => reject.line)).size);
      expect(rejects).toHaveLength(expected.rejects.length);
      for (const want of expected.rejects) {
        const found = rejects.find(
          (reject) =>
            reject.location === want.location &&
            (want.column === null ? true : (reject.column_name ?? "").includes(want.column)) &&
            reject.reason.includes(want.reason),
        );
        expect(found, `a reject at ${want.location}, column ${want.column ?? "(any)"}, reason containing "${want.reason}" in ${JSON.stringify(rejects)}`).toBeDefined();
        expect(found!.file).toBe(path);
        expect(found!.line).toBe(want.line);
      }
    });
  }
});
