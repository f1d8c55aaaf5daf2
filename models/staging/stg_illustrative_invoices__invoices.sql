-- Invoices against contracts. days_to_pay counts calendar days from receipt to payment (the
-- 30-day term of regulation 113 of the Public Contracts Regulations 2015 runs from receipt);
-- null while unpaid.
-- test unique: source_file, invoice_number
-- test not_null: invoice_number, contract_reference, supplier_name, amount, received_date, is_disputed, is_illustrative
-- test relationships: contract_reference -> stg_illustrative_contract_register__contracts.reference
-- test expression: paid_date is null or paid_date >= received_date
-- test expression: (days_to_pay is null) = (paid_date is null)
select
    trim(invoice_number) as invoice_number,
    trim(contract_reference) as contract_reference,
    trim(supplier_name) as supplier_name,
    amount,
    received_date,
    paid_date,
    case upper(trim(disputed)) when 'Y' then true when 'N' then false end as is_disputed,
    (paid_date - received_date)::integer as days_to_pay,
    starts_with(_source_file, 'sources/data/illustrative-contracts/') as is_illustrative,
    _source_file as source_file
from raw_illustrative_invoices
