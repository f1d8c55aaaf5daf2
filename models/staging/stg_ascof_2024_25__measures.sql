-- ASCOF time series 2015-16 to 2024-25 (DHSC), one row per area, measure and year. The raw
-- table is one row per published cell; here each year's figures become columns: outcome,
-- numerator and denominator (counts-based measures), margin of error and respondents (survey
-- measures), and for 6B the 6b numerator and denominator (providers rated good or outstanding
-- of those rated) with the outstanding and good counts. Markers become null, never 0, and
-- missing_reason carries the outcome cell's marker: [x] not available, [c] suppressed, [z] not
-- applicable (a carer-survey year without the survey). The 2016-17 carer-survey cells hold
-- two figures ('7.8 (6.4)', two weightings): both are left out, with the reason.
-- Council Type rows have no ONS code: their area_code is the published letter (S, U, M, I, O)
-- or, where a table prints [z] for it, the council type's name.
-- test unique: geography_level, area_code, measure_code, year
-- test not_null: year, geography_level, area_code, area_name, measure_code
-- test accepted_values: geography_level = Council, Region, Council Type, England
-- test accepted_values: missing_reason = not available, suppressed, not applicable, published as two figures, not published
-- test expression: outcome is not null or missing_reason is not null
-- test expression: outcome is null or missing_reason is null
-- test expression: geography_level <> 'England' or area_code = 'E92000001'
-- test expression: (geography_level = 'Council') = (cassr_code is not null)
-- Wirral's 2024-25 4B counts are published with the numerator above the denominator and the
-- outcome [z]: counts are checked where an outcome is published.
-- test expression: outcome is null or numerator is null or denominator is null or numerator <= denominator or measure_code in ('2B', '2C')
with cells as (
    select
        *,
        case
            when value is null or value in ('[x]', '[c]', '[z]') then null
            when contains(value, '(') then null
            -- A cell that is neither a number nor a known marker stops the build.
            else coalesce(try_cast(value as double), error('ASCOF 2024-25: unreadable cell ' || value || ' in ' || sheet || ' ' || la_code || ' ' || year || ' ' || figure))
        end as number,
        case
            when value = '[x]' then 'not available'
            when value = '[c]' then 'suppressed'
            when value = '[z]' then 'not applicable'
            when contains(value, '(') then 'published as two figures'
            when value is null then 'not published'
        end as marker,
        -- Councils carry a numeric CASSR code, except those formed in 2023 from Cumbria
        -- (Cumberland H6X4G, Westmorland and Furness W8X1Q), published under their ODS
        -- organisation codes: an ONS council code marks a council whatever its LA code.
        regexp_matches(la_code, '^[0-9]+$') or regexp_matches(coalesce(area_code, ''), '^E(06|08|09|10)[0-9]{6}$') as is_council
    from raw_ascof_2024_25
)
select
    year,
    case
        when la_code = 'England' then 'England'
        when is_council then 'Council'
        when starts_with(area_code, 'E12') then 'Region'
        else 'Council Type'
    end as geography_level,
    -- Council types are published with the ONS code [z] (not applicable): their letter is their code.
    coalesce(nullif(area_code, '[z]'), case when starts_with(la_code, '[') then la_name else la_code end) as area_code,
    la_name as area_name,
    -- The published LA code of a council (CASSR code, or ODS code for the two above).
    case when is_council then la_code end as cassr_code,
    measure_code,
    max(number) filter (where figure in ('outcome', '6b outcome')) as outcome,
    max(number) filter (where figure in ('numerator', '6b numerator')) as numerator,
    max(number) filter (where figure in ('denominator', '6b denominator')) as denominator,
    max(number) filter (where figure = 'margin of error') as margin_of_error,
    max(number) filter (where figure = 'number of respondents') as respondents,
    max(number) filter (where figure = 'outstanding numerator') as rated_outstanding,
    max(number) filter (where figure = 'good numerator') as rated_good,
    max(marker) filter (where figure in ('outcome', '6b outcome')) as missing_reason
from cells
group by year, la_code, area_code, la_name, measure_code, is_council
-- max() would silently pick one of two cells of the same figure; stop the build instead.
having case
    when count(*) > count(distinct figure)
        then error('ASCOF 2024-25: a figure appears twice for ' || la_code || ' ' || measure_code || ' ' || year)
    else true
end
