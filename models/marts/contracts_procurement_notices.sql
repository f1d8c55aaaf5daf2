-- Procurement notices from Contracts Finder (the Bluetail OCDS sample of 100 notices, mixed
-- buyers, not one council's), one row per notice. tender_value can be 0 or a framework ceiling,
-- so award_value is the better guide to a contract's size. No contact details: the reader never loads them.
-- test unique: ocid
-- test not_null: ocid, release_date, notice_url
-- test expression: award_value is null or award_value >= 0
select
    ocid,
    release_date,
    notice_url,
    buyer_name,
    title,
    description,
    status,
    procurement_method,
    procurement_method_details,
    value_amount as tender_value,
    value_currency as tender_currency,
    tender_end_date,
    contract_start,
    contract_end,
    number_of_tenderers,
    cpv_codes,
    award_date,
    award_value_amount as award_value,
    award_value_currency as award_currency,
    supplier_names
from stg_contracts_finder_ocds__releases
