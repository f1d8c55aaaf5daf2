-- IoD2025 for every LSOA in England (2021 geography): rank, decile and score of the IMD and each
-- domain, named as in stg_iod2025__lsoa_shropshire. Rank 1 and decile 1 are the most deprived of
-- England's 33,755 LSOAs; the rank and decile tests check the file is whole and consistent.
-- test unique: lsoa21_code
-- test unique: imd_rank
-- test not_null: edition, lsoa21_code, imd_rank, imd_decile, imd_score, income_rank, income_decile, income_score, employment_rank, employment_decile, employment_score
-- test not_null: education_rank, education_decile, education_score, health_rank, health_decile, health_score, crime_rank, crime_decile, crime_score
-- test not_null: barriers_rank, barriers_decile, barriers_score, living_environment_rank, living_environment_decile, living_environment_score
-- test expression: starts_with(lsoa21_code, 'E01')
-- test expression: imd_rank between 1 and 33755
-- test expression: imd_decile = ceil(imd_rank * 10.0 / 33755)
-- test expression: income_decile = ceil(income_rank * 10.0 / 33755)
-- test expression: employment_decile = ceil(employment_rank * 10.0 / 33755)
-- test expression: education_decile = ceil(education_rank * 10.0 / 33755)
-- test expression: health_decile = ceil(health_rank * 10.0 / 33755)
-- test expression: crime_decile = ceil(crime_rank * 10.0 / 33755)
-- test expression: barriers_decile = ceil(barriers_rank * 10.0 / 33755)
-- test expression: living_environment_decile = ceil(living_environment_rank * 10.0 / 33755)
select
    'IoD2025' as edition,
    lsoa21_code,
    imd_rank, imd_decile, imd_score,
    income_rank, income_decile, income_score,
    employment_rank, employment_decile, employment_score,
    education_rank, education_decile, education_score,
    health_rank, health_decile, health_score,
    crime_rank, crime_decile, crime_score,
    barriers_rank, barriers_decile, barriers_score,
    living_environment_rank, living_environment_decile, living_environment_score,
    _source_file as source_file
from raw_iod2025_england_lsoa21
