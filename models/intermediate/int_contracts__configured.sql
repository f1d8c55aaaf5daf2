-- Every council's contracts, from the registers bundled, with the council's name. Which
-- council a site shows is chosen when the site is built; a council with no register has no
-- rows, and the review pages then say there is nothing to show.
-- test unique: reference
-- test not_null: reference, council_code, council_name
select r.*, c.area_name as council_name
from stg_illustrative_contract_register__contracts r
join int_areas__reported c on c.area_code = r.council_code
