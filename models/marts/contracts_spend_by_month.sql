-- Each council's spend by month of payment date and category (Darlington's expense type,
-- Trafford's Proclass category). Darlington's dates are invoice dates, so its months reach back
-- before 2021; lines without a category are 'Not categorised'.
-- test unique: council_code, month, category
-- test not_null: council_code, source_id, month, category, lines, amount, asc_amount
-- test expression: lines > 0
select
    council_code,
    source_id,
    date_trunc('month', payment_date)::date as month,
    coalesce(category, 'Not categorised') as category,
    bool_or(is_adult_social_care) as is_adult_social_care,
    count(*)::integer as lines,
    sum(amount) as amount,
    coalesce(sum(amount) filter (where is_adult_social_care), 0) as asc_amount
from int_spend__lines
group by all
