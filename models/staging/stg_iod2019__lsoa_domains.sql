-- IoD2019 File 2: one row per LSOA (2011 geography) with the rank and national decile of the
-- Index of Multiple Deprivation and each of its seven domains. Rank 1 and decile 1 are the most
-- deprived of England's 32,844 LSOAs. Tied scores share a rank (26 IMD ranks are held by two
-- LSOAs), so ranks are not unique, but deciles are the ranks cut into tenths: the decile tests
-- check the load against that rule for every domain.
-- IDACI and IDAOPI by LSOA are in File 3, which is not bundled (by council: Files 10 and 11).
-- test unique: lsoa11_code
-- test not_null: edition, lsoa11_code, lsoa11_name, lad19_code, lad19_name
-- test not_null: imd_rank, imd_decile, income_rank, income_decile, employment_rank, employment_decile, education_rank, education_decile
-- test not_null: health_rank, health_decile, crime_rank, crime_decile, barriers_rank, barriers_decile, living_environment_rank, living_environment_decile
-- test expression: imd_rank between 1 and 32844
-- test expression: imd_decile = ceil(imd_rank * 10.0 / 32844)
-- test expression: income_decile = ceil(income_rank * 10.0 / 32844)
-- test expression: employment_decile = ceil(employment_rank * 10.0 / 32844)
-- test expression: education_decile = ceil(education_rank * 10.0 / 32844)
-- test expression: health_decile = ceil(health_rank * 10.0 / 32844)
-- test expression: crime_decile = ceil(crime_rank * 10.0 / 32844)
-- test expression: barriers_decile = ceil(barriers_rank * 10.0 / 32844)
-- test expression: living_environment_decile = ceil(living_environment_rank * 10.0 / 32844)
-- test expression: (select count(*) from stg_iod2019__lsoa_domains) = 32844
select
    'IoD2019' as edition,
    lsoa_code as lsoa11_code,
    lsoa_name as lsoa11_name,
    lad_code as lad19_code,
    lad_name as lad19_name,
    imd_rank, imd_decile,
    income_rank, income_decile,
    employment_rank, employment_decile,
    education_rank, education_decile,
    health_rank, health_decile,
    crime_rank, crime_decile,
    barriers_rank, barriers_decile,
    living_environment_rank, living_environment_decile
from raw_iod2019_lsoa_domains
