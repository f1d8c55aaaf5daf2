-- ASCOF 2020-21 (NHS Digital), one row per area and ASCOF measure code. The published file is
-- long, one row per measure type (Outcome, Numerator, Denominator, Base, Margin Of Error);
-- here they become columns. Markers '[x]' (not available) and '[c]' (suppressed for disclosure
-- control) become null, never 0, and missing_reason carries the outcome's marker.
-- Council Type rows (shire counties, unitaries, …) have no ONS code: their area_code is the
-- published letter code (S, U, M, I, O), unique within that level. England is E92000001 as
-- published; the expression test below stops the run if an edition ever says otherwise.
-- cassr_code is the council's CASSR code (417 is Shropshire), for councils only: at other
-- levels the same column holds region letters or 'England', which are not CASSR codes.
-- test unique: geography_level, area_code, measure_code
-- test not_null: year, geography_level, area_code, area_name, measure_group, measure_group_description, measure_code, disaggregation
-- test accepted_values: geography_level = Council, Region, Council Type, England
-- test accepted_values: missing_reason = not available, suppressed
-- test expression: outcome is not null or missing_reason is not null
-- test expression: outcome is null or missing_reason is null
-- test expression: geography_level <> 'England' or area_code = 'E92000001'
-- test expression: (geography_level = 'Council') = (cassr_code is not null)
-- test expression: starts_with(measure_code, measure_group)
with typed as (
    select
        *,
        -- A value that is neither a number nor a marker was rejected on load, so this cast
        -- fails only on something new, and loudly.
        case when measure_value in ('[x]', '[c]') then null else cast(measure_value as double) end as number
    from raw_ascof_2020_21
)
select
    -- One edition per source file; the reporting year is the edition's.
    '2020-21' as year,
    geographical_level as geography_level,
    coalesce(ons_code, geographical_code) as area_code,
    geographical_description as area_name,
    case when geographical_level = 'Council' then geographical_code end as cassr_code,
    measure_group,
    measure_group_description,
    ascof_measure_code as measure_code,
    disaggregation_level as disaggregation,
    max(number) filter (where measure_type = 'Outcome') as outcome,
    max(number) filter (where measure_type = 'Numerator') as numerator,
    max(number) filter (where measure_type = 'Denominator') as denominator,
    max(number) filter (where measure_type = 'Base') as base,
    max(number) filter (where measure_type = 'Margin Of Error') as margin_of_error,
    case max(measure_value) filter (where measure_type = 'Outcome')
        when '[x]' then 'not available'
        when '[c]' then 'suppressed'
    end as missing_reason
from typed
group by
    geographical_level, ons_code, geographical_code, geographical_description,
    measure_group, measure_group_description, ascof_measure_code, disaggregation_level
-- max() would silently pick one of two rows of the same type; stop the build instead.
having case
    when count(*) > count(distinct measure_type)
        then error('ASCOF: a measure type appears twice for ' || geographical_level || ' ' || geographical_code || ' ' || ascof_measure_code)
    else true
end
