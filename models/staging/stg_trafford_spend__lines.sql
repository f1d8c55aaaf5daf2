-- Trafford's supplier spend, 2024-25, one row per published line, including lines under £500
-- and negative lines (credit notes, cash discounts): they are flagged downstream, not dropped.
-- council_code comes from the publisher's OrganisationURI; a URI for any other council stops
-- the build (not_null test) rather than mislabel its spend.
-- Lines to individuals are published with BeneficiaryName 'Redacted': supplier_redacted marks them.
-- Proclass labels are spaced inconsistently ('SOCIAL CARE  : Nursing Homes', 'SC: ...',
-- ':Supplies'), so the category is upper-cased with one space either side of each colon; 'NA'
-- means no category.
-- test not_null: council_code, amount, payment_date, transaction_ref, file, supplier_redacted
-- test accepted_values: council_code = E08000009
-- test expression: supplier_redacted or supplier_name is not null
select
    case organisation_uri
        when 'https://opendatacommunities.org/id/metropolitan-district-council/trafford' then 'E08000009'
    end as council_code,
    'trafford-spend-2024-25' as source_id,
    case when upper(trim(beneficiary_name)) = 'REDACTED' then null else trim(regexp_replace(beneficiary_name, '\s+', ' ', 'g')) end as supplier_name,
    coalesce(upper(trim(beneficiary_name)) = 'REDACTED', false) as supplier_redacted,
    amount::decimal(14, 2) as amount,
    payment_date,
    upper(trim(regexp_replace(organisational_unit, '\s+', ' ', 'g'))) as department,
    null::varchar as service,
    case
        when proclass_label is null or trim(proclass_label) in ('', 'NA') then null
        else upper(trim(regexp_replace(regexp_replace(proclass_label, '\s*:\s*', ' : ', 'g'), '\s+', ' ', 'g')))
    end as category,
    nullif(trim(proclass_code), 'NA') as category_code,
    transaction_number as transaction_ref,
    _source_file as file
from raw_trafford_spend_2024_25
