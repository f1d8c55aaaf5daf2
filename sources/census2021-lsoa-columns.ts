// What the Census 2021 topic-summary bulk CSVs from Nomis share: the date, LSOA name and code
// first, then one count per category, each header "<Topic>: <category>". One declaration per
// table is built here so the five LSOA tables read alike.
import { defineCsvSource, OGL, type Column, type CsvSource } from "./declaration.ts";

export const CENSUS2021_LSOA_DIR = "sources/data/census2021-lsoa-health-care-age";

/** One category count: its column name and the text after "<Topic>: " in the header. */
export type CensusCategory = readonly [name: string, label: string];

export interface CensusTable {
  id: string;
  /** The ONS table code, e.g. TS037. */
  code: string;
  title: string;
  /** The header prefix before ": ", e.g. "General health". */
  topic: string;
  categories: readonly CensusCategory[];
  /** What the table counts: usual residents, residents aged 5 and over, households. */
  unit: string;
}

const LEADING: Column[] = [
  { name: "census_year", type: "INTEGER", required: true, header: "date", description: "Census year (census day 21 March 2021)" },
  { name: "lsoa21_name", type: "VARCHAR", required: true, header: "geography", description: "LSOA 2021 name" },
  { name: "lsoa21_code", type: "VARCHAR", required: true, header: "geography code", description: "LSOA 2021 code (E01 England, W01 Wales)" },
];

export function defineCensusLsoaSource(table: CensusTable): CsvSource {
  const file = `census2021-${table.code.toLowerCase()}-lsoa.csv`;
  return defineCsvSource({
    id: table.id,
    title: `Census 2021 ${table.code}: ${table.title}, LSOAs (2021), England and Wales`,
    publisher: "Office for National Statistics (Nomis bulk download)",
    licence: OGL,
    edition: `Census 2021 ${table.code}`,
    url: `https://www.nomisweb.co.uk/sources/census_2021_bulk`,
    format: "csv",
    // A census each ten years.
    cadenceMonths: 120,
    classification: "public",
    table: `raw_census2021_${table.code.toLowerCase()}_lsoa`,
    // The health, disability and unpaid care topic summaries (and the age table's LSOA bulk file in
    // the same wave); PROVENANCE.md records the month.
    files: [{ path: `${CENSUS2021_LSOA_DIR}/${file}`, edition: `Census 2021 ${table.code}, member ${file} of census2021-${table.code.toLowerCase()}.zip`, released: "2023-01-19" }],
    columns: [
      ...LEADING,
      ...table.categories.map(([name, label]): Column => ({
        name,
        type: "INTEGER",
        required: true,
        header: `${table.topic}: ${label}`,
        description: `${label} (${table.unit})`,
        rule: "a count, 0 or more; perturbed by ONS cell-key disclosure control",
      })),
    ],
    coverage: [{ column: "lsoa21_code", entities: "LSOA 2021 in England and Wales" }],
    notes:
      "All LSOAs in England and Wales (35,672). Counts are perturbed for disclosure control, so totals across different tables differ slightly; " +
      "nested categories (a total and its parts) are both published: do not add them together.",
  });
}
