-- CFAS II dementia prevalence (Matthews et al., Lancet 2013) by 5-year age band and sex, ages
-- 65+, as proportions (0.012 = 1.2%) with their 95% confidence limits. band_start matches the
-- population marts' band_start (90 for 90+), and sex their lower-case labels, so the two join
-- without string handling downstream.
-- test unique: band_start, sex
-- test not_null: age_band, band_start, sex, prevalence, prevalence_lower_95, prevalence_upper_95
-- test accepted_values: sex = male, female
-- test accepted_values: band_start = 65, 70, 75, 80, 85, 90
-- test expression: prevalence_lower_95 <= prevalence and prevalence <= prevalence_upper_95
-- test expression: prevalence between 0 and 1
select
    age_band,
    cast(regexp_extract(age_band, '^([0-9]+)', 1) as integer) as band_start,
    lower(sex) as sex,
    prevalence,
    prevalence_lower_95,
    prevalence_upper_95,
    _source_file as source_file
from raw_dementia_prevalence_cfas2
