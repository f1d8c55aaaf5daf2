-- Defra's 2011 Rural-Urban Classification of districts (2011 boundaries) with the 2011 Census
-- populations behind it. Labels carry trailing spaces in the file; the reader trims them.
-- test unique: lad11_code
-- test not_null: lad11_code, lad11_name, ruc11_code, ruc11_name, rural_population, hub_town_population, total_population
-- test relationships: lad11_code -> stg_la_codes__all.lad_code
-- test expression: ruc11_code between 1 and 6
-- test expression: rural_population + hub_town_population <= total_population
-- test expression: (select count(*) from stg_ruc2011__lad) = 326
select
    lad11_code,
    lad11_name,
    ruc11_code,
    ruc11_name,
    rural_population,
    hub_town_population,
    total_population
from raw_ruc2011_lad
