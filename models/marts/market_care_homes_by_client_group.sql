-- Care homes and beds by the client group a Market Position Statement is written for, for
-- England and every upper-tier council, from CQC's care directory of spring 2021:
--   * older people: homes registered for the older people service-user band (65+);
--   * working-age adults: homes registered for learning disabilities or autism, mental health
--     or physical disability (the bands through which councils commission care for adults aged
--     18 to 64).
-- A home registered for both counts in both: CQC registers bands, not beds set aside, so a
-- home's beds all count towards every group it is registered for, and the groups' beds do not
-- add up to the council's. with_dementia counts the group's homes also registered for dementia.
-- test unique: area_code, client_group
-- test not_null: area_code, area_name, client_group, homes, beds, homes_with_nursing, beds_with_nursing, homes_dementia, snapshot_date
-- test accepted_values: client_group = older people, working-age adults
-- test relationships: area_code -> int_areas__reported.area_code
-- test expression: homes_with_nursing <= homes and beds_with_nursing <= beds and homes_dementia <= homes
-- test expression: (select count(*) from market_care_homes_by_client_group) = 2 * (select count(*) from int_areas__reported)
with homes as (
    select council_code, with_nursing, band_dementia, beds, 'older people' as client_group
    from int_care_homes__locations where band_older_people
    union all
    select council_code, with_nursing, band_dementia, beds, 'working-age adults'
    from int_care_homes__locations
    where band_learning_disabilities_autism or band_mental_health or band_physical_disability
),
by_area as (
    select council_code as area_code, * exclude (council_code) from homes
    union all
    select (select area_code from seed_england), * exclude (council_code) from homes
),
groups as (
    select r.area_code, r.area_name, g.client_group
    from int_areas__reported r
    cross join (values ('older people'), ('working-age adults')) g(client_group)
)
select
    g.area_code,
    g.area_name,
    g.client_group,
    count(b.beds)::integer as homes,
    coalesce(sum(b.beds), 0)::integer as beds,
    count(b.beds) filter (where b.with_nursing)::integer as homes_with_nursing,
    coalesce(sum(b.beds) filter (where b.with_nursing), 0)::integer as beds_with_nursing,
    count(b.beds) filter (where b.band_dementia)::integer as homes_dementia,
    (select max(registered_on) from int_care_homes__locations) as snapshot_date
from groups g
left join by_area b on b.area_code = g.area_code and b.client_group = g.client_group
group by g.area_code, g.area_name, g.client_group
