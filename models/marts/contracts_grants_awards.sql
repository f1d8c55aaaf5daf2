-- Grants to voluntary and community organisations by council, calendar year of award,
-- programme and recipient identifier scheme (registered company, charity, or none).
-- test unique: council_code, year, programme, recipient_scheme
-- test not_null: council_code, year, programme, recipient_scheme, awards, amount
-- test expression: awards > 0 and amount >= 0
select
    council_code,
    year(award_date)::integer as year,
    programme,
    recipient_scheme,
    count(*)::integer as awards,
    sum(amount_awarded) as amount
from stg_trafford_grants_360giving__awards
group by all
