-- ONS lower-tier to upper-tier council lookup, December 2022.
-- test unique: ltla_code
-- test not_null: ltla_code, ltla_name, utla_code, utla_name
select
    ltla22cd as ltla_code,
    ltla22nm as ltla_name,
    utla22cd as utla_code,
    utla22nm as utla_name
from raw_ons_ltla_utla_2022
