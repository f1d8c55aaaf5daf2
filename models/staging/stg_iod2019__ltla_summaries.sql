-- IoD2019 File 10: lower-tier council summaries (317 councils, April 2019 boundaries), one row
-- per council and index: the IMD, its seven domains and the supplementary IDACI and IDAOPI.
-- Rank 1 is the most deprived of 317. Extent and local concentration are published for the IMD
-- only, scale for Income and Employment only; the tests stop a new edition's renamed header
-- from turning them silently into nulls.
-- test unique: index_name, area_code
-- test not_null: edition, index_name, area_code, area_name, average_rank, rank_of_average_rank, average_score, rank_of_average_score, proportion_most_deprived_10
-- test accepted_values: index_name = IMD, Income, Employment, Education, Health, Crime, Barriers, Living, IDACI, IDAOPI
-- test relationships: area_code -> stg_la_codes__all.lad_code
-- test expression: (index_name = 'IMD') = (extent is not null and local_concentration is not null)
-- test expression: (index_name in ('Income', 'Employment')) = (scale is not null)
-- test expression: proportion_most_deprived_10 between 0 and 1
-- test expression: rank_of_average_score between 1 and 317
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
from raw_iod2019_ltla_summaries
