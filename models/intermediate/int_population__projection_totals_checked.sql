-- The single ages must add up to the published "All ages" total in every area, sex and year
-- (to 0.05: 91 values each rounded to 3 decimal places). A failure means rows were lost.
-- test expression: abs(sum_of_ages - published_total) < 0.05
select
    t.year, t.area_code, t.sex,
    t.population as published_total,
    (select sum(p.population) from int_population__projections p
     where p.year = t.year and p.area_code = t.area_code and p.sex = t.sex) as sum_of_ages
from stg_ons_snpp_2022__projections t
where t.is_all_ages
