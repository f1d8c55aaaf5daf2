-- Each English lower-tier council code used since 2011 (2011 districts, April 2019 districts,
-- today's) with the upper-tier council that now holds its area, as the newest population
-- estimates code it. Taken from the code itself when it is such a council, else from its
-- current lower-tier council, else from its current upper-tier council (la_all_codes). That
-- order matters: la_all_codes is on April 2025 codes, and Barnsley and Sheffield took new codes
-- in 2025 (E08000038, E08000039) that the mid-2022 estimates do not use. Codes with no such
-- council (those two new codes) have a null upper tier.
-- test unique: lad_code
-- test not_null: lad_code, lad_name
-- test relationships: utla_code -> int_councils__upper_tier.area_code
with councils as (select area_code from int_councils__upper_tier)
select
    l.lad_code,
    l.lad_name,
    case
        when l.lad_code in (select area_code from councils) then l.lad_code
        when l.lad_code_active in (select area_code from councils) then l.lad_code_active
        when l.utla_code in (select area_code from councils) then l.utla_code
    end as utla_code
from stg_la_codes__all l
where l.country_code = (select area_code from seed_england)
