-- MSOA 2011 to MSOA 2021 in England and Wales, one row per pair, with the 2022 council.
-- test unique: msoa11_code, msoa21_code
-- test not_null: msoa11_code, msoa11_name, msoa21_code, msoa21_name, ltla22_code, ltla22_name
select
    msoa11_code,
    msoa11_name,
    msoa21_code,
    msoa21_name,
    ltla22_code,
    ltla22_name,
    _source_file as source_file
from raw_lookup_msoa11_msoa21
