-- Census 2021 provision of unpaid care by residents aged 5 and over (TS039), every LSOA (2021)
-- in England and Wales. The published bands nest (19 hours or less = 9 or less + 10 to 19):
-- the tests check both levels add up, so a model can use either without adding them together.
-- test unique: lsoa21_code
-- test not_null: census_year, lsoa21_code, residents_aged_5_plus, provides_no_care, provides_up_to_19_hours, provides_20_to_49_hours, provides_50_plus_hours
-- test accepted_values: census_year = 2021
-- test expression: residents_aged_5_plus = provides_no_care + provides_up_to_19_hours + provides_20_to_49_hours + provides_50_plus_hours
-- test expression: provides_up_to_19_hours = provides_up_to_9_hours + provides_10_to_19_hours
-- test expression: provides_20_to_49_hours = provides_20_to_34_hours + provides_35_to_49_hours
-- test relationships: lsoa21_code -> stg_census2021__lsoa_age.lsoa21_code
select
    census_year,
    lsoa21_code,
    lsoa21_name,
    total as residents_aged_5_plus,
    no_care as provides_no_care,
    up_to_19_hours as provides_up_to_19_hours,
    up_to_9_hours as provides_up_to_9_hours,
    hours_10_to_19 as provides_10_to_19_hours,
    hours_20_to_49 as provides_20_to_49_hours,
    hours_20_to_34 as provides_20_to_34_hours,
    hours_35_to_49 as provides_35_to_49_hours,
    hours_50_plus as provides_50_plus_hours,
    _source_file as source_file
from raw_census2021_ts039_lsoa
