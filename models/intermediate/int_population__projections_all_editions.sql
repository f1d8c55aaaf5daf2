-- Projected population by single year of age for every upper-tier council and England: the
-- 2022-based SNPP where it has the area, the 2018-based (principal, via the NHS Strategy Unit)
-- for the rest, chosen once per area in int_population__projection_editions. Each row names its
-- edition and a label to print beside it. The editions span different years (2022-2047 and
-- 2018-2043); a consumer comparing areas must say which edition each figure is from.
-- test unique: year, area_code, sex, age
-- test not_null: projection_edition, projection_label, year, area_code, area_name, sex, age, population
-- test accepted_values: projection_edition = 2022-based, 2018-based
-- test accepted_values: sex = persons, male, female
-- test relationships: area_code -> int_population__projection_editions.area_code
-- test expression: projection_edition = (select e.projection_edition from int_population__projection_editions e where e.area_code = int_population__projections_all_editions.area_code)
-- test expression: (projection_edition = '2022-based' and year between 2022 and 2047) or (projection_edition = '2018-based' and year between 2018 and 2043)
-- test expression: age between 0 and 90 and population >= 0
select
    e.projection_edition,
    'ONS 2022-based subnational population projections' as projection_label,
    p.year, p.area_code, p.area_name, p.sex, p.age, p.population
from int_population__projections p
join int_population__projection_editions e on e.area_code = p.area_code and e.projection_edition = '2022-based'
union all
select
    e.projection_edition,
    'ONS 2018-based subnational population projections (principal), via NHS Strategy Unit' as projection_label,
    cast(replace(s.year_column, 'y', '') as integer) as year, s.area_code, s.area_name, s.sex, s.age,
    cast(s.population as double) as population
from (
    unpivot (
        select * from stg_snpp_2018__projections
        where not is_all_ages and area_code in (select area_code from int_population__projection_editions where projection_edition = '2018-based')
    ) on columns('^y[0-9]{4}$') into name year_column value population
) s
join int_population__projection_editions e on e.area_code = s.area_code
