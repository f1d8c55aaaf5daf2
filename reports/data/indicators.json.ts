// Machine-readable indicator metadata (JSON), generated from the registry.
import { indicatorMetadata, licences } from "./indicator-metadata.ts";
import { pageData } from "./marts.ts";

export default pageData(import.meta, async ({ readMarts }) => {
  return JSON.stringify(indicatorMetadata(await licences(readMarts)), null, 2);
});
