// The source registry: every source the pipelines can load. Add a new source here.
import ascof202425 from "./ascof-2024-25.ts";
import ascActivityProvisionMetadata from "./asc-activity-provision-metadata.ts";
import ascActivityProvisionTimeseries from "./asc-activity-provision-timeseries.ts";
import boundariesLsoa21Msoa21England from "./boundaries-lsoa21-msoa21-england.ts";
import cqcApiCareHomesSouthwest2021 from "./cqc-api-care-homes-southwest-2021.ts";
import contractsFinderOcdsSample from "./contracts-finder-ocds-sample.ts";
import cqcCareHomesEngland2021 from "./cqc-care-homes-england-2021.ts";
import darlingtonSpend202122 from "./darlington-spend-2021-22.ts";
import type { Source } from "./declaration.ts";
import census2021LsoaTs007a from "./census2021-lsoa-ts007a.ts";
import census2021LsoaTs037 from "./census2021-lsoa-ts037.ts";
import census2021LsoaTs038 from "./census2021-lsoa-ts038.ts";
import census2021LsoaTs039 from "./census2021-lsoa-ts039.ts";
import census2021LsoaTs040 from "./census2021-lsoa-ts040.ts";
import geographyLookupsLsoa21 from "./geography-lookups-lsoa21.ts";
import geographyLookupsLsoa21Lsoa11Changes from "./geography-lookups-lsoa21-lsoa11-changes.ts";
import geographyLookupsLsoa21Ltla23Utla23 from "./geography-lookups-lsoa21-ltla23-utla23.ts";
import geographyLookupsLsoa21Msoa11Changes from "./geography-lookups-lsoa21-msoa11-changes.ts";
import geographyLookupsLsoa21Ruc21 from "./geography-lookups-lsoa21-ruc21.ts";
import iod2025EnglandIcb24 from "./iod2025-england-icb24.ts";
import iod2025EnglandLsoa21 from "./iod2025-england-lsoa21.ts";
import iod2025EnglandLsoa21Indicators from "./iod2025-england-lsoa21-indicators.ts";
import iod2025EnglandLsoa21Subdomains from "./iod2025-england-lsoa21-subdomains.ts";
import iod2025EnglandLtla24 from "./iod2025-england-ltla24.ts";
import snpp2018BasedAllAreas from "./snpp-2018-based-all-areas-strategy-unit.ts";
import dementiaPrevalenceCfas2 from "./dementia-prevalence-cfas2.ts";
import oflogAscMeasures from "./oflog-asc-measures.ts";
import onsLtlaUtla2022 from "./ons-ltla-utla-2022.ts";
import onsMye2 from "./ons-mye2.ts";
import onsMye2022 from "./ons-mye-2022.ts";
import onsSnpp2022 from "./ons-snpp-2022.ts";
import illustrativeContractRegister from "./illustrative-contract-register.ts";
import illustrativeInvoices from "./illustrative-invoices.ts";
import illustrativeKpiReturns from "./illustrative-kpi-returns.ts";
import iod2019LsoaDomains from "./iod2019-lsoa-domains.ts";
import iod2019LtlaSummaries from "./iod2019-ltla-summaries.ts";
import iod2019UtlaSummaries from "./iod2019-utla-summaries.ts";
import laAllCodes from "./la-all-codes.ts";
import msoaLookupHclNames from "./msoa-lookup-hcl-names.ts";
import ruc2011Lad from "./ruc2011-lad.ts";
import ruc2011Utla from "./ruc2011-utla.ts";
import traffordGrants360giving from "./trafford-grants-360giving.ts";
import traffordSpend202425 from "./trafford-spend-2024-25.ts";

// Deprivation, rurality, MSOA names, council code history and small-area boundaries (the places pipeline).
const PLACES_SOURCES = [iod2019LsoaDomains, iod2019LtlaSummaries, iod2019UtlaSummaries, ruc2011Lad, ruc2011Utla, msoaLookupHclNames, laAllCodes, boundariesLsoa21Msoa21England];

// National files for every English council: IoD2025 and the LSOA 2021 lookups (places), the
// 2018-based projections and Census 2021 by LSOA (population).
const NATIONAL_PLACES_SOURCES = [
  iod2025EnglandLsoa21,
  iod2025EnglandLsoa21Subdomains,
  iod2025EnglandLsoa21Indicators,
  iod2025EnglandLtla24,
  iod2025EnglandIcb24,
  geographyLookupsLsoa21,
  geographyLookupsLsoa21Ltla23Utla23,
  geographyLookupsLsoa21Lsoa11Changes,
  geographyLookupsLsoa21Msoa11Changes,
  geographyLookupsLsoa21Ruc21,
];
const NATIONAL_POPULATION_SOURCES = [snpp2018BasedAllAreas, census2021LsoaTs007a, census2021LsoaTs037, census2021LsoaTs038, census2021LsoaTs039, census2021LsoaTs040];

// Care home supply (CQC) and demand (dementia rates, social care activity).
const MARKET_SOURCES = [cqcCareHomesEngland2021, cqcApiCareHomesSouthwest2021, dementiaPrevalenceCfas2, ascActivityProvisionTimeseries, ascActivityProvisionMetadata];

// Illustrative contract register, KPI returns and invoices (generated; internal: review site only).
const ILLUSTRATIVE_SOURCES = [illustrativeContractRegister, illustrativeKpiReturns, illustrativeInvoices];
// Council spend over £500, grants, and procurement notices (the spend and procurement pipelines).
const CONTRACTS_SOURCES = [darlingtonSpend202122, traffordSpend202425, traffordGrants360giving, contractsFinderOcdsSample];

export const SOURCES: readonly Source[] = [
  onsMye2,
  onsMye2022,
  onsSnpp2022,
  onsLtlaUtla2022,
  ascof202425,
  oflogAscMeasures,
  ...PLACES_SOURCES,
  ...NATIONAL_PLACES_SOURCES,
  ...NATIONAL_POPULATION_SOURCES,
  ...MARKET_SOURCES,
  ...CONTRACTS_SOURCES,
  ...ILLUSTRATIVE_SOURCES,
];

export function sourceById(id: string): Source {
  const source = SOURCES.find((candidate) => candidate.id === id);
  if (!source) throw new Error(`unknown source '${id}' (known: ${SOURCES.map((s) => s.id).join(", ")})`);
  return source;
}
