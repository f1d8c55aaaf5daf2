-- Census 2021 general health of usual residents (TS037), every LSOA (2021) in England and Wales.
-- test unique: lsoa21_code
-- test not_null: census_year, lsoa21_code, all_usual_residents, very_good_health, good_health, fair_health, bad_health, very_bad_health
-- test accepted_values: census_year = 2021
-- test expression: all_usual_residents = very_good_health + good_health + fair_health + bad_health + very_bad_health
-- test relationships: lsoa21_code -> stg_census2021__lsoa_age.lsoa21_code
select
    census_year,
    lsoa21_code,
    lsoa21_name,
    total as all_usual_residents,
    very_good as very_good_health,
    good as good_health,
    fair as fair_health,
    bad as bad_health,
    very_bad as very_bad_health,
    _source_file as source_file
from raw_census2021_ts037_lsoa
