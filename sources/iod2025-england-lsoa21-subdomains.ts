// IoD2025 sub-domains for every LSOA in England (2021): the two Education, two Barriers and two
// Living Environment sub-domains (File 7, columns 35-52). See data/iod2025-england-lsoa21/PROVENANCE.md.
import { defineCsvSource, type Column } from "./declaration.ts";
import { IOD2025_ENGLAND, IOD2025_ENGLAND_DIR, IOD2025_RELEASED } from "./iod2025-england-lsoa21.ts";

/** Each sub-domain's column stem in the file and the domain it belongs to, in file order. */
export const IOD2025_SUBDOMAINS = [
  { stem: "children_and_young_people", domain: "Education, skills and training" },
  { stem: "adult_skills", domain: "Education, skills and training" },
  { stem: "geographical_barriers", domain: "Barriers to housing and services" },
  { stem: "wider_barriers", domain: "Barriers to housing and services" },
  { stem: "indoors", domain: "Living environment" },
  { stem: "outdoors", domain: "Living environment" },
] as const;

const subdomain = ({ stem, domain }: (typeof IOD2025_SUBDOMAINS)[number]): Column[] => [
  { name: `${stem}_score`, type: "DOUBLE", required: true, description: `${domain}, ${stem.replaceAll("_", " ")} sub-domain: score` },
  { name: `${stem}_rank`, type: "INTEGER", required: true, description: `${domain}, ${stem.replaceAll("_", " ")} sub-domain: rank, 1 = most deprived` },
  { name: `${stem}_decile`, type: "INTEGER", required: true, description: `${domain}, ${stem.replaceAll("_", " ")} sub-domain: decile, 1 = most deprived 10%` },
];

export default defineCsvSource({
  id: "iod2025-england-lsoa21-subdomains",
  title: "English indices of deprivation 2025: sub-domains for all LSOAs in England (2021)",
  ...IOD2025_ENGLAND,
  table: "raw_iod2025_england_lsoa21_subdomains",
  files: [{ path: `${IOD2025_ENGLAND_DIR}/imd2025_england_lsoa21_subdomains.csv`, edition: "IoD2025 File 7", released: IOD2025_RELEASED }],
  columns: [{ name: "lsoa21_code", type: "VARCHAR", required: true, description: "LSOA 2021 code" }, ...IOD2025_SUBDOMAINS.flatMap(subdomain)],
});
