// Every lower-tier council code in use since 2011, mapped to the council that holds its area now
// (lower and upper tier), compiled by David Kane (drkane/geo-lookups). Used to place data
// published on older boundaries (2011 districts, April 2019 districts) in current councils.
// See data/la-all-codes/PROVENANCE.md.
import { defineCsvSource, OGL } from "./declaration.ts";
import { ONS_HIGHER_AREA_COLUMNS, textColumn as text } from "./ons-lookup-columns.ts";

export default defineCsvSource({
  id: "la-all-codes",
  title: "Local authority codes since 2011 with their current lower- and upper-tier councils (drkane/geo-lookups la_all_codes.csv)",
  publisher: "David Kane (drkane/geo-lookups), from ONS Open Geography Portal lookups",
  licence: OGL,
  edition: "drkane/geo-lookups commit 4353674 (5 June 2026); councils as of April 2025",
  url: "https://github.com/drkane/geo-lookups",
  format: "csv",
  cadenceMonths: 12,
  classification: "public",
  table: "raw_la_all_codes",
  files: [{ path: "sources/data/la-all-codes/la_all_codes.csv", edition: "June 2026", released: "2026-06-05" }],
  columns: [
    text("ladcd", "LADCD", "A lower-tier council code in use at some time since 2011", true),
    text("ladnm", "LADNM", "Its name", true),
    text("ladcd_active", "LADCD_ACTIVE", "The current lower-tier council holding its area", true),
    text("ladnm_active", "LADNM_ACTIVE", "Current lower-tier council name"),
    text("utlacd", "UTLACD", "The current upper-tier council holding its area", true),
    text("utlanm", "UTLANM", "Current upper-tier council name"),
    ...ONS_HIGHER_AREA_COLUMNS,
    { name: "current", type: "BOOLEAN", required: true, header: "Current", description: "TRUE if the code is in use now" },
    text("lad20cd", "LAD20CD", "Deprecated: 2020 council"),
    text("lad20nm", "LAD20NM", "Deprecated: 2020 council name"),
  ],
  notes:
    "Current councils are those of April 2025, after the mid-2022 estimates' 2023 boundaries: Barnsley and Sheffield took new codes " +
    "(E08000038, E08000039) in 2025, so models keep a code that is itself a council in the estimates rather than follow it forward.",
});
