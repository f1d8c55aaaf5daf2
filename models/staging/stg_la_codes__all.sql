-- Every lower-tier council code in use since 2011, with the current (April 2025) lower- and
-- upper-tier councils that hold its area. A current code maps to itself.
-- test unique: lad_code
-- test not_null: lad_code, lad_name, lad_code_active, utla_code, is_current
-- test expression: not is_current or lad_code = lad_code_active
select
    ladcd as lad_code,
    ladnm as lad_name,
    ladcd_active as lad_code_active,
    utlacd as utla_code,
    rgncd as region_code,
    ctrycd as country_code,
    current as is_current
from raw_la_all_codes
