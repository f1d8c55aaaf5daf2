// The indicator registry as flat records, for the definitions page and the machine-readable
// export. CSV cells that a spreadsheet would run as a formula are neutralised.
import { INDICATORS } from "../../models/indicators/index.ts";
import type { PageDataContext } from "./marts.ts";
import { spreadsheetCsv } from "../components/spreadsheet-csv.js";

/** The licence of every source, by id, from the registry the run seeds (meta_sources). */
export async function licences(readMarts: PageDataContext["readMarts"]): Promise<Map<string, string>> {
  const { sources = [] } = await readMarts<{ source_id: string; licence: string }>({ sources: { mart: "meta_sources", sql: "select source_id, licence from {mart}" } });
  return new Map(sources.map((source) => [source.source_id, source.licence]));
}

export function indicatorMetadata(licenceOf: Map<string, string>) {
  return INDICATORS.map((indicator) => ({
    id: indicator.id,
    title: indicator.title,
    definition: indicator.definition,
    framework: indicator.framework,
    code: indicator.code,
    numerator: indicator.numerator?.description ?? "",
    numerator_source: indicator.numerator ? `${indicator.numerator.model}.${indicator.numerator.column}` : "",
    denominator: indicator.denominator?.description ?? "",
    denominator_source: indicator.denominator ? `${indicator.denominator.model}.${indicator.denominator.column}` : "",
    unit: indicator.unit,
    multiplier: indicator.multiplier,
    polarity: indicator.polarity,
    interval_method: indicator.intervalMethod,
    benchmark_method: indicator.benchmarkMethod,
    disclosure: indicator.disclosure,
    priority: indicator.priority,
    trend_series: indicator.trendCode ?? "",
    sources: indicator.sources.join("; "),
    licence: [...new Set(indicator.sources.map((id) => licenceOf.get(id) ?? "unknown"))].join("; "),
  }));
}

/**
 * CSV for download. A text cell starting with =, +, -, @, tab or carriage return would run as a
 * formula when opened in a spreadsheet; papaparse's escapeFormulae prefixes it with a quote.
 * Numbers, including negative ones, are left alone.
 */
export function safeCsv(rows: Record<string, unknown>[]): string {
  return spreadsheetCsv(rows);
}
