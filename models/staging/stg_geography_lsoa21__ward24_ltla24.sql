-- Each LSOA (2021) in England and Wales with its best-fit electoral ward (2024) and lower-tier
-- council (2024). Best fit: a ward built from its LSOAs approximates the ward.
-- test unique: lsoa21_code
-- test not_null: lsoa21_code, lsoa21_name, ward24_code, ward24_name, ltla24_code, ltla24_name
-- test accepted_values: country_code = E92000001, W92000004
-- test expression: substr(lsoa21_code, 1, 1) = substr(ltla24_code, 1, 1)
select
    lsoa21_code,
    lsoa21_name,
    ward24_code,
    ward24_name,
    ltla24_code,
    ltla24_name,
    -- The first letter of an ONS code names the country: E England, W Wales.
    case substr(lsoa21_code, 1, 1) when 'E' then 'E92000001' when 'W' then 'W92000004' end as country_code,
    _source_file as source_file
from raw_lookup_lsoa21_ward24_ltla24
