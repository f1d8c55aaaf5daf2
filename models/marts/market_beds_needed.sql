-- Care home beds needed in 2030, 2035 and the projection's last year (2047 or 2043) to keep today's provision per 1,000 people aged
-- 75 and over, for every upper-tier council and England, from each area's projection edition
-- (named on every row: the 2018-based projections end in 2043, so 2047 is not given for them). The assumptions travel as columns so that the page can state them:
--   * today's rate is beds in CQC's spring 2021 snapshot per 1,000 aged 75+ in the population
--     year closest to it (market_beds_per_population: mid-2021), held constant;
--   * the 75+ population comes from the area's projection edition (projection_edition): ONS's
--     2022-based subnational projections, migration category variant, where its file has the
--     area, else the 2018-based principal projection; neither starts from the estimate the
--     rate uses, so base and projection are not one series;
--   * nothing else changes: no shift to care at home, no change in health at older ages or
--     in the use of care homes by people under 75.
-- additional_beds is beds_needed less the beds in the snapshot.
-- test unique: area_code, target_year
-- test not_null: area_code, area_name, target_year, beds, beds_per_1000_aged_75_plus, rate_population_year, projected_aged_75_plus, beds_needed, additional_beds, projection, assumption
-- test expression: target_year in (2030, 2035, 2043, 2047)
-- test relationships: area_code -> int_areas__reported.area_code
-- test expression: abs(beds_needed - beds_per_1000_aged_75_plus * projected_aged_75_plus / 1000) < 1e-6
-- test expression: abs(additional_beds - (beds_needed - beds)) < 1e-6
select
    r.area_code,
    r.area_name,
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
    p.projection_label as projection,
    p.projection_edition,
    'Beds per 1,000 aged 75+ held at the ' || r.population_year || ' rate (' || round(r.beds_per_1000_aged_75_plus, 1)
        || '), CQC beds of ' || strftime(r.snapshot_date, '%B %Y') || '; no change in how care is provided' as assumption
from market_beds_per_population r
join needs_population_older p on p.area_code = r.area_code and p.series = 'projection'
where p.year in (2030, 2035)
    or p.year = (select max(q.year) from needs_population_older q where q.area_code = p.area_code and q.series = 'projection')
