// Census 2021 TS037, general health of usual residents, every LSOA (2021). See
// data/census2021-lsoa-health-care-age/PROVENANCE.md.
import { defineCensusLsoaSource } from "./census2021-lsoa-columns.ts";

export default defineCensusLsoaSource({
  id: "census2021-lsoa-ts037",
  code: "TS037",
  title: "general health",
  topic: "General health",
  unit: "usual residents",
  categories: [
    ["total", "Total: All usual residents"],
    ["very_good", "Very good health"],
    ["good", "Good health"],
    ["fair", "Fair health"],
    ["bad", "Bad health"],
    ["very_bad", "Very bad health"],
  ],
});
