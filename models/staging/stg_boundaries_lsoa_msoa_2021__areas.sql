-- Small areas on 2021 boundaries (LSOAs and MSOAs) with their geometry as GeoJSON text: one row
-- per area, from whichever councils' files are declared. Renamed and typed only.
-- test unique: level, area_code
-- test not_null: level, area_code, feature_number, geometry
-- test accepted_values: level = lsoa, msoa
select
    level,
    area_code,
    area_name,
    council_code,
    feature_number,
    geometry
from raw_boundaries_lsoa_msoa_2021
