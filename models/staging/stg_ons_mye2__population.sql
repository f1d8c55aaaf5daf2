-- ONS MYE2 mid-2015 to mid-2021, one row per area, sex and single year of age.
-- Age 90 means "90 and over" in every edition (labelled 90 or 90+ in the files).
-- test unique: year, area_code, sex, age
-- test not_null: year, area_code, area_name, sex, age, population
-- test accepted_values: sex = persons, male, female
-- test expression: age between 0 and 90
-- test expression: population >= 0
select
    cast(replace(edition, 'mid-', '') as integer) as year,
    code as area_code,
    name as area_name,
    geography as area_type,
    sex,
    cast(case when age_column = 'age_90_plus' then '90' else replace(age_column, 'age_', '') end as integer) as age,
    population,
    edition,
    _source_file as source_file
from (
    unpivot raw_ons_mye2 on columns('^age_') into name age_column value population
)
