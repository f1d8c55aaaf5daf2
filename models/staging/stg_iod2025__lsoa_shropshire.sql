-- IoD2025 for Shropshire's LSOAs (2021 geography): rank, decile and score of the IMD and each
-- domain, with the LSOA's 2021 Rural-Urban Classification. Rank 1 and decile 1 are the most
-- deprived of England's 33,755 LSOAs (2021). The decile tests check the transcription.
-- test unique: lsoa21_code
-- test not_null: edition, lsoa21_code, lsoa21_name, lad_code, lad_name, ruc21_class, ruc21_urban_rural
-- test not_null: imd_rank, imd_decile, imd_score, income_rank, income_decile, employment_rank, employment_decile, education_rank, education_decile
-- test not_null: health_rank, health_decile, crime_rank, crime_decile, barriers_rank, barriers_decile, living_environment_rank, living_environment_decile
-- test accepted_values: ruc21_urban_rural = Urban, Rural
-- test expression: (ruc21_urban_rural = 'Urban') = starts_with(ruc21_class, 'Urban:')
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
    lsoa_code as lsoa21_code,
    lsoa_name as lsoa21_name,
    lad_code,
    lad_name,
    region_name,
    ruc21_class,
    ruc21_urban_rural,
    imd_rank, imd_decile, imd_score,
    income_rank, income_decile, income_score,
    employment_rank, employment_decile, employment_score,
    education_rank, education_decile, education_score,
    health_rank, health_decile, health_score,
    crime_rank, crime_decile, crime_score,
    barriers_rank, barriers_decile, barriers_score,
    living_environment_rank, living_environment_decile, living_environment_score
from raw_iod2025_lsoa_shropshire
