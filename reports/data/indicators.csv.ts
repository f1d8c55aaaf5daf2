// Machine-readable indicator metadata (CSV), generated from the registry.
import Papa from "papaparse";
import { indicatorMetadata, neutraliseFormula } from "./indicator-metadata.ts";

const rows = indicatorMetadata().map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, neutraliseFormula(value)])));
process.stdout.write(Papa.unparse(rows));
