-- Estimated people aged 65 and over with dementia, by 5-year age band and sex, for the
-- England and every upper-tier council: CFAS II prevalence (Matthews et al., Lancet 2013) times the population of
-- the band, for every mid-year estimate (2015-2022) and projection year (each area's projection
-- edition, named on every row). low and high apply the rate's
-- 95% confidence limits to the same population. For persons, the figures are the sums of the
-- male and female ones and the rates are implied (people with dementia / population).
-- Assumes England's age- and sex-specific prevalence of 2008-2011 holds everywhere and in every
-- year: no adjustment for rurality, deprivation or changes in prevalence over time. The 90+
-- band uses the 90+ rate for everyone aged 90 and over.
-- test unique: series, year, area_code, sex, band_start
-- test not_null: series, year, area_code, area_name, sex, age_band, band_start, population, prevalence, prevalence_lower_95, prevalence_upper_95, people_with_dementia, people_with_dementia_low, people_with_dementia_high
-- test accepted_values: series = estimate, projection
-- test accepted_values: sex = male, female, persons
-- test accepted_values: band_start = 65, 70, 75, 80, 85, 90
-- test relationships: area_code -> int_areas__reported.area_code
-- test expression: people_with_dementia_low <= people_with_dementia and people_with_dementia <= people_with_dementia_high
-- test expression: sex = 'persons' or abs(people_with_dementia - population * prevalence) < 1e-6
-- test expression: people_with_dementia <= population
with by_sex as (
    select
        p.series, p.year, p.area_code, p.area_name, p.projection_edition, p.projection_label, p.sex, p.age_band, p.band_start,
        p.population,
        r.prevalence,
        r.prevalence_lower_95,
        r.prevalence_upper_95,
        p.population * r.prevalence as people_with_dementia,
        p.population * r.prevalence_lower_95 as people_with_dementia_low,
        p.population * r.prevalence_upper_95 as people_with_dementia_high
    from needs_population_by_band p
    -- A left join, so that a band with no rate shows up as a null (and fails the tests)
    -- instead of vanishing from the totals.
    left join stg_cfas2__dementia_rates r using (band_start, sex)
    where p.band_start >= 65 and p.sex in ('male', 'female')
),
persons as (
    select
        series, year, area_code, area_name, projection_edition, projection_label, 'persons' as sex, age_band, band_start,
        sum(population) as population,
        sum(people_with_dementia) / sum(population) as prevalence,
        sum(people_with_dementia_low) / sum(population) as prevalence_lower_95,
        sum(people_with_dementia_high) / sum(population) as prevalence_upper_95,
        sum(people_with_dementia) as people_with_dementia,
        sum(people_with_dementia_low) as people_with_dementia_low,
        sum(people_with_dementia_high) as people_with_dementia_high
    from by_sex
    group by all
    -- Persons need both sexes; one missing would understate them silently.
    having case when count(*) <> 2 then error('dementia: ' || area_code || ' ' || series || ' ' || year || ' band ' || age_band || ' lacks a sex') else true end
)
select * from by_sex
union all
select * from persons
