-- Small-area boundaries for councils' maps: its LSOAs and MSOAs (2021), each
-- with its GeoJSON geometry as text and its position in the published file (maps draw in that
-- order). No rows for a council whose boundary files are not bundled; the Places page then says
-- maps are not available.
-- test unique: council_code, level, area_code
-- test not_null: council_code, level, area_code, feature_number, geometry
-- test accepted_values: level = lsoa, msoa
select
    c.area_code as council_code,
    b.level,
    b.area_code,
    b.area_name,
    b.geometry,
    b.feature_number
from stg_boundaries_lsoa_msoa_2021__areas b
join int_areas__reported c on b.council_code = c.area_code
