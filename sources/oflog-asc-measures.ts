// Oflog's adult social care measures by English council, 2015-16 to 2022-23: a derived file
// (values with Oflog's median and MAD benchmarking), not a primary publication. See
// data/oflog-asc-measures/PROVENANCE.md.
import { defineCsvSource } from "./declaration.ts";

export default defineCsvSource({
  id: "oflog-asc-measures",
  title: "Oflog adult social care measures by council, 2015-16 to 2022-23 (ASC_data.csv)",
  publisher: "Office for Local Government (Oflog), Department for Levelling Up, Housing and Communities",
  licence: {
    name: "Open Government Licence v3.0 (per Oflog's Local Authority Data Explorer; ASC7 unverified)",
    url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    attribution: "Contains public sector information from the Office for Local Government licensed under the Open Government Licence v3.0",
  },
  edition: "2015-16 to 2022-23 (file of 4 November 2024)",
  url: "https://github.com/communitiesuk/oflog-automated-text",
  format: "csv",
  cadenceMonths: 12,
  classification: "public",
  table: "raw_oflog_asc_measures",
  files: [
    {
      path: "sources/data/oflog-asc-measures/ASC_data.csv",
      edition: "2015-16 to 2022-23",
      // No publication date: the date the file last changed in Oflog's repository.
      released: "2024-11-04",
    },
  ],
  columns: [
    { name: "financial_year", type: "VARCHAR", required: true, header: "Financial year", description: "Financial year, e.g. 2015-16" },
    { name: "local_authority_code", type: "VARCHAR", required: true, header: "Local authority code", description: "ONS code of the council as it was that year" },
    { name: "local_authority_name", type: "VARCHAR", required: true, header: "Local authority name", description: "Council name" },
    { name: "grouping", type: "VARCHAR", required: true, header: "Grouping", description: "Always LA_Raw" },
    { name: "entity_name", type: "VARCHAR", required: true, header: "Entity_Name", description: "Council type: Unitary Authorities, Counties, Metropolitan Districts, London Boroughs" },
    { name: "region", type: "VARCHAR", required: true, header: "Region", description: "English region" },
    { name: "measure", type: "VARCHAR", required: true, header: "Measure", description: "Measure title as published" },
    { name: "code", type: "VARCHAR", required: true, header: "Code", description: "Oflog measure code, ASC1 to ASC7" },
    { name: "value", type: "DOUBLE", required: false, header: "Value", description: "The council's value; empty where not published" },
    { name: "median", type: "DOUBLE", required: true, header: "MEDIAN", description: "Median across councils for the year and measure (computed by Oflog)" },
    {
      name: "mads_from_median",
      type: "DOUBLE",
      required: false,
      header: "MADs_from_median",
      description: "Distance from the median in median absolute deviations (computed by Oflog); empty with the value",
    },
    {
      name: "rank_order",
      type: "VARCHAR",
      required: false,
      header: "rank_order",
      description: "Direction in which better lies: desc (higher is better), asc, or None (neither); empty with the value",
    },
  ],
  notes:
    "Licence caveat: the repository it comes from has no licence file. Oflog's data explorer publishes these measures under the " +
    "Open Government Licence v3.0, but ASC7 (workforce turnover) derives from Skills for Care estimates whose terms of reuse are " +
    "unverified, so the project loads ASC7 but does not publish it (the staging model leaves it out).",
});
