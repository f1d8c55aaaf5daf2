-- Adult social care activity per council (ONS code), financial year, setting and provision,
-- with the spelling it was published under. Only rows matched to a council (codes E06, E08,
-- E09, E10) are kept: 2017, whose rows carry no council name, cannot be attributed and is
-- left out; so are regions, England and council-type totals, and the two councils abolished
-- in 2009 (Cheshire, Bedfordshire). See int_asc_activity__council_match for the matching.
-- test unique: area_code, year, setting, provision
-- test not_null: area_code, year, financial_year, setting, provision, era, ages, published_name
-- test expression: regexp_full_match(area_code, 'E(06|08|09|10)[0-9]{6}')
-- test expression: year <> 2017
select
    m.area_code,
    s.year,
    s.financial_year,
    s.setting,
    s.provision,
    s.activity,
    s.percent_sector,
    s.era,
    s.ages,
    s.published_name,
    m.match_method,
    s.source_row
from stg_asc_activity__provision s
join int_asc_activity__council_match m using (year, published_name)
where regexp_full_match(m.area_code, 'E(06|08|09|10)[0-9]{6}')
