// Entity sets a source's coverage can name: each read from a reference table another source
// loads, so "every LSOA" means the LSOAs the national lookup lists, not a number in code.
export interface EntitySet {
  /** The source whose raw table holds the set: it loads before any source naming the set. */
  source: string;
  /** One column of codes. */
  sql: string;
}

export const ENTITY_SETS: Record<string, EntitySet> = {
  "LSOA 2021 in England": {
    source: "geography-lookups-lsoa21",
    sql: "select distinct lsoa21_code as code from raw_lookup_lsoa21_ward24_ltla24 where lsoa21_code like 'E%'",
  },
  "LSOA 2021 in England and Wales": {
    source: "geography-lookups-lsoa21",
    sql: "select distinct lsoa21_code as code from raw_lookup_lsoa21_ward24_ltla24",
  },
  "lower-tier councils 2024 in England": {
    source: "geography-lookups-lsoa21",
    sql: "select distinct ltla24_code as code from raw_lookup_lsoa21_ward24_ltla24 where ltla24_code like 'E%'",
  },
  "upper-tier councils 2023 in England": {
    source: "geography-lookups-lsoa21-ltla23-utla23",
    sql: "select distinct utla23_code as code from raw_lookup_ltla23_utla23 where utla23_code like 'E%'",
  },
};
