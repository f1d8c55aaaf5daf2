-- classification: public: carries no contact points (the raw table has none either: the reader never copies parties' contactPoint names, emails or phones)
-- Contracts Finder notices (the Bluetail OCDS sample), one row per release; every release in
-- the sample has one award. Dates are UTC date-times, so their first ten characters are the date.
-- value_amount is the tender value: 0 or a framework ceiling for some notices, not spend.
-- test unique: ocid
-- test not_null: ocid, release_id, release_date, notice_url
-- test expression: value_amount is null or value_amount >= 0
select
    ocid,
    release_id,
    left(release_date, 10)::date as release_date,
    package_uri as notice_url,
    buyer_name,
    title,
    description,
    status,
    procurement_method,
    procurement_method_details,
    value_amount::decimal(14, 2) as value_amount,
    value_currency,
    left(tender_end_date, 10)::date as tender_end_date,
    left(contract_start, 10)::date as contract_start,
    left(contract_end, 10)::date as contract_end,
    number_of_tenderers,
    cpv_codes,
    award_count,
    left(award_date, 10)::date as award_date,
    award_status,
    award_value_amount::decimal(14, 2) as award_value_amount,
    award_value_currency,
    supplier_names
from raw_contracts_finder_ocds_sample
