// IoD2025 summaries for the 42 integrated care boards in England (2024): File 13, as repackaged
// by the IMD R package, laid out like the lower-tier summaries but for its extent and local
// concentration headers. See data/iod2025-england-lsoa21/PROVENANCE.md.
import { defineCsvSource, type Column } from "./declaration.ts";
import { IOD2025_ENGLAND, IOD2025_ENGLAND_DIR, IOD2025_RELEASED } from "./iod2025-england-lsoa21.ts";
import { BLOCKS, block } from "./iod2025-shared.ts";

const text = (name: string, header: string, description: string): Column => ({ name, type: "VARCHAR", required: true, header, description });
// File 13's package spells the IMD's extent columns "imd_2025_..." where File 10's has "imd25_...".
const icbHeader = (column: Column): Column => (column.header?.startsWith("imd25_") ? { ...column, header: column.header.replace("imd25_", "imd_2025_") } : column);

export default defineCsvSource({
  id: "iod2025-england-icb24",
  title: "English indices of deprivation 2025: integrated care board summaries (2024), all England",
  ...IOD2025_ENGLAND,
  edition: "IoD2025 File 13 (ICB 2024), all England",
  table: "raw_iod2025_england_icb24",
  files: [{ path: `${IOD2025_ENGLAND_DIR}/imd2025_england_icb24.csv`, edition: "IoD2025 File 13", released: IOD2025_RELEASED }],
  columns: [
    text("area_code", "icb24_code", "Integrated care board code (2024)"),
    text("area_name", "icb24_name", "Integrated care board name"),
    ...BLOCKS.flatMap(({ stem, prefix }) => block(stem, prefix)).map(icbHeader),
  ],
  notes: "Ranks are out of the 42 integrated care boards.",
});
