// IoD2025 summaries for all 296 lower-tier councils in England (2024 boundaries): File 10 v2,
// as repackaged by the IMD R package. See data/iod2025-england-lsoa21/PROVENANCE.md.
import { defineCsvSource, type Column } from "./declaration.ts";
import { IOD2025_ENGLAND, IOD2025_ENGLAND_DIR } from "./iod2025-england-lsoa21.ts";
import { BLOCKS, block } from "./iod2025-shared.ts";

const text = (name: string, header: string, description: string): Column => ({ name, type: "VARCHAR", required: true, header, description });

export default defineCsvSource({
  id: "iod2025-england-ltla24",
  title: "English indices of deprivation 2025: local authority summaries (lower-tier, 2024 boundaries), all England",
  ...IOD2025_ENGLAND,
  edition: "IoD2025 File 10 v2 (LTLA 2024), all England",
  table: "raw_iod2025_england_ltla24",
  coverage: [{ column: "area_code", entities: "lower-tier councils 2024 in England" }],
  // File 10 was re-issued as v2 with corrected figures; the package took it up on 20 November 2025.
  files: [{ path: `${IOD2025_ENGLAND_DIR}/imd2025_england_ltla24.csv`, edition: "IoD2025 File 10 v2", released: "2025-11-20" }],
  columns: [
    text("area_code", "ltla24_code", "Lower-tier council code (2024)"),
    text("area_name", "ltla24_name", "Council name"),
    ...BLOCKS.flatMap(({ stem, prefix }) => block(stem, prefix)),
  ],
  notes: "Upper-tier (county) summaries are not in the package: aggregate from LSOAs or lower-tier councils where needed.",
});
