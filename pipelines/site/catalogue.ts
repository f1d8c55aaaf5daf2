// The published data catalogue: every table a public page drew on, with its columns, its
// classification, the sources it comes from and their licences, as JSON and CSV at fixed
// addresses (data/catalogue.json, data/catalogue.csv). Built from what the page data actually
// read during the build (pipelines/site/page-data.ts records each read), not from a hand-kept list.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SOURCES } from "../../sources/index.ts";
import { literal, openWarehouse } from "../warehouse.ts";
import { spreadsheetCsv } from "../../reports/components/spreadsheet-csv.js";

export interface MartRead {
  loader: string;
  mart: string;
}

export interface CatalogueEntry {
  table: string;
  classification: string;
  classification_reason: string;
  loaders: string[];
  columns: { name: string; type: string }[];
  sources: { id: string; title: string; publisher: string; edition: string; licence: string; licence_url: string; attribution: string; url: string }[];
  run_id: string;
}

export async function buildCatalogue(warehousePath: string, reads: MartRead[], runId: string): Promise<CatalogueEntry[]> {
  const db = await openWarehouse(warehousePath, { readOnly: true });
  try {
    const lineage = new Map(
      (await db.all<{ table_name: string; classification: string; reason: string; inputs: string[] }>(`select table_name, classification, reason, inputs from meta_classification`)).map((row) => [row.table_name, row]),
    );
    const rawTablesOf = (table: string, seen = new Set<string>()): string[] => {
      if (seen.has(table)) return [];
      seen.add(table);
      const inputs = lineage.get(table)?.inputs ?? [];
      return inputs.length === 0 ? [table] : inputs.flatMap((input) => rawTablesOf(input, seen));
    };
    const tables = [...new Set(reads.map((read) => read.mart))].sort();
    const entries: CatalogueEntry[] = [];
    for (const table of tables) {
      const columns = await db.all<{ name: string; type: string }>(
        `select column_name as name, data_type as type from information_schema.columns where table_name = ${literal(table)} order by ordinal_position`,
      );
      const raw = new Set(rawTablesOf(table));
      entries.push({
        table,
        classification: lineage.get(table)?.classification ?? "unclassified",
        classification_reason: lineage.get(table)?.reason ?? "",
        loaders: [...new Set(reads.filter((read) => read.mart === table).map((read) => read.loader))].sort(),
        columns,
        sources: SOURCES.filter((source) => raw.has(source.table)).map((source) => ({
          id: source.id,
          title: source.title,
          publisher: source.publisher,
          edition: source.edition,
          licence: source.licence.name,
          licence_url: source.licence.url,
          attribution: source.licence.attribution,
          url: source.url,
        })),
        run_id: runId,
      });
    }
    return entries;
  } finally {
    db.close();
  }
}

export function catalogueCsv(entries: CatalogueEntry[]): string {
  const rows = entries.map((entry) => ({
    table: entry.table,
    classification: entry.classification,
    columns: entry.columns.map((column) => `${column.name} (${column.type})`).join("; "),
    loaders: entry.loaders.join("; "),
    sources: entry.sources.map((source) => `${source.title} (${source.edition})`).join("; "),
    publishers: [...new Set(entry.sources.map((source) => source.publisher))].join("; "),
    licences: [...new Set(entry.sources.map((source) => `${source.licence} <${source.licence_url}>`))].join("; "),
    run_id: entry.run_id,
  }));
  // Titles are publishers' text: neutralise anything a spreadsheet would run as a formula.
  return spreadsheetCsv(rows);
}

export async function writeCatalogue(warehousePath: string, outDir: string, reads: MartRead[], runId: string): Promise<CatalogueEntry[]> {
  const entries = await buildCatalogue(warehousePath, reads, runId);
  mkdirSync(join(outDir, "data"), { recursive: true });
  writeFileSync(join(outDir, "data", "catalogue.json"), `${JSON.stringify({ run_id: runId, tables: entries }, null, 1)}\n`);
  writeFileSync(join(outDir, "data", "catalogue.csv"), `${catalogueCsv(entries)}\n`);
  return entries;
}
