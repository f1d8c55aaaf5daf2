-- Projected population by single year of age (the "All ages" rows dropped after checking).
-- test unique: year, area_code, sex, age
-- test not_null: year, area_code, sex, age, population
-- test expression: year between 2022 and 2047
select year, area_code, area_name, sex, age, population
from stg_ons_snpp_2022__projections
where not is_all_ages
