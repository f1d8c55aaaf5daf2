-- The bundled IoD2025 LSOAs (2021 geography) with their MSOA (2021) and House of Commons
-- Library name, found by name as for 2019 (an LSOA's name is its MSOA's name and a letter;
-- 2021 names are current, so every LSOA should find its MSOA).
-- test unique: lsoa21_code
-- test not_null: lsoa21_code, lad_code, msoa21_code, msoa21_name
-- test relationships: lad_code -> stg_la_codes__all.lad_code
with msoas as (
    select msoa21_code, msoa_name as msoa21_name, msoa_hcl_name as msoa21_hcl_name
    from stg_hcl__msoa_names
    where country_code = (select area_code from config_areas where role = 'england') and msoa21_code is not null
)
select
    d.*,
    m.msoa21_code,
    m.msoa21_name,
    m.msoa21_hcl_name
from stg_iod2025__lsoa_shropshire d
left join msoas m on m.msoa21_name = regexp_replace(d.lsoa21_name, '[A-Za-z]$', '')
