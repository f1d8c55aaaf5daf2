-- Care home beds against the people most likely to need them, for England and every upper-tier
-- council: beds per 1,000 people aged 75 and over, and beds per 100 people
-- aged 65+ estimated to have dementia.
-- Homes and beds are those registered for older people (the 65+ service-user band) in CQC's
-- spring 2021 snapshot (market_care_homes_by_client_group): the older people's market, not
-- every care home; all_homes and all_beds give the whole register. The population is the mid-year
-- estimate closest to the snapshot date, chosen per area from the years held: mid-2021
-- (30 June 2021, three months after the 31 March 2021 snapshot), Census 2021-based; the
-- population_year column says which year was used.
-- Dementia is the CFAS II estimate for the same year (needs_dementia_prevalence_totals);
-- the low and high ratios use its high and low estimates. Beds in homes registered for the
-- dementia service-user band are not dementia beds: such homes also take people without
-- dementia, and people with dementia also live in other homes and at home.
-- test unique: area_code
-- test not_null: area_code, area_name, snapshot_date, homes, beds, population_year, aged_75_plus, beds_per_1000_aged_75_plus, people_with_dementia, beds_per_100_people_with_dementia
-- test relationships: area_code -> int_areas__reported.area_code
-- test expression: (select count(*) from market_beds_per_population) = (select count(*) from int_areas__reported)
-- test expression: abs(beds_per_1000_aged_75_plus - 1000.0 * beds / aged_75_plus) < 1e-9
-- test expression: beds_per_100_people_with_dementia_low <= beds_per_100_people_with_dementia and beds_per_100_people_with_dementia <= beds_per_100_people_with_dementia_high
-- test expression: abs(date_diff('day', make_date(population_year, 6, 30), snapshot_date)) < 366
with closest as (
    select
        o.area_code,
        arg_min(o.year, abs(date_diff('day', make_date(o.year, 6, 30), h.snapshot_date))) as population_year
    from needs_population_older o
    join market_care_homes h using (area_code)
    where o.series = 'estimate'
    group by o.area_code
)
select
    h.area_code,
    h.area_name,
    h.snapshot_date,
    g.homes,
    g.beds,
    g.beds_with_nursing,
    h.homes as all_homes,
    h.beds as all_beds,
    h.beds_dementia,
    c.population_year,
    o.aged_65_plus,
    o.aged_75_plus,
    1000.0 * g.beds / o.aged_75_plus as beds_per_1000_aged_75_plus,
    1000.0 * g.beds_with_nursing / o.aged_75_plus as nursing_beds_per_1000_aged_75_plus,
    d.people_with_dementia,
    d.people_with_dementia_low,
    d.people_with_dementia_high,
    100.0 * g.beds / d.people_with_dementia as beds_per_100_people_with_dementia,
    100.0 * g.beds / d.people_with_dementia_high as beds_per_100_people_with_dementia_low,
    100.0 * g.beds / d.people_with_dementia_low as beds_per_100_people_with_dementia_high,
    100.0 * h.beds_dementia / d.people_with_dementia as dementia_registered_beds_per_100_people_with_dementia,
    'CQC care directory, spring 2021, homes registered for older people (latest registration ' || strftime(h.snapshot_date, '%-d %B %Y') || '); ONS mid-'
        || c.population_year || ' population estimate' as basis
from market_care_homes h
join market_care_homes_by_client_group g on g.area_code = h.area_code and g.client_group = 'older people'
join closest c on c.area_code = h.area_code
join needs_population_older o on o.area_code = h.area_code and o.series = 'estimate' and o.year = c.population_year
join needs_dementia_prevalence_totals d on d.area_code = h.area_code and d.series = 'estimate' and d.year = c.population_year and d.sex = 'persons'
where h.area_level in ('council', 'country')
