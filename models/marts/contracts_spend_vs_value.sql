-- Spend against each contract's value: invoiced and paid to date against the pro-rata spend
-- expected by now (value times the share of the contract's term elapsed at the run date,
-- capped at 1 after the end). spend_exceeds_value flags a contract already invoiced beyond its
-- total value (a variation or an overspend to explain); ahead_of_pro_rata flags spend more
-- than 10% above the pro-rata expectation.
-- test unique: reference
-- test not_null: council_code, reference, value, invoices, invoiced_to_date, paid_to_date, elapsed_share, expected_to_date, spend_exceeds_value, ahead_of_pro_rata, is_illustrative
-- test relationships: reference -> contracts_register.reference
-- test expression: paid_to_date <= invoiced_to_date + 0.005
-- test expression: elapsed_share between 0 and 1
-- test expression: spend_exceeds_value = (invoiced_to_date > value)
with invoiced as (
    select
        contract_reference as reference,
        count(*)::integer as invoices,
        sum(amount) as invoiced,
        sum(amount) filter (where paid_date is not null) as paid,
        max(received_date) as last_invoice_date
    from int_invoices__registers
    where received_date <= current_date
    group by contract_reference
),
joined as (
    select
        r.council_code, r.reference, r.title, r.supplier_name, r.department, r.category, r.value, r.start_date, r.end_date, r.expiry_band, r.is_illustrative,
        coalesce(i.invoices, 0) as invoices,
        coalesce(i.invoiced, 0) as invoiced_to_date,
        coalesce(i.paid, 0) as paid_to_date,
        i.last_invoice_date,
        greatest(0, least(1, (least(r.as_at, r.end_date) - r.start_date) / greatest(r.end_date - r.start_date, 1))) as elapsed_share
    from contracts_register r
    left join invoiced i using (reference)
)
select
    *,
    value * elapsed_share as expected_to_date,
    case when value > 0 then invoiced_to_date / value end as share_of_value_spent,
    case when value * elapsed_share > 0 then invoiced_to_date / (value * elapsed_share) end as spend_vs_expected,
    invoiced_to_date > value as spend_exceeds_value,
    invoiced_to_date > 1.1 * value * elapsed_share and value * elapsed_share > 0 as ahead_of_pro_rata
from joined
