// ONS 2018-based subnational population projections (principal) for every English council,
// county, ICB and England, 2018-2043, by single year of age and sex, as prepared by the NHS
// Strategy Unit on 2023 boundaries. An older edition: models use it only for councils the
// 2022-based file lacks. See data/snpp-2018-based-all-areas-strategy-unit/PROVENANCE.md.
import { defineSpreadsheetSource, OGL, type Column } from "./declaration.ts";
import { readGzipCsv } from "./readers/gzip-csv.ts";

const YEARS = Array.from({ length: 26 }, (_, i) => 2018 + i);
const text = (name: string, header: string, description: string): Column => ({ name, type: "VARCHAR", required: true, header, description });

const source = defineSpreadsheetSource(
  {
    id: "snpp-2018-based-all-areas-strategy-unit",
    title: "Subnational population projections for England: 2018-based (principal), every council, county and ICB, by single year of age and sex",
    publisher: "Office for National Statistics (processed by the Strategy Unit, NHS Midlands and Lancashire CSU)",
    licence: { ...OGL, attribution: "Source: Office for National Statistics licensed under the Open Government Licence v3.0; prepared by the NHS Strategy Unit" },
    edition: "2018-based, principal projection, 2023 boundaries (Strategy Unit)",
    url: "https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationprojections/datasets/localauthoritiesinenglandz1",
    format: "csv",
    // Superseded: ONS will not revise the 2018-based series, but a check each two years matches its cadence.
    cadenceMonths: 24,
    classification: "public",
    table: "raw_snpp_2018_based_all_areas",
    files: [{ path: "sources/data/snpp-2018-based-all-areas-strategy-unit/snpp2018b_principal_su_all_areas.csv.gz", edition: "2018-based principal", released: "2020-03-24" }],
    columns: [
      text("area_code", "AREA_CODE", "ONS area code (2023): council, county, ICB or England"),
      text("area_name", "AREA_NAME", "Area name"),
      text("area_type", "AREA_TYPE", "Unitary authority, district, county, ICB, country, ..."),
      { ...text("sex", "SEX", "persons, males or females"), rule: "persons, males or females" },
      text("age_group", "AGE_GROUP", "0 to 89, '90 and over' or 'All ages'"),
      ...YEARS.map((year): Column => ({ name: `y${year}`, type: "INTEGER", required: true, header: String(year), description: `Projected population, mid-${year} (whole people, rounded by the Strategy Unit)` })),
    ],
    notes:
      "Superseded by the 2022-based projections; use only where those lack a council, and label it. The Strategy Unit re-aggregated ONS's " +
      "figures to 2023 boundaries and rounded them; '90 and over' is the sum of its ages 90-100. Read by a gzip reader: the CSV loader cannot read .gz.",
  },
  (file, path) => readGzipCsv(source.columns, file, path),
);

export default source;
