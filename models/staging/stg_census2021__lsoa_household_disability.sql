-- Census 2021 households by the number of people in them disabled under the Equality Act
-- (TS040), every LSOA (2021) in England and Wales.
-- test unique: lsoa21_code
-- test not_null: census_year, lsoa21_code, all_households, households_no_disabled_people, households_one_disabled_member, households_two_plus_disabled_people
-- test accepted_values: census_year = 2021
-- test expression: all_households = households_no_disabled_people + households_one_disabled_member + households_two_plus_disabled_people
-- test relationships: lsoa21_code -> stg_census2021__lsoa_age.lsoa21_code
select
    census_year,
    lsoa21_code,
    lsoa21_name,
    total as all_households,
    no_disabled_people as households_no_disabled_people,
    one_disabled_person as households_one_disabled_member,
    two_or_more_disabled_people as households_two_plus_disabled_people,
    _source_file as source_file
from raw_census2021_ts040_lsoa
