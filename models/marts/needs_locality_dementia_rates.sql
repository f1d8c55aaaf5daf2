-- The council's dementia method (needs_dementia_prevalence: CFAS II rates by age band and sex)
-- brought to the Census 2021 LSOA age bands, for every upper-tier council: a persons rate for
-- 65-69, 70-74, 75-79, 80-84 and 85+, weighting each sex's rate (and, for 85+, the 85-89 and
-- 90+ rates) by the council's own mid-2022 population (the first estimates on 2023 boundaries). A locality's estimate is the sum of its
-- residents in each band times its council's rate, with the 95% limits applied the same way.
-- The Census counts residents without sex by LSOA, hence the council's sex mix stands in.
-- test unique: council_code, band_start
-- test not_null: council_code, estimate_year, band_start, population, prevalence, prevalence_lower_95, prevalence_upper_95
-- test accepted_values: band_start = 65, 70, 75, 80, 85
-- test relationships: council_code -> int_councils__upper_tier.area_code
-- test expression: prevalence_lower_95 <= prevalence and prevalence <= prevalence_upper_95
-- test expression: (select count(*) from needs_locality_dementia_rates) = 5 * (select count(*) from int_councils__upper_tier)
with population as (
    select
        p.area_code as council_code,
        p.year,
        p.sex,
        case when p.age >= 90 then 90 else least(p.age // 5 * 5, 85) end as rate_band,
        least(p.age // 5 * 5, 85) as census_band,
        sum(p.population) as population
    from int_population__estimates p
    join int_councils__upper_tier c on c.area_code = p.area_code
    where p.year = 2022 and p.sex in ('male', 'female') and p.age >= 65
    group by all
)
select
    p.council_code,
    p.year as estimate_year,
    p.census_band as band_start,
    sum(p.population) as population,
    sum(p.population * r.prevalence) / sum(p.population) as prevalence,
    sum(p.population * r.prevalence_lower_95) / sum(p.population) as prevalence_lower_95,
    sum(p.population * r.prevalence_upper_95) / sum(p.population) as prevalence_upper_95
from population p
join stg_cfas2__dementia_rates r on r.band_start = p.rate_band and r.sex = p.sex
group by p.council_code, p.year, p.census_band
