-- Care home beds needed in 2030, 2035 and 2047 to keep today's provision per 1,000 people aged
-- 75 and over, for the configured council and comparators (the projections do not cover
-- England). The assumptions travel as columns so that the page can state them:
--   * today's rate is beds in CQC's spring 2021 snapshot per 1,000 aged 75+ in the population
--     year closest to it (market_beds_per_population: mid-2021), held constant;
--   * the 75+ population comes from ONS's 2022-based subnational projections, migration
--     category variant (2023 boundaries), which start from mid-2022 as estimated before the
--     March 2024 revision, so base and projection are not one series;
--   * nothing else changes: no shift to care at home, no change in health at older ages or
--     in the use of care homes by people under 75.
-- additional_beds is beds_needed less the beds in the snapshot.
-- test unique: area_code, target_year
-- test not_null: area_code, area_name, role, target_year, beds, beds_per_1000_aged_75_plus, rate_population_year, projected_aged_75_plus, beds_needed, additional_beds, projection, assumption
-- test accepted_values: target_year = 2030, 2035, 2047
-- test accepted_values: role = council, comparator
-- test relationships: area_code -> int_configured_areas.area_code
-- test expression: abs(beds_needed - beds_per_1000_aged_75_plus * projected_aged_75_plus / 1000) < 1e-6
-- test expression: abs(additional_beds - (beds_needed - beds)) < 1e-6
select
    r.area_code,
    r.area_name,
    r.role,
    r.sort_order,
    r.snapshot_date,
    r.beds,
    r.population_year as rate_population_year,
    r.aged_75_plus as rate_aged_75_plus,
    r.beds_per_1000_aged_75_plus,
    p.year as target_year,
    p.aged_75_plus as projected_aged_75_plus,
    r.beds_per_1000_aged_75_plus * p.aged_75_plus / 1000 as beds_needed,
    r.beds_per_1000_aged_75_plus * p.aged_75_plus / 1000 - r.beds as additional_beds,
    p.aged_75_plus / r.aged_75_plus - 1 as growth_aged_75_plus,
    'ONS 2022-based subnational population projections, migration category variant (2023 boundaries)' as projection,
    'Beds per 1,000 aged 75+ held at the ' || r.population_year || ' rate (' || round(r.beds_per_1000_aged_75_plus, 1)
        || '), CQC beds of ' || strftime(r.snapshot_date, '%B %Y') || '; no change in how care is provided' as assumption
from market_beds_per_population r
join needs_population_older p on p.area_code = r.area_code and p.series = 'projection'
where p.year in (2030, 2035, 2047)
