-- IoD2025 for every LSOA in England (2021 geography), with where it lies: its 2024 ward and
-- lower-tier council (ONS's LSOA21-ward24-LTLA24 lookup), its 2021 Rural-Urban Classification,
-- and its MSOA (2021) with the House of Commons Library name, found by name as for 2019 (an
-- LSOA's name is its MSOA's name and a letter; 2021 names are current).
-- test unique: lsoa21_code
-- test not_null: lsoa21_code, lsoa21_name, lad_code, ward24_code, msoa21_code, msoa21_name, ruc21_class
-- test relationships: lad_code -> stg_la_codes__all.lad_code
-- test expression: (select count(*) from int_deprivation__lsoa_2025) = 33755
with msoas as (
    select msoa21_code, msoa_name as msoa21_name, msoa_hcl_name as msoa21_hcl_name
    from stg_hcl__msoa_names
    where country_code = (select area_code from seed_england) and msoa21_code is not null
)
select
    d.* exclude (source_file),
    l.lsoa21_name,
    l.ltla24_code as lad_code,
    l.ltla24_name as lad_name,
    l.ward24_code,
    l.ward24_name,
    r.ruc21_class,
    r.ruc21_urban_rural,
    m.msoa21_code,
    m.msoa21_name,
    m.msoa21_hcl_name
from stg_iod2025_england__lsoa_domains d
left join stg_geography_lsoa21__ward24_ltla24 l using (lsoa21_code)
left join stg_geography_lsoa21__ruc21 r using (lsoa21_code)
left join msoas m on m.msoa21_name = regexp_replace(l.lsoa21_name, '[A-Za-z]$', '')
