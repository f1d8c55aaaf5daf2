// Census 2021 TS038, disability under the Equality Act, every LSOA (2021). See
// data/census2021-lsoa-health-care-age/PROVENANCE.md.
import { defineCensusLsoaSource } from "./census2021-lsoa-columns.ts";

export default defineCensusLsoaSource({
  id: "census2021-lsoa-ts038",
  code: "TS038",
  title: "disability",
  topic: "Disability",
  unit: "usual residents",
  categories: [
    ["total", "Total: All usual residents"],
    ["disabled", "Disabled under the Equality Act"],
    ["disabled_limited_a_lot", "Disabled under the Equality Act: Day-to-day activities limited a lot"],
    ["disabled_limited_a_little", "Disabled under the Equality Act: Day-to-day activities limited a little"],
    ["not_disabled", "Not disabled under the Equality Act"],
    ["not_disabled_with_condition", "Not disabled under the Equality Act: Has long term physical or mental health condition but day-to-day activities are not limited"],
    ["not_disabled_no_condition", "Not disabled under the Equality Act: No long term physical or mental health conditions"],
  ],
});
