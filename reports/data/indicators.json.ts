// Machine-readable indicator metadata (JSON), generated from the registry.
import { indicatorMetadata } from "./indicator-metadata.ts";

process.stdout.write(JSON.stringify(indicatorMetadata(), null, 2));
