-- Rurality of England and every upper-tier council: Defra's 2011 Rural-Urban
-- Classification (6-fold class and code, 3-fold class) and the 2011 Census population behind
-- it (share living in rural areas or rural-related hub towns). Classes are published for
-- councils in the UTLA 2021 lookup (for a district, the 2011 district file); councils formed in
-- April 2023 (Cumberland, Westmorland and Furness, North Yorkshire, Somerset) have no published
-- class, only the share, summed from their 2011 districts. England has no class.
-- The LSOA-level 2021 classification is in needs_rurality_lsoa_ruc21.
-- test unique: area_code
-- test not_null: area_code, area_name, level, rural_share_2011, total_population_2011
-- test relationships: area_code -> int_areas__reported.area_code
-- test expression: (select count(*) from needs_rurality) = (select count(*) from int_areas__reported)
-- test accepted_values: ruc11_6_fold = Mainly Rural, Largely Rural, Urban with Significant Rural, Urban with City and Town, Urban with Minor Conurbation, Urban with Major Conurbation
-- test expression: rural_share_2011 between 0 and 1
-- test expression: level <> 'country' or total_population_2011 = (select sum(total_population) from stg_ruc2011__lad)
with england as (
    select
        sum(rural_population) as rural_population,
        sum(hub_town_population) as hub_town_population,
        sum(total_population) as total_population
    from stg_ruc2011__lad
)
select
    c.area_code,
    c.area_name,
    c.level,
    r.ruc11_code,
    r.ruc11_6_fold,
    r.ruc11_3_fold,
    r.classified_in,
    coalesce(r.rural_population, e.rural_population) as rural_population_2011,
    coalesce(r.hub_town_population, e.hub_town_population) as hub_town_population_2011,
    coalesce(r.total_population, e.total_population) as total_population_2011,
    coalesce(r.rural_share, (e.rural_population + e.hub_town_population) / e.total_population) as rural_share_2011
from int_areas__reported c
left join int_rurality__areas r using (area_code)
left join england e on c.level = 'country'
