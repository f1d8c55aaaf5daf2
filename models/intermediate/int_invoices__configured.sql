-- Invoices against the configured council's contracts, with the supplier's SME and VCSE
-- status from the register (invoices do not carry it).
-- test unique: invoice_number
-- test not_null: invoice_number, contract_reference, is_sme, is_vcse
select i.*, r.is_sme, r.is_vcse, r.department, r.category
from stg_illustrative_invoices__invoices i
join int_contracts__configured r on r.reference = i.contract_reference
