-- The re-commissioning pipeline: contracts (and their total value) ending within 6, 12 and 18
-- months of the run date, for every council with a register, cumulative (the 12-month figure includes the 6-month one), by
-- department and service category, by department, and for the whole council. Every category
-- appears for every window, with zero where nothing ends, so a chart shows gaps as zeros.
-- test unique: council_code, department, category, window_months
-- test not_null: council_code, department, category, window_months, contracts_ending, value_ending, contracts_total, is_illustrative
-- test accepted_values: window_months = 6, 12, 18
-- test expression: contracts_ending <= contracts_total
-- test expression: value_ending >= 0
with windows as (
    select * from (values (6), (12), (18)) as t(window_months)
),
marked as (
    select
        w.window_months,
        r.*,
        r.end_date >= r.as_at and r.end_date < r.as_at + to_months(w.window_months) as ends_in_window
    from contracts_register r
    cross join windows w
)
select
    council_code,
    coalesce(department, 'All departments') as department,
    coalesce(category, 'All services') as category,
    window_months,
    count(*) filter (where ends_in_window)::integer as contracts_ending,
    coalesce(sum(value) filter (where ends_in_window), 0) as value_ending,
    count(*) filter (where end_date >= as_at)::integer as contracts_live,
    count(*)::integer as contracts_total,
    bool_or(is_illustrative) as is_illustrative
from marked
group by grouping sets ((council_code, department, category, window_months), (council_code, department, window_months), (council_code, window_months))
