-- IoD2019 (LSOA 2011 geography) for every upper-tier council and England: how
-- many LSOAs each has and how many, and what share, lie in England's most deprived 10% and 20%
-- (IMD decile 1, deciles 1-2), counted from File 2; beside them the council's published IMD,
-- IDAOPI (income deprivation affecting older people) and IDACI (affecting children) summaries,
-- from File 11 for an upper-tier council or File 10 for a district. Rank 1 = most deprived of
-- councils_ranked councils. England has no published summary row.
-- A council formed since April 2019 (e.g. North Yorkshire, Somerset) collects its LSOAs through
-- its former districts; it has no published summary, so those columns are null.
-- IoD2025 is in needs_deprivation_summary_2025, never in this table: not comparable.
-- The share test checks File 2 against Files 10/11, which publish the share to 4 places.
-- test unique: area_code
-- test not_null: edition, lsoa_geography, area_code, area_name, level, lsoa_count, lsoas_most_deprived_10, share_most_deprived_10, lsoas_most_deprived_20, share_most_deprived_20
-- test accepted_values: edition = IoD2019
-- test relationships: area_code -> int_areas__reported.area_code
-- test expression: lsoa_count > 0 and lsoas_most_deprived_10 <= lsoas_most_deprived_20 and lsoas_most_deprived_20 <= lsoa_count
-- test expression: published_share_most_deprived_10 is null or abs(share_most_deprived_10 - published_share_most_deprived_10) < 0.00005 + 1e-9
-- test expression: level <> 'country' or lsoa_count = (select count(*) from stg_iod2019__lsoa_domains)
with lsoas as (
    select c.area_code, d.lsoa11_code, d.imd_decile
    from int_areas__reported c
    join int_geography__la_within w on w.area_code = c.area_code
    join int_deprivation__lsoa_2019 d on d.lad19_code = w.lad_code
    where c.level = 'council'
    union all
    select c.area_code, d.lsoa11_code, d.imd_decile
    from int_areas__reported c
    cross join int_deprivation__lsoa_2019 d
    where c.level = 'country'
),
counts as (
    select
        area_code,
        count(*) as lsoa_count,
        count(*) filter (where imd_decile = 1) as lsoas_most_deprived_10,
        count(*) filter (where imd_decile <= 2) as lsoas_most_deprived_20
    from lsoas
    group by area_code
),
summaries as (
    select *, 'File 11 (upper tier)' as published_in, (select count(distinct area_code) from stg_iod2019__utla_summaries) as councils_ranked
    from stg_iod2019__utla_summaries
    union all
    select *, 'File 10 (lower tier)', (select count(distinct area_code) from stg_iod2019__ltla_summaries)
    from stg_iod2019__ltla_summaries
    where area_code not in (select area_code from stg_iod2019__utla_summaries)
),
published as (
    select
        area_code,
        any_value(published_in) as published_in,
        any_value(councils_ranked) as councils_ranked,
        max(average_score) filter (where index_name = 'IMD') as imd_average_score,
        max(rank_of_average_score) filter (where index_name = 'IMD') as imd_rank_of_average_score,
        max(proportion_most_deprived_10) filter (where index_name = 'IMD') as published_share_most_deprived_10,
        max(extent) filter (where index_name = 'IMD') as imd_extent,
        max(average_score) filter (where index_name = 'IDAOPI') as idaopi_average_score,
        max(rank_of_average_score) filter (where index_name = 'IDAOPI') as idaopi_rank_of_average_score,
        max(proportion_most_deprived_10) filter (where index_name = 'IDAOPI') as idaopi_share_most_deprived_10,
        max(average_score) filter (where index_name = 'IDACI') as idaci_average_score,
        max(rank_of_average_score) filter (where index_name = 'IDACI') as idaci_rank_of_average_score,
        max(proportion_most_deprived_10) filter (where index_name = 'IDACI') as idaci_share_most_deprived_10,
        max(average_score) filter (where index_name = 'Barriers') as barriers_average_score,
        max(rank_of_average_score) filter (where index_name = 'Barriers') as barriers_rank_of_average_score
    from summaries
    group by area_code
)
select
    'IoD2019' as edition,
    'LSOA 2011' as lsoa_geography,
    c.area_code,
    c.area_name,
    c.level,
    n.lsoa_count,
    n.lsoas_most_deprived_10,
    n.lsoas_most_deprived_10 / n.lsoa_count as share_most_deprived_10,
    n.lsoas_most_deprived_20,
    n.lsoas_most_deprived_20 / n.lsoa_count as share_most_deprived_20,
    p.published_in,
    p.councils_ranked,
    p.imd_average_score,
    p.imd_rank_of_average_score,
    p.published_share_most_deprived_10,
    p.imd_extent,
    p.idaopi_average_score,
    p.idaopi_rank_of_average_score,
    p.idaopi_share_most_deprived_10,
    p.idaci_average_score,
    p.idaci_rank_of_average_score,
    p.idaci_share_most_deprived_10,
    p.barriers_average_score,
    p.barriers_rank_of_average_score
from int_areas__reported c
left join counts n using (area_code)
left join published p using (area_code)
