-- Mid-year estimates for England and English areas, 2015 to 2022, from all MYE editions.
-- Each year comes from its own edition: mid-2015 to mid-2020 are the original (pre-Census
-- 2021) editions, so the 2020 to 2021 step includes Census rebasing (stated on the site).
-- test unique: year, area_code, sex, age
-- test not_null: year, area_code, sex, age, population
-- test expression: area_code like 'E%'
select year, area_code, area_name, area_type, sex, age, population, edition
from stg_ons_mye2__population
where area_code like 'E%'
union all
select year, area_code, area_name, area_type, sex, age, population, edition
from stg_ons_mye_2022__population
where area_code like 'E%'
