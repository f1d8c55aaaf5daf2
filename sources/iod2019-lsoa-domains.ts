// English Indices of Deprivation 2019, File 2: the rank and decile of every LSOA (2011
// geography, 32,844 in England) on the Index of Multiple Deprivation and its seven domains.
// See data/iod2019-lsoa-domains/PROVENANCE.md. Only the table sheet is read, not 'Notes'.
import { defineSpreadsheetSource, OGL, type Column } from "./declaration.ts";
import { headerRowReader } from "./readers/header-row-workbook.ts";

/** The IMD and its domains, in File 2's column order: column-name stem and published label. */
export const IOD2019_DOMAINS = [
  { stem: "imd", label: "Index of Multiple Deprivation (IMD)" },
  { stem: "income", label: "Income" },
  { stem: "employment", label: "Employment" },
  { stem: "education", label: "Education, Skills and Training" },
  { stem: "health", label: "Health Deprivation and Disability" },
  { stem: "crime", label: "Crime" },
  { stem: "barriers", label: "Barriers to Housing and Services" },
  { stem: "living_environment", label: "Living Environment" },
] as const;

export const IOD2019_LICENCE = {
  ...OGL,
  attribution: "Source: Ministry of Housing, Communities and Local Government, English indices of deprivation 2019, licensed under the Open Government Licence v3.0",
};

/** Ranks run 1..32,844 over England's LSOAs; 1 is the most deprived. */
export const IOD2019_LSOAS = 32_844;

const AREA_CODE = /^E\d{8}$/;
const code = (value: string | number) => (AREA_CODE.test(String(value)) ? null : `'${value}' is not an English area code`);
const between = (low: number, high: number) => (value: string | number) =>
  Number(value) >= low && Number(value) <= high ? null : `${value} is outside ${low}..${high}`;

export const IOD2019_LSOA_COLUMNS: Column[] = [
  { name: "lsoa_code", type: "VARCHAR", required: true, header: "LSOA code (2011)", description: "LSOA 2011 code", rule: "E and 8 digits" },
  { name: "lsoa_name", type: "VARCHAR", required: true, header: "LSOA name (2011)", description: "LSOA 2011 name: its MSOA's name and a letter" },
  { name: "lad_code", type: "VARCHAR", required: true, header: "Local Authority District code (2019)", description: "Lower-tier council (April 2019 boundaries)", rule: "E and 8 digits" },
  { name: "lad_name", type: "VARCHAR", required: true, header: "Local Authority District name (2019)", description: "Lower-tier council name" },
  ...IOD2019_DOMAINS.flatMap(({ stem, label }): Column[] => [
    {
      name: `${stem}_rank`,
      type: "INTEGER",
      required: true,
      header: `${label} Rank (where 1 is most deprived)`,
      description: `${label}: rank among England's LSOAs, 1 = most deprived`,
      rule: `whole number 1..${IOD2019_LSOAS}`,
    },
    {
      name: `${stem}_decile`,
      type: "INTEGER",
      required: true,
      header: `${label} Decile (where 1 is most deprived 10% of LSOAs)`,
      description: `${label}: national decile, 1 = most deprived 10% of LSOAs`,
      rule: "whole number 1..10",
    },
  ]),
];

const read = headerRowReader(IOD2019_LSOA_COLUMNS, {
  sheet: "IoD2019 Domains",
  checks: {
    lsoa_code: code,
    lad_code: code,
    ...Object.fromEntries(IOD2019_DOMAINS.flatMap(({ stem }) => [[`${stem}_rank`, between(1, IOD2019_LSOAS)], [`${stem}_decile`, between(1, 10)]])),
  },
});

export default defineSpreadsheetSource(
  {
    id: "iod2019-lsoa-domains",
    title: "English indices of deprivation 2019: File 2, domains of deprivation (ranks and deciles by LSOA)",
    publisher: "Ministry of Housing, Communities and Local Government",
    licence: IOD2019_LICENCE,
    edition: "IoD2019 (LSOA 2011, local authorities April 2019)",
    url: "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019",
    format: "xlsx",
    // The indices are revised every four to six years (2010, 2015, 2019, 2025).
    cadenceMonths: 60,
    classification: "public",
    table: "raw_iod2019_lsoa_domains",
    files: [
      {
        path: "sources/data/iod2019-lsoa-domains/File_2_-_IoD2019_Domains_of_Deprivation.xlsx",
        edition: "IoD2019",
        released: "2019-09-26",
      },
    ],
    columns: IOD2019_LSOA_COLUMNS,
    notes:
      "Ranks and deciles only: domain scores (File 5), the supplementary indices IDACI and IDAOPI by LSOA (File 3) and " +
      "population denominators (File 6/7) are not bundled. IDACI and IDAOPI are available by council from Files 10 and 11.",
  },
  read,
);
