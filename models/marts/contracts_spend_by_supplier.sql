-- Each council's spend by supplier, all lines of its published year (net of credits). Lines to
-- individuals, which Trafford redacts, are one row, 'Redacted (individuals)', so that supplier
-- concentration can leave them out or show them. Internal: supplier names include sole traders.
-- share_of_council_total is the supplier's share of the council's net total; asc_share is the
-- part of the supplier's own total that is adult social care.
-- test unique: council_code, supplier_name
-- test not_null: council_code, supplier_name, lines, amount, share_of_council_total, asc_amount
-- test expression: lines > 0
-- test expression: asc_lines <= lines
select
    council_code,
    case when supplier_redacted then 'Redacted (individuals)' else supplier_name end as supplier_name,
    count(*)::integer as lines,
    sum(amount) as amount,
    sum(amount) / sum(sum(amount)) over (partition by council_code) as share_of_council_total,
    count(*) filter (where is_adult_social_care)::integer as asc_lines,
    coalesce(sum(amount) filter (where is_adult_social_care), 0) as asc_amount,
    coalesce(sum(amount) filter (where is_adult_social_care), 0) / nullif(sum(amount), 0) as asc_share
from int_spend__lines
group by council_code, case when supplier_redacted then 'Redacted (individuals)' else supplier_name end
