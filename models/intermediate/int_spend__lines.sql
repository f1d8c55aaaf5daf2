-- Every council's spend lines in one shape: Darlington (2021-22) and Trafford (2024-25). All
-- lines are kept; negatives (credits) and lines under £500 (Trafford publishes them) are flagged.
-- is_adult_social_care:
--   * Darlington: the line's Service is ADULT SOCIAL CARE.
--   * Trafford: the line's Proclass category is one of the social care labels that are not for
--     children (listed below, as normalised in staging). 'SOCIAL CARE : RESIDENTIAL CARE' is
--     counted as adult because children's residential care has its own label; the generic
--     consumables, equipment, counselling and supplies labels are counted too. A judgement:
--     Proclass does not say the client group for those.
-- test not_null: council_code, source_id, amount, payment_date, supplier_redacted, is_adult_social_care, is_negative, is_under_500, file
-- test accepted_values: council_code = E06000005, E08000009
-- test expression: supplier_redacted or supplier_name is not null
with trafford_adult_categories(category) as (
    values
        ('SOCIAL CARE SERVICES : ADULT'),
        ('SOCIAL CARE : DOMICILIARY CARE'),
        ('SOCIAL CARE : RESIDENTIAL CARE'),
        ('SOCIAL CARE : NURSING HOMES'),
        ('SC : OP RESIDENTIAL HOME'),
        ('SOCIAL CARE : DAY CARE'),
        ('SOCIAL CARE : SHELTERED HOUSING'),
        ('SOCIAL CARE : EQUIPMENT'),
        ('SOCIAL CARE : COUNSELLING'),
        ('SOCIAL CARE : CONSUMABLES'),
        ('SOCIAL CARE SERVICES : SUPPLIES')
),
lines as (
    select *, coalesce(service = 'ADULT SOCIAL CARE', false) as is_adult_social_care
    from stg_darlington_spend__lines
    union all by name
    select *, category in (select category from trafford_adult_categories) as is_adult_social_care
    from stg_trafford_spend__lines
)
select
    council_code,
    source_id,
    supplier_name,
    supplier_redacted,
    amount,
    payment_date,
    department,
    service,
    category,
    category_code,
    coalesce(is_adult_social_care, false) as is_adult_social_care,
    amount < 0 as is_negative,
    amount < 500 as is_under_500,
    transaction_ref,
    file
from lines
