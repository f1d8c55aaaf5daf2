// MSOAs of the UK (2011 and 2021 codes) with the House of Commons Library's MSOA names and the
// councils each lies in, compiled by David Kane (drkane/geo-lookups). See
// data/msoa-lookup-hcl-names/PROVENANCE.md.
import { defineCsvSource } from "./declaration.ts";
import { ONS_HIGHER_AREA_COLUMNS, textColumn as text } from "./ons-lookup-columns.ts";

export default defineCsvSource({
  id: "msoa-lookup-hcl-names",
  title: "MSOA to local authority lookup with House of Commons Library MSOA names (drkane/geo-lookups msoa_la.csv)",
  publisher: "David Kane (drkane/geo-lookups), from ONS Open Geography lookups and the House of Commons Library MSOA Names",
  licence: {
    name: "Open Government Licence v3.0 (ONS lookups) and Open Parliament Licence v3.0 (House of Commons Library MSOA names)",
    url: "https://www.parliament.uk/site-information/copyright-parliament/open-parliament-licence/",
    attribution:
      "Contains Parliamentary information licensed under the Open Parliament Licence v3.0. " +
      "Source: Office for National Statistics licensed under the Open Government Licence v3.0",
  },
  edition: "drkane/geo-lookups commit 4353674 (5 June 2026); HCL MSOA names for 2011 and 2021 MSOAs",
  url: "https://houseofcommonslibrary.github.io/msoanames/",
  format: "csv",
  cadenceMonths: 12,
  classification: "public",
  table: "raw_msoa_lookup_hcl_names",
  files: [{ path: "sources/data/msoa-lookup-hcl-names/msoa_la.csv", edition: "June 2026", released: "2026-06-05" }],
  columns: [
    text("msoacd", "MSOACD", "MSOA code (2021 where it exists, else 2011); IZ/SOA codes in Scotland and Northern Ireland", true),
    text("msoanm", "MSOANM", "ONS MSOA name, e.g. 'Shropshire 025'", true),
    text("msoahclnm", "MSOAHCLNM", "House of Commons Library name, e.g. 'Shifnal'"),
    text("msoahclnmw", "MSOAHCLNMW", "House of Commons Library name in Welsh"),
    text("ladcd_active", "LADCD_ACTIVE", "Current lower-tier council"),
    text("ladnm_active", "LADNM_ACTIVE", "Current lower-tier council name"),
    text("utlacd", "UTLACD", "Current upper-tier council"),
    text("utlanm", "UTLANM", "Current upper-tier council name"),
    ...ONS_HIGHER_AREA_COLUMNS,
    text("msoa11cd", "MSOA11CD", "The MSOA's 2011 code if it existed in 2011, else empty"),
    text("msoa21cd", "MSOA21CD", "The MSOA's 2021 code if it exists in 2021, else empty"),
    text("lad17cd", "LAD17CD", "Deprecated: 2017 council"),
    text("lad20cd", "LAD20CD", "Deprecated: 2020 council"),
    text("lad20nm", "LAD20NM", "Deprecated: 2020 council name"),
    text("msoa11nm", "MSOA11NM", "ONS name of the 2011 MSOA (as renamed after later council mergers)"),
    text("msoa11hclnm", "MSOA11HCLNM", "House of Commons Library name of the 2011 MSOA"),
  ],
  notes:
    "Mixes 2011-only, 2021-only and both-census MSOAs, and covers Scotland (Intermediate Zones) and Northern Ireland. No LSOA column: " +
    "LSOAs are matched to MSOAs by name (an LSOA's name is its MSOA's name and a letter), which fails where MSOA11NM was renamed after " +
    "a council merger (e.g. Dorset, BCP, Buckinghamshire) while IoD2019 kept the original 2011 LSOA names.",
});
