-- The configured council, comparators and England, with names. A code in the configuration
-- that is not in the population estimates leaves area_name null and fails the test below.
-- test unique: area_code
-- test not_null: area_code, area_name, role
-- test accepted_values: role = council, comparator, england
select c.area_code, a.area_name, c.role, c.sort_order
from config_areas c
left join int_areas a using (area_code)
