-- Invoices against every council's contracts, with the council and the supplier's SME and VCSE
-- status from the register (invoices carry neither).
-- test unique: invoice_number
-- test not_null: invoice_number, council_code, contract_reference, is_sme, is_vcse
select i.*, r.council_code, r.is_sme, r.is_vcse, r.department, r.category
from stg_illustrative_invoices__invoices i
join int_contracts__registers r on r.reference = i.contract_reference
