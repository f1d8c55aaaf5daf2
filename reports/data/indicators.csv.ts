// Machine-readable indicator metadata (CSV), generated from the registry.
import { indicatorMetadata, safeCsv } from "./indicator-metadata.ts";
import { pageData } from "./marts.ts";

export default pageData(import.meta, async () => {
  return safeCsv(indicatorMetadata());
});
