-- Darlington's spend-over-£500 lines, 2021-22 (ODI Leeds clean files), one row per published line.
-- The files carry no council code: E06000005 is Darlington, as the source declaration states.
-- payment_date is the published Transaction Date (the invoice date), which can be months or
-- years before the release month; the files give no separate payment date.
-- Directorate, service and account names change case during the year, so they are upper-cased
-- and their spaces collapsed to group. Darlington marks no lines as redacted (payments to
-- individuals appear to be left out), so supplier_redacted is always false here.
-- test not_null: council_code, supplier_name, amount, payment_date, transaction_ref, file
-- test accepted_values: council_code = E06000005
select
    'E06000005' as council_code,
    'darlington-spend-2021-22' as source_id,
    trim(regexp_replace(supplier, '\s+', ' ', 'g')) as supplier_name,
    false as supplier_redacted,
    amount::decimal(14, 2) as amount,
    transaction_date as payment_date,
    upper(trim(regexp_replace(directorate, '\s+', ' ', 'g'))) as department,
    upper(trim(regexp_replace(service, '\s+', ' ', 'g'))) as service,
    upper(trim(regexp_replace(account, '\s+', ' ', 'g'))) as category,
    null::varchar as category_code,
    transaction_number as transaction_ref,
    _source_file as file
from raw_darlington_spend_2021_22
