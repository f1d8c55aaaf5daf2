// ONS 2022-based subnational population projections (migration category variant, 2023
// boundaries), one CSV per sex; the bundled copy is a subset of eight councils.
import { defineCsvSource, OGL, type Column } from "./declaration.ts";

const dir = "sources/data/ons-snpp-2022";
export const PROJECTION_YEARS = Array.from({ length: 26 }, (_, i) => 2022 + i);
const released = "2025-06-24";

export default defineCsvSource({
  id: "ons-snpp-2022",
  title: "Subnational population projections for England: 2022-based, local authorities by single year of age and sex (Z1)",
  publisher: "Office for National Statistics",
  licence: OGL,
  edition: "2022-based, migration category variant, 2023 boundaries (published 24 June 2025)",
  url: "https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationprojections/datasets/localauthoritiesinenglandz1",
  format: "csv",
  cadenceMonths: 24,
  classification: "public",
  table: "raw_ons_snpp_2022",
  files: [
    { path: `${dir}/2022_SNPP_Population_persons_E06000051.csv`, edition: "2022-based persons", released },
    { path: `${dir}/2022_SNPP_Population_males_E06000051.csv`, edition: "2022-based males", released },
    { path: `${dir}/2022_SNPP_Population_females_E06000051.csv`, edition: "2022-based females", released },
  ],
  columns: [
    { name: "area_code", type: "VARCHAR", required: true, header: "AREA_CODE", description: "ONS council code" },
    { name: "area_name", type: "VARCHAR", required: true, header: "AREA_NAME", description: "Council name as published" },
    { name: "component", type: "VARCHAR", required: true, header: "COMPONENT", description: "Always Population" },
    { name: "sex", type: "VARCHAR", required: true, header: "SEX", description: "persons, males or females" },
    { name: "age_group", type: "VARCHAR", required: true, header: "AGE_GROUP", description: "0 to 89, '90 and over' or 'All ages'" },
    ...PROJECTION_YEARS.map(
      (year): Column => ({ name: `y${year}`, type: "DOUBLE", required: true, header: String(year), description: `Projected population, mid-${year}` }),
    ),
  ],
  notes: "Subset: Shropshire and seven comparator councils. The published file has no England rows.",
});
