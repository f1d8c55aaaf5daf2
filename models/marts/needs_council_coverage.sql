-- What the warehouse holds for each upper-tier council, and why not where it does not: the
-- evidence a site for that council can show. One row per council; a *_missing column is null
-- when the data is there and says what is missing (and how to add it) when it is not. The
-- warehouse-wide test (tests/integration/every-council.test.ts) checks every council has each
-- kind of data or a stated reason, and the home page prints the reasons for its council.
-- classification: public: only whether each council has a register, spend or grants file, and counts of published figures; no contract, supplier or payment values
-- test unique: area_code
-- test not_null: area_code, area_name, estimate_years, projection_edition, lsoas_2025, care_home_rows, outcome_indicators
-- test expression: (select count(*) from needs_council_coverage) = (select count(*) from int_councils__upper_tier)
-- test expression: outcome_indicators > 0 or outcomes_missing is not null
-- test expression: has_contract_register or contracts_missing is not null
with estimates as (
    select area_code, count(distinct year)::integer as estimate_years,
        count(distinct year) filter (where boundary_basis <> 'as published')::integer as years_summed
    from needs_population_by_age where series = 'estimate' group by area_code
),
projections as (
    select area_code, any_value(projection_edition) as projection_edition, any_value(projection_label) as projection_label,
        min(year)::integer as first_projection_year, max(year)::integer as last_projection_year
    from needs_population_by_age where series = 'projection' group by area_code
),
lsoas as (
    select area_code, count(*)::integer as lsoas_2025 from needs_deprivation_lsoa_2025 group by area_code
),
outcomes as (
    select area_code, count(distinct indicator_id) filter (where value is not null)::integer as outcome_indicators
    from outcomes_indicator_values_protected group by area_code
),
registers as (
    select distinct council_code as area_code from contracts_register
),
spend as (
    select distinct council_code as area_code from contracts_spend_by_supplier
),
grants as (
    select distinct council_code as area_code from contracts_grants_awards
),
boundaries as (
    select distinct council_code as area_code from needs_small_area_boundaries
)
select
    c.area_code,
    c.area_name,
    coalesce(e.estimate_years, 0) as estimate_years,
    coalesce(e.years_summed, 0) as estimate_years_summed_from_predecessors,
    coalesce(p.projection_edition, 'none') as projection_edition,
    p.projection_label,
    p.first_projection_year,
    p.last_projection_year,
    coalesce(l.lsoas_2025, 0) as lsoas_2025,
    (select count(*) from market_care_homes h where h.area_code = c.area_code)::integer as care_home_rows,
    coalesce(o.outcome_indicators, 0) as outcome_indicators,
    case when coalesce(o.outcome_indicators, 0) = 0 then
        'No outcome indicator is published for this council in the bundled ASCOF and Oflog files (a council formed after their year, or one published jointly with a neighbour)'
    end as outcomes_missing,
    r.area_code is not null as has_contract_register,
    case when r.area_code is null then
        'No contract register: add the council''s register as a CSV in the illustrative register''s shape (sources/illustrative-contract-register.ts) and declare it as a source'
    end as contracts_missing,
    s.area_code is not null as has_spend,
    case when s.area_code is null then
        'No spend over £500 file: add the council''s published file to sources/data/ and declare it beside sources/trafford-spend-2024-25.ts'
    end as spend_missing,
    g.area_code is not null as has_grants,
    case when g.area_code is null then
        'No 360Giving grants file: add it to sources/data/ and declare it beside sources/trafford-grants-360giving.ts'
    end as grants_missing,
    b.area_code is not null as has_small_area_boundaries,
    case when b.area_code is null then
        'No LSOA and MSOA boundaries for maps in the bundled England files (sources/boundaries-lsoa21-msoa21-england.ts)'
    end as boundaries_missing
from int_areas__reported c
left join estimates e using (area_code)
left join projections p using (area_code)
left join lsoas l using (area_code)
left join outcomes o using (area_code)
left join registers r using (area_code)
left join spend s using (area_code)
left join grants g using (area_code)
left join boundaries b using (area_code)
where c.level = 'council'
