// Adult social care activity by council, provided in house or by external providers, 2001 to
// 2023: a research harmonisation of PSS-EX1 and ASC-FR by Benjamin Goodair (University of
// Oxford), not an official file (see data/asc-activity-provision-timeseries/PROVENANCE.md).
// Loaded as published: R's NA markers stay text here and become nulls in staging; councils are
// named, never coded, and the staging and intermediate models match the names to ONS codes.
import { defineCsvSource } from "./declaration.ts";

export default defineCsvSource({
  id: "asc-activity-provision-timeseries",
  title: "Adult social care activity by council, in-house vs externally provided, 2001-2023 (activity_keep_all.csv)",
  publisher: "Benjamin Goodair, University of Oxford (harmonising Department of Health PSS-EX1 and NHS Digital ASC-FR returns)",
  licence: {
    name: "Underlying statistics: Open Government Licence v3.0; derived file: no licence stated (research use)",
    url: "https://github.com/BenGoodair/adults_social_care_data",
    attribution:
      "Derived from Department of Health and NHS Digital adult social care activity returns (Open Government Licence v3.0), harmonised by " +
      "Benjamin Goodair, University of Oxford (adults_social_care_data)",
  },
  edition: "2000-01 to 2022-23 (file of 27 June 2024)",
  url: "https://github.com/BenGoodair/adults_social_care_data",
  format: "csv",
  cadenceMonths: 12,
  classification: "public",
  table: "raw_asc_activity_provision_timeseries",
  files: [
    {
      path: "sources/data/asc-activity-provision-timeseries/activity_keep_all.csv",
      edition: "2001-2023",
      // No publication date: the date the file last changed in the repository.
      released: "2024-06-27",
    },
  ],
  columns: [
    { name: "row_number", type: "INTEGER", required: true, header: "", description: "R's row number (the published header is empty)" },
    {
      name: "percent_sector",
      type: "VARCHAR",
      required: false,
      header: "percent_sector",
      description: "Share of the council's activity in the setting provided this way, per cent, or NA",
      rule: "a number or NA",
    },
    {
      name: "support_setting",
      type: "VARCHAR",
      required: false,
      header: "SupportSetting",
      description: "Residential, Nursing, Home care, Day care, or empty (from 2016: all other, community, activity)",
    },
    {
      name: "dh_geography_name",
      type: "VARCHAR",
      required: true,
      header: "DH_GEOGRAPHY_NAME",
      description: "Council (or aggregate) name, spelt many ways; NA for every row of 2017",
    },
    {
      name: "activity_provision",
      type: "VARCHAR",
      required: true,
      header: "ActivityProvision",
      description: "In House, External, or 99 (the total, from 2015)",
      rule: "In House, External or 99",
    },
    { name: "itemvalue", type: "VARCHAR", required: false, header: "ITEMVALUE", description: "Activity volume (units differ by setting and year), or NA", rule: "a number or NA" },
    { name: "year", type: "INTEGER", required: true, header: "year", description: "Financial year, by the calendar year it ends in (2023 = 2022-23)" },
  ],
  notes:
    "A derived research dataset with no stated licence: cite the source and treat as research use. Councils are identified only by " +
    "name (627 spellings); 2017 has no names at all; settings, units and the age filter (65 and over from 2018) change over time, so " +
    "compare shares, not levels, and not across the breaks.",
});
