// Columns that ONS's area lookups (the local authority codes file, the MSOA names lookup) share:
// each area's combined authority, region, country and the unions above it, code then name.
import type { Column } from "./declaration.ts";

/** A text column read as published. */
export const textColumn = (name: string, header: string, description: string, required = false): Column => ({ name, type: "VARCHAR", required, header, description });

/** Combined authority to United Kingdom, as both lookups lay them out. */
export const ONS_HIGHER_AREA_COLUMNS: Column[] = [
  textColumn("cauthcd", "CAUTHCD", "Combined authority"),
  textColumn("cauthnm", "CAUTHNM", "Combined authority name"),
  textColumn("rgncd", "RGNCD", "Region"),
  textColumn("rgnnm", "RGNNM", "Region name"),
  textColumn("ctrycd", "CTRYCD", "Country (E92000001 England)"),
  textColumn("ctrynm", "CTRYNM", "Country name"),
  textColumn("ewcd", "EWCD", "England and Wales"),
  textColumn("ewnm", "EWNM", "England and Wales name"),
  textColumn("gbcd", "GBCD", "Great Britain"),
  textColumn("gbnm", "GBNM", "Great Britain name"),
  textColumn("ukcd", "UKCD", "United Kingdom"),
  textColumn("uknm", "UKNM", "United Kingdom name"),
];
