-- LSOA 2011 to LSOA 2021 in England and Wales, one row per pair, with ONS's change code spelled
-- out: an unchanged or merged 2011 LSOA has one 2021 successor, a split one several.
-- test unique: lsoa11_code, lsoa21_code
-- test not_null: lsoa11_code, lsoa21_code, change_code, change, ltla22_code
-- test accepted_values: change_code = U, S, M, X
-- test accepted_values: change = unchanged, split, merged, complex
-- test expression: change_code <> 'U' or lsoa11_code = lsoa21_code
select
    lsoa11_code,
    lsoa11_name,
    lsoa21_code,
    lsoa21_name,
    change_code,
    case change_code when 'U' then 'unchanged' when 'S' then 'split' when 'M' then 'merged' when 'X' then 'complex' end as change,
    ltla22_code,
    ltla22_name,
    _source_file as source_file
from raw_lookup_lsoa11_lsoa21
