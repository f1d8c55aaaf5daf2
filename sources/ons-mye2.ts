// ONS mid-year population estimates, table MYE2, mid-2015 to mid-2021: one .xls workbook per
// edition, each laid out a little differently (see data/ons-mye2/PROVENANCE.md).
import { defineSpreadsheetSource, OGL } from "./declaration.ts";
import { MYE2_COLUMNS, readMye2Workbook } from "./readers/mye2-workbook.ts";

const dir = "sources/data/ons-mye2";

export default defineSpreadsheetSource(
  {
    id: "ons-mye2",
    title: "Population estimates by single year of age and sex for local authorities in the UK (MYE2), mid-2015 to mid-2021",
    publisher: "Office for National Statistics",
    licence: OGL,
    edition: "mid-2015 to mid-2021 (original editions; mid-2021 is Census 2021-based)",
    url: "https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates/datasets/populationestimatesforukenglandandwalesscotlandandnorthernireland",
    format: "xls",
    cadenceMonths: 12,
    classification: "public",
    table: "raw_ons_mye2",
    files: [
      { path: `${dir}/MYE2_population_by_sex_and_age_for_local_authorities_UK_2015.xls`, edition: "mid-2015", released: "2016-06-23" },
      { path: `${dir}/ukmidyearestimates2016.xls`, edition: "mid-2016", released: "2017-06-22" },
      { path: `${dir}/ukmidyearestimates2017finalversion.xls`, edition: "mid-2017", released: "2018-06-28" },
      { path: `${dir}/ukmidyearestimates20182019ladcodes.xls`, edition: "mid-2018", released: "2019-06-26" },
      { path: `${dir}/ukmidyearestimates20192020ladcodes.xls`, edition: "mid-2019", released: "2020-06-24" },
      { path: `${dir}/ukpopestimatesmid2020on2021geography.xls`, edition: "mid-2020", released: "2021-06-25" },
      { path: `${dir}/ukpopestimatesmid2021on2021geographyfinal.xls`, edition: "mid-2021", released: "2022-12-21" },
    ],
    columns: MYE2_COLUMNS,
    notes:
      "Not a consistent series: mid-2015 to mid-2020 are the original editions, mid-2021 is Census 2021-based, so the 2020 to 2021 step includes rebasing.",
  },
  readMye2Workbook,
);
