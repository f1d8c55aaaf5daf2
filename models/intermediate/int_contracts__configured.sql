-- The configured council's contracts (config_areas role 'council'); other councils' registers
-- stay in staging. A council with no register rows gives an empty table, not an error: the
-- review pages then say there is nothing to show.
-- test unique: reference
-- test not_null: reference, council_code, council_name
select r.*, c.area_name as council_name
from stg_illustrative_contract_register__contracts r
join int_configured_areas c on c.area_code = r.council_code and c.role = 'council'
