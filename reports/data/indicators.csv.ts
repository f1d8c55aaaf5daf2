// Machine-readable indicator metadata (CSV), generated from the registry.
import { indicatorMetadata, licences, safeCsv } from "./indicator-metadata.ts";
import { pageData } from "./marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  return safeCsv(indicatorMetadata(await licences(readMarts)));
});
