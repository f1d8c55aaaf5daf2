-- Mid-year estimates on today's boundaries for England and every upper-tier council, 2015 to
-- 2022. Each edition publishes the councils of its own year: a council formed since (Dorset and
-- Bournemouth, Christchurch and Poole in 2019, Buckinghamshire 2020, the Northamptonshires 2021,
-- Cumberland, Westmorland and Furness, North Yorkshire and Somerset 2023) is absent from the
-- earlier editions. For those years its figure is the sum of the lower-tier and unitary areas
-- of that edition that lie within it (int_geography__la_within, from ONS's code history), which
-- is exact because councils were merged whole; boundary_basis says which areas were summed.
-- A council-year with no predecessor rows either stays missing, and the test on the count of
-- council-years fails naming none silently lost.
-- test unique: year, area_code, sex, age
-- test not_null: year, area_code, sex, age, population, edition, boundary_basis
-- test relationships: area_code -> int_areas__reported.area_code
-- test expression: (select count(distinct area_code || year) from int_population__estimates_today) = (select count(*) from int_areas__reported) * (select count(distinct year) from int_population__estimates)
with published as (
    select e.year, e.area_code, e.sex, e.age, e.population, e.edition, 'as published' as boundary_basis
    from int_population__estimates e
    where e.area_code in (select area_code from int_areas__reported)
),
missing as (
    select r.area_code, y.year
    from int_areas__reported r
    cross join (select distinct year from int_population__estimates) y
    where not exists (select 1 from published p where p.area_code = r.area_code and p.year = y.year)
),
parts as (
    -- Lower-tier and unitary codes only (E06-E09), so that no county is counted with its districts.
    select m.year, m.area_code, e.area_code as part_code, e.sex, e.age, e.population, e.edition
    from missing m
    join int_geography__la_within w on w.area_code = m.area_code
    join int_population__estimates e on e.area_code = w.lad_code and e.year = m.year
    where regexp_full_match(e.area_code, 'E0[6-9][0-9]{6}') and e.area_code <> m.area_code
),
named as (
    select year, area_code, 'summed from ' || string_agg(distinct part_code, ', ' order by part_code) as boundary_basis
    from parts
    group by year, area_code
)
select * from published
union all
select p.year, p.area_code, p.sex, p.age, sum(p.population) as population, any_value(p.edition) as edition, n.boundary_basis
from parts p
join named n using (year, area_code)
group by p.year, p.area_code, p.sex, p.age, n.boundary_basis
