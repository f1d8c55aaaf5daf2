-- The 2011 Rural-Urban Classification for every area that 2011 districts lie within (today's
-- lower- and upper-tier councils, and the old codes themselves), with the 2011 Census population
-- behind it: rural, rural-related hub towns, and total, summed over the 2011 districts in the area.
-- rural_share is Defra's measure, the share living in rural areas or hub towns; its thresholds
-- define the rural classes (1 Mainly Rural >= 80%, 2 Largely Rural 50-79%, 3 Urban with
-- Significant Rural 26-49%). The class is Defra's own where published: the UTLA 2021 lookup for
-- counties and unitaries, else the district file for an area whose code is a 2011 district.
-- The class code (1-6) comes from the district file's own code and label pairs.
-- The expression test checks each published class against the share summed here: a district
-- lost or counted twice would break it.
-- test unique: area_code
-- test not_null: area_code, rural_population, hub_town_population, total_population, rural_share
-- test expression: rural_share between 0 and 1
-- test expression: ruc11_code is null or case when ruc11_code = 1 then rural_share >= 0.795 when ruc11_code = 2 then rural_share between 0.495 and 0.805 when ruc11_code = 3 then rural_share between 0.255 and 0.505 else rural_share < 0.265 end
-- test expression: (ruc11_6_fold is null) = (ruc11_code is null)
with classes as (
    -- 'Largely Rural (rural including hub towns 50-79%)' -> 2, 'Largely Rural'
    select distinct ruc11_code, regexp_replace(ruc11_name, '\s*\(.*\)\s*$', '') as ruc11_6_fold
    from stg_ruc2011__lad
),
populations as (
    select
        w.area_code,
        sum(r.rural_population) as rural_population,
        sum(r.hub_town_population) as hub_town_population,
        sum(r.total_population) as total_population,
        count(*) as districts_2011
    from stg_ruc2011__lad r
    join int_geography__la_within w on w.lad_code = r.lad11_code
    group by w.area_code
),
published as (
    select utla21_code as area_code, ruc11_6_fold, ruc11_3_fold, 'UTLA 2021 lookup (17 October 2023)' as classified_in
    from stg_ruc2011__utla
    union all
    select r.lad11_code, c.ruc11_6_fold, null, 'LAD 2011 file (v2)'
    from stg_ruc2011__lad r
    join classes c using (ruc11_code)
    where r.lad11_code not in (select utla21_code from stg_ruc2011__utla)
)
select
    p.area_code,
    p.rural_population,
    p.hub_town_population,
    p.total_population,
    p.districts_2011,
    (p.rural_population + p.hub_town_population) / p.total_population as rural_share,
    c.ruc11_code,
    k.ruc11_6_fold,
    k.ruc11_3_fold,
    k.classified_in
from populations p
left join published k using (area_code)
left join classes c using (ruc11_6_fold)
