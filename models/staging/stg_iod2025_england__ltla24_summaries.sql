-- IoD2025 summaries for all 296 lower-tier councils in England (2024 boundaries, File 10 v2):
-- for the IMD and each domain, the average rank and score, their ranks (1 = most deprived of
-- 296), the share of LSOAs in England's most deprived 10% and its rank; extent, local
-- concentration and the income and employment scales.
-- test unique: area_code
-- test unique: imd_rank_of_average_score
-- test not_null: edition, area_code, area_name, imd_average_rank, imd_average_score, imd_rank_of_average_score, imd_proportion_most_deprived_10
-- test expression: imd_proportion_most_deprived_10 between 0 and 1
-- test expression: imd_rank_of_average_score between 1 and 296
-- test expression: substr(area_code, 1, 3) in ('E06', 'E07', 'E08', 'E09')
select
    'IoD2025' as edition,
    area_code,
    area_name,
    * exclude (area_code, area_name, _source_file),
    _source_file as source_file
from raw_iod2025_england_ltla24
