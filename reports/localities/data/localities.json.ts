// Data for the locality pages (reports/localities/): every locality of the site's council with
// its profile, and the council-wide need-against-provision ranking. The warehouse holds every
// LSOA in England (needs_locality_lsoa); the council's localities are applied here, when the site
// is built, from its locality file (reports/localities/localities.ts), so one warehouse serves
// every council and a locality file changes only the site. One file for all localities: every
// profile page (reports/localities/[locality].md) reads it and shows its own, so the dynamic pages
// cost Framework one data file, not one per page.
//
// Counts of people are sums of Census 2021 LSOA counts and follow the published disclosure rule
// (models/disclosure/rule.ts): 1 to 4 suppressed, others rounded to 5; a share whose count is
// suppressed is withheld. Shares are worked out from the unrounded sums.
import { geoContains } from "d3";
import { RULE, isSmall, roundCount } from "../../../models/disclosure/rule.ts";
import { compactFeatures } from "../../data/geo.ts";
import { citations, pageData } from "../../data/marts.ts";
import { loadLocalities, type Locality } from "../localities.ts";

interface LsoaRow {
  lsoa21_code: string;
  lsoa21_name: string;
  ward24_code: string;
  ward24_name: string;
  residents: number;
  aged_0_19: number;
  aged_20_44: number;
  aged_45_64: number;
  aged_65_69: number;
  aged_70_74: number;
  aged_75_79: number;
  aged_80_84: number;
  aged_85_plus: number;
  aged_65_plus: number;
  carers_aged_5_plus_base: number;
  carers_up_to_19_hours: number;
  carers_20_to_49_hours: number;
  carers_50_plus_hours: number;
  disabled_limited_a_lot: number;
  disabled_limited_a_little: number;
  bad_or_very_bad_health: number;
  imd_rank: number;
  imd_decile: number;
  ruc21_class: string;
  ruc21_urban_rural: string;
}

const SUMS = [
  "residents", "aged_0_19", "aged_20_44", "aged_45_64", "aged_65_69", "aged_70_74", "aged_75_79", "aged_80_84", "aged_85_plus", "aged_65_plus",
  "carers_aged_5_plus_base", "carers_up_to_19_hours", "carers_20_to_49_hours", "carers_50_plus_hours",
  "disabled_limited_a_lot", "disabled_limited_a_little", "bad_or_very_bad_health",
] as const;
type Sum = (typeof SUMS)[number];
type Sums = Record<Sum, number>;

const BANDS: { band_start: number; key: Sum }[] = [
  { band_start: 65, key: "aged_65_69" },
  { band_start: 70, key: "aged_70_74" },
  { band_start: 75, key: "aged_75_79" },
  { band_start: 80, key: "aged_80_84" },
  { band_start: 85, key: "aged_85_plus" },
];

/** The need-against-provision measures and their weights in the composite (equal, stated on the page). */
export const MEASURES = [
  { key: "over_85_per_bed", label: "Residents aged 85+ per care home bed located in the locality", weight: 1 / 3 },
  { key: "carers_50_plus_per_1000", label: "Carers giving 50+ hours a week per 1,000 residents", weight: 1 / 3 },
  { key: "share_most_deprived_10", label: "Share of residents in England's most deprived 10% of neighbourhoods (IoD2025)", weight: 1 / 3 },
] as const;

function sum(rows: readonly LsoaRow[]): Sums {
  const out = Object.fromEntries(SUMS.map((key) => [key, 0])) as Sums;
  for (const row of rows) for (const key of SUMS) out[key] += Number(row[key] ?? 0);
  return out;
}

/** A published count: null when suppressed (the page shows the marker), else rounded. */
const count = (n: number): number | null => (isSmall(n) ? null : roundCount(n));
/** A share of a count: withheld (null) when the count is suppressed. */
const share = (n: number, of: number): number | null => (isSmall(n) || of === 0 ? null : n / of);

function shares(s: Sums) {
  return {
    share_65_plus: share(s.aged_65_plus, s.residents),
    share_85_plus: share(s.aged_85_plus, s.residents),
    share_carers: share(s.carers_up_to_19_hours + s.carers_20_to_49_hours + s.carers_50_plus_hours, s.carers_aged_5_plus_base),
    share_carers_50_plus: share(s.carers_50_plus_hours, s.carers_aged_5_plus_base),
    share_disabled_a_lot: share(s.disabled_limited_a_lot, s.residents),
    share_disabled: share(s.disabled_limited_a_lot + s.disabled_limited_a_little, s.residents),
    share_bad_health: share(s.bad_or_very_bad_health, s.residents),
  };
}

