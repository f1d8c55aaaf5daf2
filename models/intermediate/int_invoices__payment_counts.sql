-- Counts for the prompt payment measure (regulation 113, Public Contracts Regulations 2015):
-- undisputed invoices paid, and of those paid within 30 days of receipt, by calendar quarter of
-- payment and over all quarters, for all suppliers, SMEs and VCSEs. Disputed invoices are left
-- out, as the regulation measures undisputed invoices; unpaid invoices are not yet counted in
-- any quarter (they join the quarter in which they are paid). One set per council. Intervals are added in
-- TypeScript (models/contracts/kpi-ratings.ts) with the project's Wilson implementation.
-- test unique: council_code, supplier_group, period
-- test not_null: council_code, supplier_group, period, invoices_paid, paid_within_30_days, is_illustrative
-- test accepted_values: supplier_group = all suppliers, SMEs, VCSEs
-- test expression: paid_within_30_days <= invoices_paid
with paid as (
    select *, strftime(paid_date, '%Y') || ' Q' || quarter(paid_date) as quarter_label
    from int_invoices__registers
    where paid_date is not null and not is_disputed
),
grouped as (
    select 'all suppliers' as supplier_group, * from paid
    union all
    select 'SMEs', * from paid where is_sme
    union all
    select 'VCSEs', * from paid where is_vcse
)
select
    council_code,
    supplier_group,
    coalesce(quarter_label, 'all quarters') as period,
    min(date_trunc('quarter', paid_date))::date as period_start,
    count(*)::integer as invoices_paid,
    count(*) filter (where days_to_pay <= 30)::integer as paid_within_30_days,
    sum(amount) as amount_paid,
    bool_or(is_illustrative) as is_illustrative
from grouped
group by grouping sets ((council_code, supplier_group, quarter_label), (council_code, supplier_group))
