-- Every LSOA (2021) in England with what a locality profile adds up: its 2024 ward and the
-- upper-tier council responsible for adult social care there, Census 2021 residents by age band,
-- unpaid carers by hours, disability and bad or very bad health, its IoD2025 deprivation and its
-- 2021 Rural-Urban Classification. National and set-based: a site picks its council's LSOAs
-- (`where council_code = {council}`) and groups them into localities when it is built
-- (reports/localities/localities.ts), so the warehouse never depends on a locality file.
-- Counts are as ONS publishes them (perturbed, unrounded); the pages apply the disclosure rule
-- to sums over a locality.
-- test unique: lsoa21_code
-- test not_null: lsoa21_code, lsoa21_name, ward24_code, ward24_name, ltla24_code, council_code, residents, aged_65_plus, aged_85_plus, carers_aged_5_plus_base, carers_50_plus_hours, imd_decile, ruc21_urban_rural
-- test relationships: council_code -> int_councils__upper_tier.area_code
-- test accepted_values: ruc21_urban_rural = Urban, Rural
-- test expression: imd_decile between 1 and 10
-- test expression: aged_85_plus <= aged_65_plus and aged_65_plus <= residents
-- test expression: carers_up_to_19_hours + carers_20_to_49_hours + carers_50_plus_hours <= carers_aged_5_plus_base
-- test expression: (select count(*) from needs_locality_lsoa) = (select count(*) from stg_iod2025_england__lsoa_domains)
select
    w.lsoa21_code,
    w.lsoa21_name,
    w.ward24_code,
    w.ward24_name,
    w.ltla24_code,
    w.ltla24_name,
    u.utla_code as council_code,
    a.all_usual_residents as residents,
    a.aged_0_4 + a.aged_5_9 + a.aged_10_14 + a.aged_15_19 as aged_0_19,
    a.aged_20_24 + a.aged_25_29 + a.aged_30_34 + a.aged_35_39 + a.aged_40_44 as aged_20_44,
    a.aged_45_49 + a.aged_50_54 + a.aged_55_59 + a.aged_60_64 as aged_45_64,
    a.aged_65_69,
    a.aged_70_74,
    a.aged_75_79,
    a.aged_80_84,
    a.aged_85_plus,
    a.aged_65_plus,
    c.residents_aged_5_plus as carers_aged_5_plus_base,
    c.provides_up_to_19_hours as carers_up_to_19_hours,
    c.provides_20_to_49_hours as carers_20_to_49_hours,
    c.provides_50_plus_hours as carers_50_plus_hours,
    d.disabled_limited_a_lot,
    d.disabled_limited_a_little,
    h.bad_health + h.very_bad_health as bad_or_very_bad_health,
    i.imd_rank,
    i.imd_decile,
    r.ruc21_class,
    r.ruc21_urban_rural
from stg_geography_lsoa21__ward24_ltla24 w
join int_geography__la_to_upper_tier u on u.lad_code = w.ltla24_code
left join stg_census2021__lsoa_age a on a.lsoa21_code = w.lsoa21_code
left join stg_census2021__lsoa_unpaid_care c on c.lsoa21_code = w.lsoa21_code
left join stg_census2021__lsoa_disability d on d.lsoa21_code = w.lsoa21_code
left join stg_census2021__lsoa_general_health h on h.lsoa21_code = w.lsoa21_code
left join stg_iod2025_england__lsoa_domains i on i.lsoa21_code = w.lsoa21_code
left join stg_geography_lsoa21__ruc21 r on r.lsoa21_code = w.lsoa21_code
where substr(w.lsoa21_code, 1, 1) = 'E'
