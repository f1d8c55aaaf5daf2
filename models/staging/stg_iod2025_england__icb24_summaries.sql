-- IoD2025 summaries for the 42 integrated care boards in England (2024, File 13), with the same
-- columns as stg_iod2025_england__ltla24_summaries; ranks run 1 (most deprived) to 42.
-- test unique: area_code
-- test not_null: edition, area_code, area_name, imd_average_rank, imd_average_score, imd_rank_of_average_score, imd_proportion_most_deprived_10
-- test expression: imd_proportion_most_deprived_10 between 0 and 1
-- test expression: imd_rank_of_average_score between 1 and 42
-- test expression: starts_with(area_code, 'E54')
select
    'IoD2025' as edition,
    area_code,
    area_name,
    * exclude (area_code, area_name, _source_file),
    _source_file as source_file
from raw_iod2025_england_icb24
