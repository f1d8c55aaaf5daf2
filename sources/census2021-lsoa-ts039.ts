// Census 2021 TS039, provision of unpaid care by residents aged 5 and over, every LSOA (2021).
// See data/census2021-lsoa-health-care-age/PROVENANCE.md.
import { defineCensusLsoaSource } from "./census2021-lsoa-columns.ts";

export default defineCensusLsoaSource({
  id: "census2021-lsoa-ts039",
  code: "TS039",
  title: "provision of unpaid care",
  topic: "Provision of unpaid care",
  unit: "usual residents aged 5 and over",
  categories: [
    ["total", "Total: All usual residents aged 5 and over"],
    ["no_care", "Provides no unpaid care"],
    ["up_to_19_hours", "Provides 19 hours or less unpaid care a week"],
    ["up_to_9_hours", "Provides 9 hours or less unpaid care a week"],
    ["hours_10_to_19", "Provides 10 to 19 hours unpaid care a week"],
    ["hours_20_to_49", "Provides 20 to 49 hours unpaid care a week"],
    ["hours_20_to_34", "Provides 20 to 34 hours unpaid care a week"],
    ["hours_35_to_49", "Provides 35 to 49 hours unpaid care a week"],
    ["hours_50_plus", "Provides 50 or more hours unpaid care a week"],
  ],
});
