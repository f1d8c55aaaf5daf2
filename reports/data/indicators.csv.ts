// Machine-readable indicator metadata (CSV), generated from the registry.
import { indicatorMetadata, safeCsv } from "./indicator-metadata.ts";

process.stdout.write(safeCsv(indicatorMetadata()));
