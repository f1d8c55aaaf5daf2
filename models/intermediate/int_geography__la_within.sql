-- Which areas each English lower-tier council code used since 2011 lies within: itself, the
-- current lower-tier council holding it, the current upper-tier council (April 2025 codes) and
-- the upper-tier council as the population estimates code it. A configured council, whether a
-- district, a unitary or a county, collects the small areas and districts of any vintage whose
-- code lies within it, so data on 2011 or 2019 boundaries lands in today's councils without a
-- council code in the SQL.
-- test unique: lad_code, area_code
-- test not_null: lad_code, area_code
-- test relationships: lad_code -> stg_la_codes__all.lad_code
select distinct lad_code, area_code
from (
    select lad_code, lad_code as area_code from stg_la_codes__all where country_code = (select area_code from seed_england)
    union all
    select lad_code, lad_code_active from stg_la_codes__all where country_code = (select area_code from seed_england)
    union all
    select lad_code, utla_code from stg_la_codes__all where country_code = (select area_code from seed_england)
    union all
    select lad_code, utla_code from int_geography__la_to_upper_tier where utla_code is not null
)
