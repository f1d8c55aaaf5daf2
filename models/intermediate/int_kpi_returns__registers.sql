-- KPI returns for every council's contracts, with the council from the register (returns
-- carry no council code; references are unique across registers, tested there). Returns for
-- references missing from every register fail the staging model's relationships check rather
-- than dropping out here unnoticed.
-- test unique: contract_reference, kpi_id, month
-- test not_null: council_code
-- test relationships: contract_reference -> int_contracts__registers.reference
select k.*, r.council_code
from stg_illustrative_kpi_returns__returns k
join int_contracts__registers r on r.reference = k.contract_reference
