-- The council's projected growth, to apply to its localities as a modelled estimate: for every
-- upper-tier council, the ratio of projected residents in 2035 to 2022, for all ages, 65+ and
-- 85+, from the one projection edition its series uses (int_population__projection_editions:
-- 2022-based where published, else 2018-based). A locality's modelled 2035 figure is its Census
-- 2021 count times its council's ratio: it assumes every place grows as its council does.
-- test unique: council_code, age_group
-- test not_null: council_code, projection_edition, base_year, horizon_year, age_group, base_population, horizon_population, growth_ratio
-- test accepted_values: age_group = all, 65+, 85+
-- test relationships: council_code -> int_councils__upper_tier.area_code
-- test expression: growth_ratio > 0.5 and growth_ratio < 2
-- test expression: (select count(*) from needs_locality_growth) = 3 * (select count(*) from int_councils__upper_tier)
with chosen as (
    select p.area_code as council_code, p.projection_edition, p.year, p.age, p.population
    from int_population__projections_all_editions p
    join int_population__projection_editions e on e.area_code = p.area_code and e.projection_edition = p.projection_edition
    join int_councils__upper_tier c on c.area_code = p.area_code
    where p.sex = 'persons' and p.year in (2022, 2035)
),
groups as (
    select council_code, projection_edition, year, 'all' as age_group, sum(population) as population from chosen group by all
    union all
    select council_code, projection_edition, year, '65+', sum(population) from chosen where age >= 65 group by all
    union all
    select council_code, projection_edition, year, '85+', sum(population) from chosen where age >= 85 group by all
)
select
    council_code,
    projection_edition,
    2022 as base_year,
    2035 as horizon_year,
    age_group,
    sum(population) filter (where year = 2022) as base_population,
    sum(population) filter (where year = 2035) as horizon_population,
    sum(population) filter (where year = 2035) / sum(population) filter (where year = 2022) as growth_ratio
from groups
group by council_code, projection_edition, age_group