/** Percent ranks within the council, 0 (lowest) to 1 (highest), ties sharing their mean rank; nulls stay null. */
function percentRanks(values: (number | null)[]): (number | null)[] {
  const present = values.map((value, index) => ({ value, index })).filter((item): item is { value: number; index: number } => item.value !== null);
  present.sort((a, b) => a.value - b.value);
  const out: (number | null)[] = values.map(() => null);
  for (let i = 0; i < present.length; ) {
    let j = i;
    while (j + 1 < present.length && present[j + 1]!.value === present[i]!.value) j++;
    const rank = present.length === 1 ? 0.5 : (i + j) / 2 / (present.length - 1);
    for (let k = i; k <= j; k++) out[present[k]!.index] = rank;
    i = j + 1;
  }
  return out;
}

export default pageData(import.meta, async ({ readMarts }) => {
  const data = await readMarts<Record<string, unknown>>({
    council: { mart: "needs_areas", sql: "select area_code, area_name from {mart} where area_code = {council}" },
    lsoas: {
      mart: "needs_locality_lsoa",
      sql: `select lsoa21_code, lsoa21_name, ward24_code, ward24_name, ${SUMS.join(", ")}, imd_rank, imd_decile, ruc21_class, ruc21_urban_rural
            from {mart} where council_code = {council} order by lsoa21_code`,
    },
    england: { mart: "needs_locality_lsoa", sql: `select ${SUMS.map((key) => `sum(${key})::double as ${key}`).join(", ")} from {mart}` },
    rates: {
      mart: "needs_locality_dementia_rates",
      sql: "select band_start, estimate_year, prevalence, prevalence_lower_95, prevalence_upper_95 from {mart} where council_code = {council} order by band_start",
    },
    growth: {
      mart: "needs_locality_growth",
      sql: "select age_group, projection_edition, base_year, horizon_year, growth_ratio from {mart} where council_code = {council}",
    },
    homes: { mart: "market_care_home_locations", sql: "select location_id, latitude, longitude, beds from {mart} where area_code = {council} order by location_id" },
    boundaries: {
      mart: "needs_small_area_boundaries",
      sql: "select area_code, area_name, geometry from {mart} where level = 'lsoa' and council_code = {council} order by feature_number",
    },
  });
  const council = data.council![0] as { area_code: string; area_name: string };
  const lsoas = data.lsoas as unknown as LsoaRow[];
  const { file, description, localities } = loadLocalities(council.area_code, lsoas);
  const rates = data.rates as { band_start: number; estimate_year: number; prevalence: number; prevalence_lower_95: number; prevalence_upper_95: number }[];
  const growth = data.growth as { age_group: string; projection_edition: string; base_year: number; horizon_year: number; growth_ratio: number }[];
  const ratio = (group: string) => growth.find((row) => row.age_group === group);

  // Care homes placed in LSOAs by their coordinates, where the council's boundaries are bundled.
  const features = compactFeatures(data.boundaries as never) ?? null;
  const homeLsoa = new Map<string, number[]>();
  let unplaced = 0;
  const homes = data.homes as { location_id: string; latitude: number; longitude: number; beds: number }[];
  if (features) {
    for (const home of homes) {
      const feature = features.features.find((candidate) => geoContains(candidate as never, [home.longitude, home.latitude]));
      if (!feature) {
        unplaced++;
        continue;
      }
      homeLsoa.set(feature.properties.code, [...(homeLsoa.get(feature.properties.code) ?? []), home.beds]);
    }
  }

  const byCode = new Map(lsoas.map((row) => [row.lsoa21_code, row]));
  const profile = (locality: Locality) => {
    const rows = locality.lsoas.map((code) => byCode.get(code)!);
    const s = sum(rows);
    const beds = features ? rows.flatMap((row) => homeLsoa.get(row.lsoa21_code) ?? []) : null;
    const dementia = BANDS.map(({ band_start, key }) => {
      const rate = rates.find((r) => r.band_start === band_start);
      return rate ? [s[key] * rate.prevalence, s[key] * rate.prevalence_lower_95, s[key] * rate.prevalence_upper_95] : [NaN, NaN, NaN];
    }).reduce((a, b) => [a[0]! + b[0]!, a[1]! + b[1]!, a[2]! + b[2]!], [0, 0, 0]);
    const inDecile1 = rows.filter((row) => row.imd_decile === 1).reduce((total, row) => total + row.residents, 0);
    const rural = rows.filter((row) => row.ruc21_urban_rural === "Rural");
    const deciles = rows.map((row) => row.imd_decile).sort((a, b) => a - b);
    const modelled = (n: number, group: string) => (ratio(group) ? roundCount(n * ratio(group)!.growth_ratio) : null);
    return {
      id: locality.id,
      name: locality.name,
      pilot: locality.pilot,
      description: locality.description,
      origin: locality.origin,
      wards: locality.wards,
      board: locality.board,
      lsoa_count: rows.length,
      counts: Object.fromEntries(SUMS.map((key) => [key, count(s[key])])),
      ...shares(s),
      carers_50_plus_per_1000: isSmall(s.carers_50_plus_hours) ? null : (1000 * s.carers_50_plus_hours) / s.residents,
      share_most_deprived_10: isSmall(inDecile1) ? (inDecile1 === 0 ? 0 : null) : inDecile1 / s.residents,
      lsoas_most_deprived_10: rows.filter((row) => row.imd_decile === 1).length,
      lsoas_most_deprived_20: rows.filter((row) => row.imd_decile <= 2).length,
      median_imd_decile: deciles.length % 2 ? deciles[(deciles.length - 1) / 2] : (deciles[deciles.length / 2 - 1]! + deciles[deciles.length / 2]!) / 2,
      rural_lsoas: rural.length,
      share_rural_residents: rural.reduce((total, row) => total + row.residents, 0) / s.residents,
      care_homes: beds ? beds.length : null,
      care_home_beds: beds ? beds.reduce((total, n) => total + n, 0) : null,
      over_85_per_bed: beds ? (beds.reduce((total, n) => total + n, 0) === 0 ? null : s.aged_85_plus / beds.reduce((total, n) => total + n, 0)) : null,
      no_beds: beds ? beds.length === 0 : null,
      dementia: { estimate: roundCount(dementia[0]!), low: roundCount(dementia[1]!), high: roundCount(dementia[2]!) },
      projected: {
        residents: modelled(s.residents, "all"),
        aged_65_plus: modelled(s.aged_65_plus, "65+"),
        aged_85_plus: modelled(s.aged_85_plus, "85+"),
      },
      // Filled in below, once every locality is profiled.
      need_scores: {} as Record<string, number | null>,
      need_composite: null as number | null,
      need_rank: 0,
      lsoas: rows.map((row) => ({
        lsoa21_code: row.lsoa21_code,
        lsoa21_name: row.lsoa21_name,
        ward24_name: row.ward24_name,
        residents: count(row.residents),
        imd_rank: row.imd_rank,
        imd_decile: row.imd_decile,
        ruc21_class: row.ruc21_class,
        ruc21_urban_rural: row.ruc21_urban_rural,
        care_homes: features ? (homeLsoa.get(row.lsoa21_code)?.length ?? 0) : null,
        care_home_beds: features ? (homeLsoa.get(row.lsoa21_code) ?? []).reduce((total, n) => total + n, 0) : null,
      })),
    };
  };
  const profiles = localities.map(profile);

  // Need against provision: each measure as a percent rank among the council's localities; a
  // locality with 85+ residents and no beds ranks highest on the first. The composite is the
  // weighted mean of the ranks it has; rank 1 is the most need against provision.
  const measureValues = (key: (typeof MEASURES)[number]["key"]) =>
    profiles.map((p) => (key === "over_85_per_bed" && p.no_beds ? Number.POSITIVE_INFINITY : (p[key] as number | null)));
  const ranks = MEASURES.map((measure) => percentRanks(measureValues(measure.key)));
  profiles.forEach((p, index) => {
    let total = 0;
    let weight = 0;
    MEASURES.forEach((measure, m) => {
      const rank = ranks[m]![index];
      if (rank != null) {
        total += rank * measure.weight;
        weight += measure.weight;
      }
    });
    p.need_scores = Object.fromEntries(MEASURES.map((measure, m) => [measure.key, ranks[m]![index] ?? null]));
    p.need_composite = weight ? total / weight : null;
  });
  const ordered = [...profiles].sort((a, b) => (b.need_composite ?? -1) - (a.need_composite ?? -1));
  ordered.forEach((p, index) => (p.need_rank = index + 1));

  const councilSums = sum(lsoas);
  const englandSums = data.england![0] as unknown as Sums;
  const edition = growth[0];
  return JSON.stringify({
    council: { code: council.area_code, name: council.area_name },
    file,
    description,
    rule: { marker: RULE.marker, smallest: RULE.smallest, largest: RULE.largestSuppressed, base: RULE.roundingBase },
    measures: MEASURES,
    localities: profiles,
    comparison: [
      { area: council.area_name, role: "council", counts: Object.fromEntries(SUMS.map((key) => [key, count(councilSums[key])])), ...shares(councilSums) },
      { area: "England", role: "england", counts: Object.fromEntries(SUMS.map((key) => [key, count(englandSums[key])])), ...shares(englandSums) },
    ],
    dementia_year: rates[0]?.estimate_year ?? null,
    projection: edition ? { edition: edition.projection_edition, base_year: edition.base_year, horizon_year: edition.horizon_year, ratios: Object.fromEntries(growth.map((row) => [row.age_group, row.growth_ratio])) } : null,
    care_homes: { located: features !== null, total: homes.length, unplaced },
    sources: await citations(readMarts, [
      "census2021-lsoa-ts007a", "census2021-lsoa-ts037", "census2021-lsoa-ts038", "census2021-lsoa-ts039", "iod2025-england-lsoa21", "geography-lookups-lsoa21",
      "geography-lookups-lsoa21-ruc21", "cqc-care-homes-england-2021", "dementia-prevalence-cfas2", "ons-mye-2022", "ons-snpp-2022", "snpp-2018-based-all-areas-strategy-unit", "boundaries-lsoa21-msoa21-england",
    ]),
  });
});
