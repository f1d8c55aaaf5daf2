// Census 2021 TS040, households by number of disabled people in them, every LSOA (2021). See
// data/census2021-lsoa-health-care-age/PROVENANCE.md.
import { defineCensusLsoaSource } from "./census2021-lsoa-columns.ts";

export default defineCensusLsoaSource({
  id: "census2021-lsoa-ts040",
  code: "TS040",
  title: "number of disabled people in household",
  topic: "Number of disabled people in household",
  unit: "households",
  categories: [
    ["total", "Total: All households"],
    ["no_disabled_people", "No people disabled under the Equality Act in household"],
    ["one_disabled_person", "1 person disabled under the Equality Act in household"],
    ["two_or_more_disabled_people", "2 or more people disabled under the Equality Act in household"],
  ],
});
