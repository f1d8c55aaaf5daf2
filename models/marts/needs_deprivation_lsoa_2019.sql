-- IoD2019 for every LSOA (2011 geography) in England, with its upper-tier council today: rank (1 = most deprived of
-- England's 32,844) and national decile (1 = most deprived 10%) of the IMD and each domain, and
-- the MSOA (2011) with its House of Commons Library name where the name lookup finds it.
-- IoD2019 and IoD2025 are kept in separate marts and never joined: the LSOA geography changed
-- (2011 to 2021) and so did the indicators, so ranks are not comparable between editions.
-- IDACI and IDAOPI by LSOA are in IoD2019 File 3, which is not bundled; by council they are
-- in needs_deprivation_summary_2019.
-- test unique: lsoa11_code
-- test not_null: edition, area_code, area_name, lsoa11_code, lsoa11_name, lad19_code, imd_rank, imd_decile, in_most_deprived_10, in_most_deprived_20
-- test accepted_values: edition = IoD2019
-- test relationships: area_code -> int_areas__reported.area_code
-- test expression: in_most_deprived_10 <= in_most_deprived_20
select
    d.edition,
    c.area_code,
    c.area_name,
    d.lsoa11_code,
    d.lsoa11_name,
    d.lad19_code,
    d.lad19_name,
    d.msoa11_code,
    d.msoa11_name,
    d.msoa11_hcl_name,
    d.imd_rank, d.imd_decile,
    d.income_rank, d.income_decile,
    d.employment_rank, d.employment_decile,
    d.education_rank, d.education_decile,
    d.health_rank, d.health_decile,
    d.crime_rank, d.crime_decile,
    d.barriers_rank, d.barriers_decile,
    d.living_environment_rank, d.living_environment_decile,
    d.imd_decile = 1 as in_most_deprived_10,
    d.imd_decile <= 2 as in_most_deprived_20
from int_deprivation__lsoa_2019 d
join int_geography__la_within w on w.lad_code = d.lad19_code
join int_areas__reported c on c.area_code = w.area_code and c.level = 'council'
