-- Population of the configured council, its comparators and England by year, sex and single
-- year of age, with the 5-year band each age falls in. Estimates cover 2015 to 2022 and
-- projections 2022 to 2047; both carry 2022 (the projections' base year), told apart by series.
-- England has no projection rows: the published SNPP file has none.
-- test unique: series, year, area_code, sex, age
-- test not_null: series, year, area_code, area_name, role, sex, age, age_band, band_start, population
-- test accepted_values: series = estimate, projection
-- test accepted_values: sex = persons, male, female
-- test relationships: area_code -> int_configured_areas.area_code
-- test expression: population >= 0
-- test expression: age >= band_start and age <= band_start + 4
with population as (
    select 'estimate' as series, year, area_code, sex, age, population from int_population__estimates
    union all
    select 'projection' as series, year, area_code, sex, age, population from int_population__projections
)
select
    p.series, p.year, p.area_code, c.area_name, c.role, c.sort_order, p.sex, p.age,
    case when p.age >= 90 then '90+' else (p.age // 5 * 5) || '-' || (p.age // 5 * 5 + 4) end as age_band,
    least(p.age // 5 * 5, 90) as band_start,
    p.population
from population p
join int_configured_areas c using (area_code)
