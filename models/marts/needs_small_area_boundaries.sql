-- Small-area boundaries for maps, for every council in England: each LSOA and MSOA (2021) with
-- the upper-tier council it lies in, its GeoJSON geometry as text and its position in the
-- published file (maps draw in that order). An LSOA's council comes from the LSOA 2021 -> ward
-- 2024 -> LTLA 2024 lookup; an MSOA's from its LSOAs (an LSOA's name is its MSOA's and a letter;
-- MSOAs nest in councils, so the council most of its LSOAs are in). Page data filters it with `where council_code = {council}`.
-- test unique: level, area_code
-- test not_null: council_code, level, area_code, feature_number, geometry
-- test accepted_values: level = lsoa, msoa
-- test relationships: council_code -> int_councils__upper_tier.area_code
-- test expression: (select count(*) from needs_small_area_boundaries where level = 'lsoa') = (select count(*) from stg_iod2025_england__lsoa_domains)
with lsoa_councils as (
    select w.lsoa21_code, w.lsoa21_name, u.utla_code as council_code
    from stg_geography_lsoa21__ward24_ltla24 w
    join int_geography__la_to_upper_tier u on u.lad_code = w.ltla24_code
    where substr(w.lsoa21_code, 1, 1) = 'E'
),
msoa_councils as (
    -- The council most of its LSOAs are in: the ward lookup is best fit, so an LSOA on a border
    -- can sit with a neighbouring council's ward (West Northamptonshire 048 has one).
    select regexp_replace(lsoa21_name, '[A-Z]$', '') as msoa21_name, mode(council_code order by council_code) as council_code
    from lsoa_councils
    group by 1
)
select
    coalesce(l.council_code, m.council_code) as council_code,
    b.level,
    b.area_code,
    b.area_name,
    b.geometry,
    b.feature_number
from stg_boundaries_lsoa21_msoa21_england__areas b
left join lsoa_councils l on b.level = 'lsoa' and l.lsoa21_code = b.area_code
left join msoa_councils m on b.level = 'msoa' and m.msoa21_name = b.area_name
