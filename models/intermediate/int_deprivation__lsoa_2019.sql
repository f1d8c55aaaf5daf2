-- Every LSOA (2011) in England with its IoD2019 ranks and deciles, its MSOA (2011) and House of
-- Commons Library name, and the upper-tier council that now holds it.
-- The bundled lookups have no LSOA column, so the MSOA is found by name: an LSOA's name is its
-- MSOA's name and a letter ("Shropshire 027A" lies in "Shropshire 027"). IoD2019 keeps the
-- original 2011 LSOA names, but the lookup renamed the MSOAs of councils merged since (Dorset,
-- Bournemouth, Christchurch and Poole, Buckinghamshire, Northamptonshire, East and West Suffolk,
-- Somerset West and Taunton, Folkestone and Hythe), so about 1,600 LSOAs there have no MSOA.
-- test unique: lsoa11_code
-- test not_null: lsoa11_code, lad19_code, utla_code
-- test relationships: lad19_code -> stg_la_codes__all.lad_code
-- test relationships: msoa11_code -> stg_hcl__msoa_names.msoa11_code
with msoas as (
    select msoa11_code, msoa11_name, msoa11_hcl_name
    from stg_hcl__msoa_names
    where country_code = (select area_code from seed_england) and msoa11_code is not null
)
select
    d.*,
    m.msoa11_code,
    m.msoa11_name,
    m.msoa11_hcl_name,
    u.utla_code
from stg_iod2019__lsoa_domains d
left join msoas m on m.msoa11_name = regexp_replace(d.lsoa11_name, '[A-Za-z]$', '')
left join int_geography__la_to_upper_tier u on u.lad_code = d.lad19_code
