-- English areas with their latest published name and type (from the newest estimates).
-- test unique: area_code
-- test not_null: area_code, area_name
-- ONS prints ENGLAND in capitals in the older editions; the site uses the plain name.
select
    area_code,
    case when area_code = (select area_code from seed_england) then 'England' else arg_max(area_name, year) end as area_name,
    arg_max(area_type, year) as area_type
from int_population__estimates
group by area_code
