// Census 2021 TS007A, usual residents by five-year age band, every LSOA (2021). See
// data/census2021-lsoa-health-care-age/PROVENANCE.md.
import { defineCensusLsoaSource, type CensusCategory } from "./census2021-lsoa-columns.ts";

/** Lower bounds of the bands "Aged 5 to 9 years" .. "Aged 80 to 84 years"; the ends are worded apart. */
const BAND_STARTS = Array.from({ length: 16 }, (_, i) => 5 + 5 * i);

export default defineCensusLsoaSource({
  id: "census2021-lsoa-ts007a",
  code: "TS007A",
  title: "age by five-year age bands",
  topic: "Age",
  unit: "usual residents",
  categories: [
    ["total", "Total"],
    ["aged_0_4", "Aged 4 years and under"],
    ...BAND_STARTS.map((start): CensusCategory => [`aged_${start}_${start + 4}`, `Aged ${start} to ${start + 4} years`]),
    ["aged_85_plus", "Aged 85 years and over"],
  ],
});
