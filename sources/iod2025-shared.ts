// What the IoD2025 files share: the domains, their column blocks and the licence. The LSOA
// file (iod2025-england-lsoa21) and the council and ICB summaries (iod2025-england-ltla24,
// iod2025-england-icb24) are declared from these.
import { OGL, type Column } from "./declaration.ts";

/** The IMD and its domains: stem shared with IoD2019's columns, and the file's label. */
export const IOD2025_DOMAINS = [
  { stem: "imd", label: "IMD" },
  { stem: "income", label: "Income" },
  { stem: "employment", label: "Employment" },
  { stem: "education", label: "Education" },
  { stem: "health", label: "Health" },
  { stem: "crime", label: "Crime" },
  { stem: "barriers", label: "Housing_and_Services" },
  { stem: "living_environment", label: "Environment" },
] as const;

/** Ranks run 1..33,755 over England's LSOAs (2021); 1 is the most deprived. */
export const IOD2025_LSOAS = 33_755;

export const IOD2025_LICENCE = {
  ...OGL,
  attribution:
    "Source: Ministry of Housing, Communities and Local Government, English indices of deprivation 2025; Office for National Statistics, " +
    "Rural Urban Classification 2021; both licensed under the Open Government Licence v3.0",
};

export const perDomain = (measure: "decile" | "rank" | "score", type: Column["type"], description: string): Column[] =>
  IOD2025_DOMAINS.map(({ stem, label }) => ({ name: `${stem}_${measure}`, type, required: true, header: `${label}_${measure}`, description: `${label}: ${description}` }));

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
