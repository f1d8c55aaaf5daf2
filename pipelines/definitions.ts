// What runs: each pipeline names the sources it loads. Every run rebuilds all models (they
// are cheap) and runs all model tests, so marts never mix old and new inputs untested.
export interface PipelineDefinition {
  name: string;
  description: string;
  sources: string[];
  /** Cron expression for the scheduler (UK time). */
  schedule: string;
}

export const PIPELINES: readonly PipelineDefinition[] = [
  {
    name: "population",
    description:
      "ONS mid-year estimates (2015-2022), 2022-based projections, 2018-based projections for every council (Strategy Unit), Census 2021 age, health, disability and unpaid care by LSOA, and the council lookup",
    sources: [
      "ons-mye2",
      "ons-mye-2022",
      "ons-snpp-2022",
      "ons-ltla-utla-2022",
      "snpp-2018-based-all-areas-strategy-unit",
      "census2021-lsoa-ts007a",
      "census2021-lsoa-ts037",
      "census2021-lsoa-ts038",
      "census2021-lsoa-ts039",
      "census2021-lsoa-ts040",
    ],
    schedule: "0 6 * * 1",
  },
  {
    name: "outcomes",
    description: "Adult social care outcomes: ASCOF 2015-16 to 2024-25 (DHSC) and Oflog's adult social care measures, 2015-16 to 2022-23, where they add a measure ASCOF lacks",
    sources: ["ascof-2024-25", "oflog-asc-measures"],
    // Both publish yearly; a monthly check notices a new edition without wasted runs.
    schedule: "0 6 1 * *",
  },
  {
    name: "places",
    description: "Places: IoD2019 and IoD2025 deprivation (every LSOA and council in England), LSOA 2021 lookups to wards and councils, the 2011 and 2021 rural-urban classifications, House of Commons Library MSOA names, council code history and small-area boundaries",
    sources: [
      "iod2019-lsoa-domains",
      "iod2019-ltla-summaries",
      "iod2019-utla-summaries",
      "ruc2011-lad",
      "ruc2011-utla",
      "msoa-lookup-hcl-names",
      "la-all-codes",
      "boundaries-lsoa21-msoa21-england",
      "iod2025-england-lsoa21",
      "iod2025-england-lsoa21-subdomains",
      "iod2025-england-lsoa21-indicators",
      "iod2025-england-ltla24",
      "iod2025-england-icb24",
      "geography-lookups-lsoa21",
      "geography-lookups-lsoa21-ltla23-utla23",
      "geography-lookups-lsoa21-lsoa11-changes",
      "geography-lookups-lsoa21-msoa11-changes",
      "geography-lookups-lsoa21-ruc21",
    ],
    // The indices and classifications change every few years; the lookups yearly. A quarterly
    // check notices a new edition without wasted runs.
    schedule: "0 6 1 */3 *",
  },
  {
    name: "supply",
    description: "Care home supply: CQC care directory for England (spring 2021) and CQC API ratings records for four south-west councils (2021)",
    sources: ["cqc-care-homes-england-2021", "cqc-api-care-homes-southwest-2021"],
    // CQC publishes its directory monthly; a weekly check picks up a new file within days.
    schedule: "0 6 * * 2",
  },
  {
    name: "demand",
    description: "Care demand: CFAS II dementia prevalence rates and adult social care activity, in house vs external, 2001-2023",
    sources: ["dementia-prevalence-cfas2", "asc-activity-provision-timeseries", "asc-activity-provision-metadata"],
    // Activity is published yearly; the rates change only with a new study.
    schedule: "0 6 1 * *",
  },
  {
    name: "spend",
    description: "Council spend and grants: the bundled councils' published spend over £500 and their grants to voluntary organisations (360Giving)",
    sources: ["darlington-spend-2021-22", "trafford-spend-2024-25", "trafford-grants-360giving"],
    // Councils publish spend monthly, some days into the month.
    schedule: "0 7 5 * *",
  },
  {
    name: "procurement",
    description: "Procurement notices: Contracts Finder OCDS release packages (the 100-notice Bluetail sample, 2017-2020)",
    sources: ["contracts-finder-ocds-sample"],
    // Contracts Finder publishes daily; a weekly check keeps notices current enough for review.
    schedule: "0 7 * * 3",
  },
  {
    name: "contracts",
    description: "Contract review: illustrative contract register, monthly KPI returns and invoices (generated data, internal)",
    sources: ["illustrative-contract-register", "illustrative-kpi-returns", "illustrative-invoices"],
    // A council's register and KPI returns change monthly at most; weekly catches a new drop.
    schedule: "0 7 * * 1",
  },
];

export function selectPipelines(names: string[]): PipelineDefinition[] {
  if (names.length === 0) return [...PIPELINES];
  return names.map((name) => {
    const pipeline = PIPELINES.find((candidate) => candidate.name === name);
    if (!pipeline) throw new Error(`unknown pipeline '${name}' (known: ${PIPELINES.map((p) => p.name).join(", ")})`);
    return pipeline;
  });
}
