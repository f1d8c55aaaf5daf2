-- Monthly KPI returns, one row per contract, KPI and month. A month with no return has no row
-- (missing, not zero). computed_actual re-derives the value from numerator and denominator so
-- that pages can use it rather than trusting a provider's rounding.
-- test unique: contract_reference, kpi_id, month
-- test not_null: contract_reference, kpi_id, kpi_name, month, month_start, measure_type, multiplier, target, direction, numerator, actual, is_illustrative
-- test accepted_values: measure_type = proportion, rate, count
-- test accepted_values: direction = higher, lower
-- test relationships: contract_reference -> stg_illustrative_contract_register__contracts.reference
-- test expression: numerator >= 0
-- test expression: measure_type = 'count' or denominator > 0
-- test expression: measure_type <> 'proportion' or numerator <= denominator
-- test expression: measure_type <> 'proportion' or (target > 0 and target <= 1)
-- test expression: multiplier > 0
select
    trim(contract_reference) as contract_reference,
    trim(kpi_id) as kpi_id,
    trim(kpi_name) as kpi_name,
    trim(month) as month,
    try_strptime(trim(month) || '-01', '%Y-%m-%d')::date as month_start,
    lower(trim(measure_type)) as measure_type,
    multiplier,
    target,
    lower(trim(direction)) as direction,
    numerator,
    denominator,
    actual,
    case
        when lower(trim(measure_type)) = 'count' then numerator::double
        when denominator > 0 then numerator / denominator * multiplier
    end as computed_actual,
    starts_with(_source_file, 'sources/data/illustrative-contracts/') as is_illustrative,
    _source_file as source_file
from raw_illustrative_kpi_returns
