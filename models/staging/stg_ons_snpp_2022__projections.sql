-- ONS 2022-based SNPP, one row per council, sex, age and projection year.
-- "90 and over" becomes age 90; the published "All ages" rows are kept apart (age null,
-- is_all_ages true) so that models can check the single ages against them.
-- test unique: year, area_code, sex, age_group
-- test not_null: year, area_code, area_name, sex, age_group, population
-- test accepted_values: sex = persons, male, female
-- test accepted_values: component = Population
-- test expression: is_all_ages or age between 0 and 90
-- test expression: population >= 0
select
    cast(replace(year_column, 'y', '') as integer) as year,
    area_code,
    area_name,
    component,
    case sex when 'males' then 'male' when 'females' then 'female' else sex end as sex,
    age_group,
    age_group = 'All ages' as is_all_ages,
    case
        when age_group = 'All ages' then null
        when age_group = '90 and over' then 90
        else try_cast(age_group as integer)
    end as age,
    population,
    _source_file as source_file
from (
    unpivot raw_ons_snpp_2022 on columns('^y[0-9]{4}$') into name year_column value population
)
