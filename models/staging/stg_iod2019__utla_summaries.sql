-- IoD2019 File 11: upper-tier council summaries (151 councils, April 2019 boundaries), one row
-- per council and index, laid out as File 10. Rank 1 is the most deprived of 151.
-- test unique: index_name, area_code
-- test not_null: edition, index_name, area_code, area_name, average_rank, rank_of_average_rank, average_score, rank_of_average_score, proportion_most_deprived_10
-- test accepted_values: index_name = IMD, Income, Employment, Education, Health, Crime, Barriers, Living, IDACI, IDAOPI
-- test expression: (index_name = 'IMD') = (extent is not null and local_concentration is not null)
-- test expression: (index_name in ('Income', 'Employment')) = (scale is not null)
-- test expression: proportion_most_deprived_10 between 0 and 1
-- test expression: rank_of_average_score between 1 and 151
select
    'IoD2019' as edition,
    index_name,
    area_code,
    area_name,
    average_rank,
    rank_of_average_rank,
    average_score,
    rank_of_average_score,
    proportion_most_deprived_10,
    rank_of_proportion_most_deprived_10,
    extent,
    local_concentration,
    scale
from raw_iod2019_utla_summaries
