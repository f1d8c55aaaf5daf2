-- Care homes and registered beds by type, for every council in England and England itself,
-- from CQC's care directory of spring 2021 (the snapshot_date is the latest registration in
-- the file). Councils are upper-tier (area_level 'council': the councils responsible for adult
-- social care); districts (area_level 'district') are listed too, so that a district can be
-- looked up, but they are part of their county's figures: add up 'council' rows only.
-- Types: with nursing counts every home registered for nursing care, including the 216 in
-- England registered both with and without; residential only is the rest. Dementia and older
-- people are CQC service-user bands a home is registered for, not beds set aside: a home's
-- beds all count towards every band it is registered for. Homes are placed in councils by
-- their location's point in 2024 boundaries (VirtUK's join), not by CQC's own council field.
-- test unique: area_code
-- test not_null: area_code, area_name, area_level, homes, beds, homes_with_nursing, beds_with_nursing, homes_dementia, beds_dementia, snapshot_date
-- test accepted_values: area_level = council, district, country
-- test expression: homes_with_nursing + homes_residential_only = homes
-- test expression: beds_with_nursing + beds_residential_only = beds
-- test expression: beds_dementia <= beds and beds_older_people <= beds
-- test expression: (select count(*) from market_care_homes where area_level = 'council') = (select count(*) from int_areas__reported where level = 'council')
with homes as (
    select * from int_care_homes__locations
),
by_area as (
    select council_code as area_code, 'council' as area_level, * exclude (council_code) from homes
    union all by name
    select lad_code as area_code, 'district' as area_level, * exclude (council_code) from homes where lad_code like 'E07%'
    union all by name
    select (select area_code from seed_england) as area_code, 'country' as area_level, * exclude (council_code) from homes
),
totals as (
    select
        area_code,
        area_level,
        -- Counts as INTEGER: DuckDB would make sums of integers HUGEINT.
        count(*)::integer as homes,
        sum(beds)::integer as beds,
        count(*) filter (where with_nursing)::integer as homes_with_nursing,
        coalesce(sum(beds) filter (where with_nursing), 0)::integer as beds_with_nursing,
        count(*) filter (where not with_nursing)::integer as homes_residential_only,
        coalesce(sum(beds) filter (where not with_nursing), 0)::integer as beds_residential_only,
        count(*) filter (where band_dementia)::integer as homes_dementia,
        coalesce(sum(beds) filter (where band_dementia), 0)::integer as beds_dementia,
        count(*) filter (where band_older_people)::integer as homes_older_people,
        coalesce(sum(beds) filter (where band_older_people), 0)::integer as beds_older_people,
        count(*) filter (where beds = 0)::integer as homes_with_no_beds,
        any_value(lad_name) filter (where area_level = 'district') as district_name
    from by_area
    group by area_code, area_level
),
with_none as (
    -- A council where the file places no care home (the City of London) has a row of zeros:
    -- the directory lists every registered home, so none is a count, not a gap.
    select * from totals
    union all by name
    select
        r.area_code, 'council' as area_level,
        0 as homes, 0 as beds, 0 as homes_with_nursing, 0 as beds_with_nursing, 0 as homes_residential_only,
        0 as beds_residential_only, 0 as homes_dementia, 0 as beds_dementia, 0 as homes_older_people,
        0 as beds_older_people, 0 as homes_with_no_beds
    from int_areas__reported r
    where r.level = 'council' and r.area_code not in (select area_code from totals)
)
select
    t.area_code,
    coalesce(a.area_name, t.district_name) as area_name,
    t.area_level,
    t.* exclude (area_code, area_level, district_name),
    case when t.homes > 0 then t.beds / t.homes end as average_beds,
    (select max(registered_on) from int_care_homes__locations) as snapshot_date
from with_none t
left join int_areas a using (area_code)
