-- Census 2021 disability under the Equality Act (TS038), every LSOA (2021) in England and Wales.
-- "Disabled" is the sum of limited a lot and limited a little, as published.
-- test unique: lsoa21_code
-- test not_null: census_year, lsoa21_code, all_usual_residents, disabled, disabled_limited_a_lot, disabled_limited_a_little, not_disabled
-- test accepted_values: census_year = 2021
-- test expression: all_usual_residents = disabled + not_disabled
-- test expression: disabled = disabled_limited_a_lot + disabled_limited_a_little
-- test expression: not_disabled = not_disabled_with_long_term_condition + not_disabled_no_long_term_condition
-- test relationships: lsoa21_code -> stg_census2021__lsoa_age.lsoa21_code
select
    census_year,
    lsoa21_code,
    lsoa21_name,
    total as all_usual_residents,
    disabled,
    disabled_limited_a_lot,
    disabled_limited_a_little,
    not_disabled,
    not_disabled_with_condition as not_disabled_with_long_term_condition,
    not_disabled_no_condition as not_disabled_no_long_term_condition,
    _source_file as source_file
from raw_census2021_ts038_lsoa
