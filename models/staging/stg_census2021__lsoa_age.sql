-- Census 2021 usual residents by five-year age band (TS007A), every LSOA (2021) in England and
-- Wales, one row per LSOA. The bands add up to the total in the published file; the test keeps
-- it so (ONS perturbs cells, but within a table the total is the sum of its parts).
-- test unique: lsoa21_code
-- test not_null: census_year, lsoa21_code, lsoa21_name, all_usual_residents, aged_65_plus, aged_85_plus
-- test accepted_values: census_year = 2021
-- test expression: all_usual_residents = aged_0_4 + aged_5_9 + aged_10_14 + aged_15_19 + aged_20_24 + aged_25_29 + aged_30_34 + aged_35_39 + aged_40_44 + aged_45_49 + aged_50_54 + aged_55_59 + aged_60_64 + aged_65_plus
-- test expression: aged_65_plus = aged_65_69 + aged_70_74 + aged_75_79 + aged_80_84 + aged_85_plus
select
    census_year,
    lsoa21_code,
    lsoa21_name,
    total as all_usual_residents,
    aged_0_4, aged_5_9, aged_10_14, aged_15_19, aged_20_24, aged_25_29, aged_30_34, aged_35_39,
    aged_40_44, aged_45_49, aged_50_54, aged_55_59, aged_60_64, aged_65_69, aged_70_74, aged_75_79,
    aged_80_84, aged_85_plus,
    -- The age most care services start from, summed here once so no model adds the bands again.
    aged_65_69 + aged_70_74 + aged_75_79 + aged_80_84 + aged_85_plus as aged_65_plus,
    _source_file as source_file
from raw_census2021_ts007a_lsoa
