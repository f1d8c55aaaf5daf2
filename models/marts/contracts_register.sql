-- Every council's contract register, one row per council and contract (pages filter by council_code), with how long each has to
-- run from the day the pipeline ran (current_date): months_to_end is days to the end date over
-- the mean month length (30.4375 days), negative once ended. Bands follow calendar dates, not
-- the rounded months: '0-6 months' ends before the run date plus 6 months, and so on; 'ended'
-- ended before the run date. The review site lists one page per reference.
-- test unique: reference
-- test unique: council_code, reference
-- test not_null: reference, council_code, title, department, category, supplier_name, is_sme, is_vcse, value, start_date, end_date, months_to_end, expiry_band, is_illustrative, as_at
-- test accepted_values: expiry_band = 0-6 months, 6-12 months, 12-18 months, later, ended
-- test expression: (expiry_band = 'ended') = (end_date < as_at)
-- test expression: expiry_band <> '0-6 months' or end_date < as_at + interval 6 month
-- test expression: expiry_band <> 'later' or end_date >= as_at + interval 18 month
-- test expression: (months_to_end < 0) = (expiry_band = 'ended')
with dated as (
    select *, current_date as as_at from int_contracts__registers
)
select
    reference,
    council_code,
    title,
    department,
    category,
    description,
    supplier_name,
    supplier_registration_number,
    supplier_postcode,
    supplier_postcode_district,
    is_sme,
    is_vcse,
    value,
    start_date,
    end_date,
    review_date,
    procurement_route,
    round((end_date - as_at) / 30.4375, 1) as months_to_end,
    case
        when end_date < as_at then 'ended'
        when end_date < as_at + interval 6 month then '0-6 months'
        when end_date < as_at + interval 12 month then '6-12 months'
        when end_date < as_at + interval 18 month then '12-18 months'
        else 'later'
    end as expiry_band,
    is_illustrative,
    as_at
from dated
