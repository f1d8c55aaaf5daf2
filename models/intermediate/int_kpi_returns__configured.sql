-- KPI returns for the configured council's contracts (matched by reference: returns carry no
-- council code). Returns for references missing from every register fail the staging model's
-- relationships check rather than dropping out here unnoticed.
-- test unique: contract_reference, kpi_id, month
-- test relationships: contract_reference -> int_contracts__configured.reference
select k.*
from stg_illustrative_kpi_returns__returns k
join int_contracts__configured r on r.reference = k.contract_reference
