-- IoD2025 lower-tier council summaries (2024 boundaries) for the 27 unitary councils in the
-- bundled subset: the IMD's average rank and score, their ranks (1 = most deprived of 296), the
-- share of LSOAs in England's most deprived 10%, extent and local concentration, and each
-- domain's average score. Not all of England: no national figures can be derived from it.
-- test unique: area_code
-- test not_null: edition, area_code, area_name, imd_average_rank, imd_average_score, imd_rank_of_average_score, imd_proportion_most_deprived_10
-- test expression: imd_proportion_most_deprived_10 between 0 and 1
-- test expression: imd_rank_of_average_score between 1 and 296
select
    'IoD2025' as edition,
    area_code,
    area_name,
    region_name,
    imd_average_rank,
    imd_rank_of_average_rank,
    imd_average_score,
    imd_rank_of_average_score,
    imd_proportion_most_deprived_10,
    imd_rank_of_proportion_most_deprived_10,
    imd_extent,
    imd_local_concentration,
    income_average_score,
    employment_average_score,
    education_average_score,
    health_average_score,
    crime_average_score,
    barriers_average_score,
    barriers_rank_of_average_score,
    living_environment_average_score
from raw_iod2025_ltla_unitaries
