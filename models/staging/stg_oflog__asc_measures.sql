-- Oflog adult social care measures, one row per council, financial year and measure.
-- ASC7 (workforce turnover) is left out: it derives from Skills for Care estimates whose terms
-- of reuse are unverified, so the project does not publish it (see sources/oflog-asc-measures.ts).
-- An empty Value is 'not published' (missing or suppressed by Oflog; the file does not say which).
-- better_direction comes from rank_order: desc (any case) means higher is better, asc lower;
-- 'None' (ASC6: neither direction is better) gives null. Oflog blanks rank_order wherever it
-- blanks the value, but the direction belongs to the measure, so it is taken from the
-- measure's other rows; a measure with two directions would duplicate its rows and fail the
-- unique test, and an unknown rank_order fails accepted_values.
-- ASC2 (quality of life score) is 0 for five councils in 2019-20, while every other value
-- that year lies between 0.296 and 0.468: a missing value written as 0. It is staged as missing
-- ('recorded as 0'), so that no page shows a published zero that Oflog did not mean.
-- test unique: financial_year, area_code, measure_code
-- test not_null: financial_year, year_end, area_code, area_name, council_type, region, measure_code, measure, median
-- test accepted_values: measure_code = ASC1, ASC2, ASC3, ASC4, ASC5, ASC6
-- test accepted_values: council_type = Unitary Authorities, Counties, Metropolitan Districts, London Boroughs
-- test accepted_values: missing_reason = not published, recorded as 0
-- test accepted_values: better_direction = higher, lower
-- test expression: (value is null) = (missing_reason is not null)
-- test expression: regexp_full_match(financial_year, '[0-9]{4}-[0-9]{2}')
-- test expression: right(financial_year, 2) = right(cast(year_end as varchar), 2)
-- test expression: regexp_full_match(area_code, 'E[0-9]{8}')
with directions as (
    select distinct
        code,
        case lower(rank_order)
            when 'desc' then 'higher'
            when 'asc' then 'lower'
            when 'none' then null
            else 'unrecognised rank_order ' || rank_order
        end as better_direction
    from raw_oflog_asc_measures
    where rank_order is not null
)
select
    m.financial_year,
    cast(left(m.financial_year, 4) as integer) + 1 as year_end,
    m.local_authority_code as area_code,
    m.local_authority_name as area_name,
    m.entity_name as council_type,
    m.region,
    m.code as measure_code,
    m.measure,
    case when m.code = 'ASC2' and m.value = 0 then null else m.value end as value,
    case
        when m.value is null then 'not published'
        when m.code = 'ASC2' and m.value = 0 then 'recorded as 0'
    end as missing_reason,
    m.median,
    d.better_direction
from raw_oflog_asc_measures m
left join directions d using (code)
where m.code <> 'ASC7'
