-- The areas every mart reports on: England and its upper-tier councils (the councils with adult
-- social care responsibilities, int_councils__upper_tier), with their newest names. Every mart
-- covers all of them, so a site for any council needs no new warehouse; which council a site
-- is about, and its comparators, are chosen when the site is built (reports/data/site-areas.ts).
-- level says which is which: 'country' for England, 'council' for the rest.
-- test unique: area_code
-- test not_null: area_code, area_name, area_type, level
-- test accepted_values: level = country, council
-- test expression: (select count(*) from int_areas__reported where level = 'country') = 1
select a.area_code, a.area_name, a.area_type, 'country' as level
from int_areas a
where a.area_code = (select area_code from seed_england)
union all
select area_code, area_name, area_type, 'council' as level
from int_councils__upper_tier
