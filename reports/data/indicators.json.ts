// Machine-readable indicator metadata (JSON), generated from the registry.
import { indicatorMetadata } from "./indicator-metadata.ts";
import { pageData } from "./marts.ts";

export default pageData(import.meta, async () => {
  return JSON.stringify(indicatorMetadata(), null, 2);
});
