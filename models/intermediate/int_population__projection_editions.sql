-- Which projection edition each area's series comes from: the 2022-based SNPP wherever it has
-- the area, else the 2018-based (Strategy Unit) file for upper-tier councils (those with adult
-- social care, by the April 2023 lookup) and England, which the 2022-based file lacks. One
-- edition per area, so a council's series is never stitched from two editions.
-- test unique: area_code
-- test not_null: area_code, projection_edition
-- test accepted_values: projection_edition = 2022-based, 2018-based
with latest as (
    select distinct area_code from int_population__projections
)
select area_code, '2022-based' as projection_edition from latest
union all
select distinct area_code, '2018-based' as projection_edition
from stg_snpp_2018__projections
where (area_code in (select utla23_code from stg_geography_lsoa21__ltla23_utla23) or area_type = 'Country')
  and area_code not in (select area_code from latest)
