-- The south-west CQC API care homes with the ONS code of their council. CQC names the council
-- (Devon, Plymouth, Somerset, Torbay); the name is matched against the upper-tier councils of
-- the latest population estimates, so Somerset is Somerset Council (E06000066, April 2023),
-- which covers the same area as the county council of 2021 and is the code the England care
-- home file uses too. A name matching no council, or two, fails the tests below.
-- test unique: location_id
-- test not_null: location_id, area_code, provider_id, beds
-- test expression: regexp_full_match(area_code, 'E(06|08|09|10)[0-9]{6}')
with councils as (
    select distinct area_code, area_name
    from int_population__estimates
    where year = (select max(year) from int_population__estimates)
      and regexp_full_match(area_code, 'E(06|08|09|10)[0-9]{6}')
)
select c.area_code, l.*
from stg_cqc_api_southwest_2021__locations l
left join councils c on c.area_name = l.local_authority
