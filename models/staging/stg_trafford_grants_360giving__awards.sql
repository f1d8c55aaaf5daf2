-- Trafford Council's grants to voluntary and community organisations (360Giving), one row per award.
-- council_code comes from the funder's org-id (GB-LAE-TRF is Trafford Council); another funder
-- stops the build (not_null test). recipient_scheme is the org-id prefix: GB-COH (Companies
-- House), GB-CHC (Charity Commission) or 360G (an identifier the funder made up, no registered
-- number); a new scheme fails the accepted_values test so that de-duplication rules are revisited.
-- test unique: identifier
-- test not_null: council_code, identifier, title, amount_awarded, award_date, recipient_org_id, recipient_scheme, recipient_name
-- test accepted_values: recipient_scheme = GB-COH, GB-CHC, 360G
-- test accepted_values: currency = GBP
select
    case funding_org_identifier when 'GB-LAE-TRF' then 'E08000009' end as council_code,
    identifier,
    title,
    currency,
    amount_awarded::decimal(14, 2) as amount_awarded,
    award_date,
    planned_dates_start_date as planned_start,
    planned_dates_end_date as planned_end,
    recipient_org_identifier as recipient_org_id,
    case
        when starts_with(recipient_org_identifier, '360G-') then '360G'
        else nullif(regexp_extract(recipient_org_identifier, '^([A-Z]{2}-[A-Z]{3})-', 1), '')
    end as recipient_scheme,
    recipient_org_name as recipient_name,
    grant_programme_title as programme,
    funding_org_department as department
from raw_trafford_grants_360giving
