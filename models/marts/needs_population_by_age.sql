-- Population of England and every upper-tier council by year, sex and single year of age, on
-- today's boundaries, with the 5-year band each age falls in. Estimates cover 2015 to 2022
-- (int_population__estimates_today: councils formed since 2019 summed from their predecessors
-- for the years before); projections come from one edition per area, carried on every row
-- (projection_edition, projection_label): ONS's 2022-based where its file has the area, else
-- the 2018-based (int_population__projection_editions). A series never mixes editions.
-- test unique: series, year, area_code, sex, age
-- test not_null: series, year, area_code, area_name, sex, age, age_band, band_start, population, source_edition, boundary_basis
-- test accepted_values: series = estimate, projection
-- test accepted_values: sex = persons, male, female
-- test relationships: area_code -> int_areas__reported.area_code
-- test expression: population >= 0
-- test expression: age >= band_start and age <= band_start + 4
-- test expression: (series = 'projection') = (projection_edition is not null)
with population as (
    select 'estimate' as series, year, area_code, sex, age, population, edition, boundary_basis,
        null::varchar as projection_edition, null::varchar as projection_label
    from int_population__estimates_today
    union all
    select 'projection' as series, year, area_code, sex, age, population, projection_label as edition, 'as published' as boundary_basis,
        projection_edition, projection_label
    from int_population__projections_all_editions
)
select
    p.series, p.year, p.area_code, c.area_name, p.sex, p.age,
    case when p.age >= 90 then '90+' else (p.age // 5 * 5) || '-' || (p.age // 5 * 5 + 4) end as age_band,
    least(p.age // 5 * 5, 90) as band_start,
    p.population,
    p.edition as source_edition,
    p.boundary_basis,
    p.projection_edition,
    p.projection_label
from population p
join int_areas__reported c using (area_code)
