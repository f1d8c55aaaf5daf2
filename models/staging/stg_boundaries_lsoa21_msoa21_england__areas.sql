-- Every LSOA and MSOA (2021) in England with its geometry as GeoJSON text: one row per area, as
-- the national super-generalised files hold them. Renamed and typed only; the council comes
-- from the LSOA lookup in needs_small_area_boundaries.
-- test unique: level, area_code
-- test not_null: level, area_code, area_name, feature_number, geometry
-- test accepted_values: level = lsoa, msoa
select
    level,
    area_code,
    area_name,
    feature_number,
    geometry
from raw_boundaries_lsoa21_msoa21_england
