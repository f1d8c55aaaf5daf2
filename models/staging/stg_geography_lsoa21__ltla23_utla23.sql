-- Each lower-tier council (April 2023) in England and Wales with its upper-tier council: the
-- county for a district, the council itself for a unitary, metropolitan district or borough.
-- test unique: ltla23_code
-- test not_null: ltla23_code, ltla23_name, utla23_code, utla23_name
-- test expression: substr(utla23_code, 1, 3) in ('E06', 'E08', 'E09', 'E10', 'W06')
-- test expression: (substr(ltla23_code, 1, 3) = 'E07') = (substr(utla23_code, 1, 3) = 'E10')
select
    ltla23_code,
    ltla23_name,
    utla23_code,
    utla23_name,
    _source_file as source_file
from raw_lookup_ltla23_utla23
