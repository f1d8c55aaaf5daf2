-- Every council's contracts, one row per council and reference (all councils: the site picks
-- its council when it is built). A council with no register simply has no rows; the review
-- pages then say what is missing and how to add it.
-- test unique: reference
-- test unique: council_code, reference
-- test not_null: reference, council_code
select r.*
from stg_illustrative_contract_register__contracts r
