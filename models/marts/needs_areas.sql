-- Every English area in the population estimates, by its newest name and type, and whether it
-- is an upper-tier council (responsible for adult social care): the councils a site can be
-- about. The warehouse computes every mart for all of them; a site chooses one when it is
-- built (reports/data/site-areas.ts), so naming a district gets a plain message, not a crash.
-- test unique: area_code
-- test not_null: area_code, area_name, area_type, level, is_upper_tier
-- test accepted_values: level = country, region, council, district
-- test expression: (select count(*) from needs_areas where is_upper_tier) = (select count(*) from int_councils__upper_tier)
select
    a.area_code,
    a.area_name,
    a.area_type,
    case
        when a.area_code = (select area_code from seed_england) then 'country'
        when a.area_code in (select area_code from int_councils__upper_tier) then 'council'
        when a.area_type = 'Region' then 'region'
        else 'district'
    end as level,
    a.area_code in (select area_code from int_councils__upper_tier) as is_upper_tier
from int_areas a
