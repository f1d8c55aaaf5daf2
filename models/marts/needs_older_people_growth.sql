-- Growth in the older population and the old-age dependency ratio, for England and every
-- upper-tier council, by series and year (estimates 2015-2022; projections from each area's
-- edition: 2022-2047 for the 2022-based, 2018-2043 for the 2018-based).
-- Growth is measured from the first year of each series: 2015 for estimates and 2022, the
-- projections' base, for projections. Estimates cross the Census 2021 rebasing between 2020
-- and 2021, so growth since 2015 includes it.
-- The old-age dependency ratio here is people aged 65 and over per 1,000 aged 16 to 64. ONS's
-- own OADR counts people of State Pension age and over per 1,000 aged 16 to State Pension age,
-- so the two differ as the pension age rises: name this one in full on the page.
-- test unique: series, year, area_code
-- test not_null: series, year, area_code, area_name, base_year, aged_16_64, aged_65_plus, aged_75_plus, aged_85_plus, old_age_dependency_ratio, growth_75_plus, growth_85_plus
-- test accepted_values: series = estimate, projection
-- test relationships: area_code -> int_areas__reported.area_code
-- test expression: year <> base_year or (growth_75_plus = 0 and growth_85_plus = 0 and change_75_plus = 0)
-- test expression: aged_65_plus >= aged_75_plus and aged_75_plus >= aged_85_plus
-- test expression: old_age_dependency_ratio > 0
with ages as (
    select
        series, year, area_code, area_name, projection_edition, projection_label,
        sum(population) filter (where age between 16 and 64) as aged_16_64,
        sum(population) filter (where age >= 65) as aged_65_plus,
        sum(population) filter (where age >= 75) as aged_75_plus,
        sum(population) filter (where age >= 85) as aged_85_plus
    from needs_population_by_age
    where sex = 'persons'
    group by all
),
based as (
    select
        *,
        min(year) over (partition by series, area_code) as base_year,
        arg_min(aged_75_plus, year) over (partition by series, area_code) as aged_75_plus_base,
        arg_min(aged_85_plus, year) over (partition by series, area_code) as aged_85_plus_base
    from ages
)
select
    series, year, area_code, area_name, projection_edition, projection_label,
    aged_16_64, aged_65_plus, aged_75_plus, aged_85_plus,
    1000 * aged_65_plus / aged_16_64 as old_age_dependency_ratio,
    base_year,
    aged_75_plus - aged_75_plus_base as change_75_plus,
    aged_75_plus / aged_75_plus_base - 1 as growth_75_plus,
    aged_85_plus - aged_85_plus_base as change_85_plus,
    aged_85_plus / aged_85_plus_base - 1 as growth_85_plus
from based
