-- The IoD2019 IMD average score of every upper-tier council in the newest population estimates.
-- The average score is the population-weighted mean of a council's LSOA scores (higher = more
-- deprived). File 11 publishes it for the 151 upper-tier councils of April 2019; the councils
-- formed since (Buckinghamshire 2020, North and West Northamptonshire 2021, Cumberland,
-- Westmorland and Furness, North Yorkshire and Somerset 2023) are not in it.
-- For those it is derived from their April 2019 districts in File 10, weighted by population.
-- File 10 gives no population, but a district's Income average score is income-deprived
-- people / population and its Income scale is income-deprived people, so scale / score gives
-- the IoD's own population (to the rounding of the score, about 0.1%).
-- The derivation is computed for every council and checked against File 11 where both exist;
-- on the bundled files they differ by at most 0.03 points (scores run from about 5 to 45).
-- test unique: area_code
-- test not_null: area_code, area_name, imd_average_score, score_method
-- test accepted_values: score_method = published in File 11, derived from April 2019 districts in File 10
-- test expression: published_score is null or abs(published_score - derived_score) < 0.05
with imd as (
    select area_code, average_score from stg_iod2019__ltla_summaries where index_name = 'IMD'
),
income as (
    select area_code, scale / average_score as implied_population
    from stg_iod2019__ltla_summaries
    where index_name = 'Income'
),
derived as (
    select
        u.utla_code as area_code,
        sum(imd.average_score * income.implied_population) / sum(income.implied_population) as derived_score,
        count(*) as districts_2019
    from imd
    join income using (area_code)
    join int_geography__la_to_upper_tier u on u.lad_code = imd.area_code
    group by u.utla_code
),
published as (
    select area_code, average_score as published_score, rank_of_average_score as published_rank
    from stg_iod2019__utla_summaries
    where index_name = 'IMD'
)
select
    c.area_code,
    c.area_name,
    p.published_score,
    p.published_rank,
    d.derived_score,
    d.districts_2019,
    coalesce(p.published_score, d.derived_score) as imd_average_score,
    case when p.published_score is not null then 'published in File 11' else 'derived from April 2019 districts in File 10' end as score_method
from int_councils__upper_tier c
left join published p using (area_code)
left join derived d using (area_code)
