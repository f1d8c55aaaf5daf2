// English Indices of Deprivation 2025, lower-tier council summaries (2024 boundaries) for 27
// unitary councils including Shropshire and its default comparators: rows cut verbatim from a
// repackaged national file. See data/iod2025-ltla-unitaries/PROVENANCE.md.
import { defineCsvSource, type Column } from "./declaration.ts";
import { IOD2025_LICENCE } from "./iod2025-lsoa-shropshire.ts";

/** Each block's column-name stem and the prefix of its (janitor-cleaned) headers, in file order. */
export const BLOCKS = [
  { stem: "imd", prefix: "imd" },
  { stem: "income", prefix: "income" },
  { stem: "employment", prefix: "employment" },
  { stem: "education", prefix: "education_skills_and_training" },
  { stem: "health", prefix: "health_deprivation_and_disability" },
  { stem: "crime", prefix: "crime" },
  { stem: "barriers", prefix: "barriers_to_housing_and_services" },
  { stem: "living_environment", prefix: "living_environment" },
] as const;

const column = (name: string, type: Column["type"], header: string, description: string): Column => ({ name, type, required: true, header, description });

export function block(stem: string, prefix: string): Column[] {
  const columns = [
    column(`${stem}_average_rank`, "DOUBLE", `${prefix}_average_rank`, `${stem}: population-weighted average LSOA rank`),
    column(`${stem}_rank_of_average_rank`, "INTEGER", `${prefix}_rank_of_average_rank`, `${stem}: rank of the average rank, 1 = most deprived`),
    column(`${stem}_average_score`, "DOUBLE", `${prefix}_average_score`, `${stem}: population-weighted average LSOA score`),
    column(`${stem}_rank_of_average_score`, "INTEGER", `${prefix}_rank_of_average_score`, `${stem}: rank of the average score, 1 = most deprived`),
    column(
      `${stem}_proportion_most_deprived_10`,
      "DOUBLE",
      `${prefix}_proportion_of_lso_as_in_most_deprived_10_percent_nationally`,
      `${stem}: share of the council's LSOAs in England's most deprived 10% (0..1)`,
    ),
    column(
      `${stem}_rank_of_proportion_most_deprived_10`,
      "INTEGER",
      `${prefix}_rank_of_proportion_of_lso_as_in_most_deprived_10_percent_nationally`,
      `${stem}: rank of that share`,
    ),
  ];
  if (stem === "imd") {
    columns.push(
      column("imd_extent", "DOUBLE", "imd25_extent", "IMD: extent (share of the population in the most deprived LSOAs, weighted)"),
      column("imd_rank_of_extent", "INTEGER", "imd25_rank_of_extent", "IMD: rank of extent"),
      column("imd_local_concentration", "DOUBLE", "imd25_local_concentration", "IMD: local concentration"),
      column("imd_rank_of_local_concentration", "INTEGER", "imd25_rank_of_local_concentration", "IMD: rank of local concentration"),
    );
  }
  if (stem === "income" || stem === "employment") {
    columns.push(
      column(`${stem}_scale`, "DOUBLE", `${stem}_scale`, `${stem}: number of people deprived`),
      column(`${stem}_rank_of_scale`, "INTEGER", `rank_of_${stem}_scale`, `${stem}: rank of scale`),
    );
  }
  return columns;
}

export default defineCsvSource({
  id: "iod2025-ltla-unitaries",
  title: "English indices of deprivation 2025: local authority summaries (lower-tier, 2024 boundaries), 27 unitary councils",
  publisher: "Ministry of Housing, Communities and Local Government (repackaged by the IMD R package and deprivation-explorer)",
  licence: IOD2025_LICENCE,
  edition: "IoD2025 (LTLA 2024), unitary subset",
  url: "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2025",
  format: "csv",
  cadenceMonths: 60,
  classification: "public",
  table: "raw_iod2025_ltla_unitaries",
  // The councils this cut was made to hold (its notes and PROVENANCE.md): each one must load, or a
  // council vanishes from the Places comparison without a word.
  coverage: [
    {
      column: "area_code",
      entities: {
        codes: [
          "E06000011", "E06000019", "E06000020", "E06000042", "E06000043", "E06000044", "E06000045", "E06000046", "E06000047",
          "E06000049", "E06000050", "E06000051", "E06000052", "E06000053", "E06000054", "E06000055", "E06000056", "E06000057",
          "E06000058", "E06000059", "E06000060", "E06000061", "E06000062", "E06000063", "E06000064", "E06000065", "E06000066",
        ],
      },
    },
  ],
  files: [{ path: "sources/data/iod2025-ltla-unitaries/imd2025_ltla24_unitary_subset.csv", edition: "IoD2025", released: "2025-10-30" }],
  columns: [
    column("area_code", "VARCHAR", "lad_code", "Lower-tier council code (2024)"),
    column("area_name", "VARCHAR", "ltla24_name", "Council name"),
    ...BLOCKS.flatMap(({ stem, prefix }) => block(stem, prefix)),
    column("region_name", "VARCHAR", "region_name", "English region"),
    column("lad_name", "VARCHAR", "lad_name", "Council name (from the LSOA lookup)"),
  ],
  notes:
    "A subset of 27 unitary councils (East Riding, Herefordshire, Telford and Wrekin, and E06000042 to E06000066), not all of England: " +
    "ranks are out of all 296 lower-tier councils, as published. No IDACI or IDAOPI columns.",
});
