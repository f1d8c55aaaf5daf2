-- Estimated people aged 65 and over with dementia for England and every upper-tier council, per series, year and sex:
-- the sums over the six age bands of needs_dementia_prevalence, with the share of people aged
-- 65+ that implies. low and high add up the bands' low and high figures: they assume every
-- band's rate errs the same way at once, so they are wider than a 95% interval for the total
-- and are best described as a plausible range.
-- test unique: series, year, area_code, sex
-- test not_null: series, year, area_code, area_name, sex, population_65_plus, people_with_dementia, people_with_dementia_low, people_with_dementia_high, prevalence_65_plus
-- test accepted_values: series = estimate, projection
-- test accepted_values: sex = male, female, persons
-- test relationships: area_code -> int_areas__reported.area_code
-- test expression: bands = 6
-- test expression: people_with_dementia_low <= people_with_dementia and people_with_dementia <= people_with_dementia_high
-- test expression: prevalence_65_plus between 0 and 1
select
    series, year, area_code, area_name, projection_edition, projection_label, sex,
    count(*)::integer as bands,
    sum(population) as population_65_plus,
    sum(people_with_dementia) as people_with_dementia,
    sum(people_with_dementia_low) as people_with_dementia_low,
    sum(people_with_dementia_high) as people_with_dementia_high,
    sum(people_with_dementia) / sum(population) as prevalence_65_plus
from needs_dementia_prevalence
group by all
