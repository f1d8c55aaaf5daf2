-- People aged 65+, 75+ and 85+ (persons) with their share of the whole population, by area,
-- series and year: the core of older people's care demand.
-- test unique: series, year, area_code
-- test not_null: series, year, area_code, area_name, total, aged_65_plus, aged_75_plus, aged_85_plus
-- test expression: aged_65_plus >= aged_75_plus and aged_75_plus >= aged_85_plus and aged_85_plus >= 0
-- test expression: total >= aged_65_plus
-- test expression: share_65_plus between 0 and 1
select
    series, year, area_code, area_name, projection_edition, projection_label,
    sum(population) as total,
    sum(population) filter (where age >= 65) as aged_65_plus,
    sum(population) filter (where age >= 75) as aged_75_plus,
    sum(population) filter (where age >= 85) as aged_85_plus,
    sum(population) filter (where age >= 65) / sum(population) as share_65_plus,
    sum(population) filter (where age >= 75) / sum(population) as share_75_plus,
    sum(population) filter (where age >= 85) / sum(population) as share_85_plus
from needs_population_by_age
where sex = 'persons'
group by all
