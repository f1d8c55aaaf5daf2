-- IoD2025 for every LSOA (2021 geography) in England, with the upper-tier council it lies in
-- (area_code) and its 2024 ward: rank (1 = most deprived of England's 33,755), national decile and
-- score of the IMD and each domain, the LSOA's 2021 Rural-Urban Classification, and the MSOA
-- (2021) with its House of Commons Library name.
-- Kept apart from needs_deprivation_lsoa_2019: new LSOAs, new indicators, ranks not comparable.
-- Domain scores have different units (rates for income and employment, standardised values for
-- health and crime); compare a score only with the same domain's scores.
-- test unique: lsoa21_code
-- test not_null: edition, area_code, area_name, lsoa21_code, lsoa21_name, ward24_code, ward24_name, msoa21_code, imd_rank, imd_decile, imd_score, ruc21_class, in_most_deprived_10, in_most_deprived_20
-- test accepted_values: edition = IoD2025
-- test relationships: area_code -> int_areas__reported.area_code
-- test expression: (select count(*) from needs_deprivation_lsoa_2025) = 33755
-- test expression: in_most_deprived_10 <= in_most_deprived_20
select
    d.edition,
    c.area_code,
    c.area_name,
    d.lsoa21_code,
    d.lsoa21_name,
    d.lad_code,
    d.ward24_code,
    d.ward24_name,
    d.msoa21_code,
    d.msoa21_name,
    d.msoa21_hcl_name,
    d.ruc21_class,
    d.ruc21_urban_rural,
    d.imd_rank, d.imd_decile, d.imd_score,
    d.income_rank, d.income_decile, d.income_score,
    d.employment_rank, d.employment_decile, d.employment_score,
    d.education_rank, d.education_decile, d.education_score,
    d.health_rank, d.health_decile, d.health_score,
    d.crime_rank, d.crime_decile, d.crime_score,
    d.barriers_rank, d.barriers_decile, d.barriers_score,
    d.living_environment_rank, d.living_environment_decile, d.living_environment_score,
    d.imd_decile = 1 as in_most_deprived_10,
    d.imd_decile <= 2 as in_most_deprived_20
from int_deprivation__lsoa_2025 d
join int_geography__la_within w on w.lad_code = d.lad_code
join int_areas__reported c on c.area_code = w.area_code and c.level = 'council'
