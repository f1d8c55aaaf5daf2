-- The four features the comparator method compares, for every upper-tier council in the
-- newest population estimates: shares of residents aged 65+ and 85+ (newest mid-year estimate),
-- the 2011 rural share (rural plus hub towns, Defra) and the IoD2019 IMD average score.
-- The sum test checks that every 2011 district is counted in exactly one council.
-- test unique: area_code
-- test not_null: area_code, area_name, population, share_65_plus, share_85_plus, rural_share_2011, imd_average_score_2019
-- test expression: share_65_plus between 0 and 1 and share_85_plus between 0 and share_65_plus
-- test expression: (select sum(population_2011) from int_councils__comparison_features) = (select sum(total_population) from stg_ruc2011__lad)
with population as (
    select
        area_code,
        year,
        sum(population) as population,
        sum(population) filter (where age >= 65) as aged_65_plus,
        sum(population) filter (where age >= 85) as aged_85_plus
    from int_population__estimates
    where sex = 'persons' and year = (select max(year) from int_population__estimates)
    group by area_code, year
)
select
    c.area_code,
    c.area_name,
    c.area_type,
    p.year as population_year,
    p.population,
    p.aged_65_plus / p.population as share_65_plus,
    p.aged_85_plus / p.population as share_85_plus,
    r.total_population as population_2011,
    r.rural_share as rural_share_2011,
    r.ruc11_6_fold,
    s.imd_average_score as imd_average_score_2019,
    s.score_method as imd_score_method
from int_councils__upper_tier c
left join population p using (area_code)
left join int_rurality__areas r using (area_code)
left join int_deprivation__upper_tier_score_2019 s using (area_code)
