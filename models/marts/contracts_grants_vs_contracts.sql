-- Grants against contracts for every council with a grants file or a contract register, by
-- calendar year: grants awarded to voluntary and community organisations (360Giving file, by
-- award date) beside contracts let (register, by start date), all and with VCSE suppliers, and
-- how many organisations were funded both ways. Organisations are matched on their registered
-- number: the grant's org-id (GB-COH-<company>, GB-CHC-<charity>) against the register's
-- supplier registration number; 360G- identifiers carry no registered number and cannot match.
-- A council with no grants file bundled has null grant columns (not zero: unknown, not none),
-- and grants_published says so. contracts_illustrative is true when the register side is the
-- illustrative register.
-- test unique: council_code, year
-- test not_null: year, council_code, grants_published, contracts_let, contract_value, vcse_contracts_let, vcse_contract_value, organisations_funded_both_ways
-- test expression: vcse_contracts_let <= contracts_let
-- test expression: grants_published = (grants_awarded is not null)
with grants as (
    select
        council_code,
        year(award_date)::integer as year,
        count(*)::integer as grants_awarded,
        sum(amount_awarded) as grant_amount,
        count(distinct recipient_org_id)::integer as grant_recipients
    from stg_trafford_grants_360giving__awards
    group by 1, 2
),
contracts as (
    select
        council_code,
        year(start_date)::integer as year,
        count(*)::integer as contracts_let,
        sum(value) as contract_value,
        count(*) filter (where is_vcse)::integer as vcse_contracts_let,
        coalesce(sum(value) filter (where is_vcse), 0) as vcse_contract_value,
        bool_or(is_illustrative) as contracts_illustrative
    from contracts_register
    group by 1, 2
),
both_ways as (
    select g.council_code, year(g.award_date)::integer as year, count(distinct g.recipient_org_id)::integer as organisations
    from stg_trafford_grants_360giving__awards g
    join contracts_register r
      on r.council_code = g.council_code
     and regexp_replace(g.recipient_org_id, '^GB-(COH|CHC)-', '') = r.supplier_registration_number
    where g.recipient_scheme in ('GB-COH', 'GB-CHC')
    group by 1, 2
),
publishers as (
    select distinct council_code from stg_trafford_grants_360giving__awards
)
select
    coalesce(g.year, c.year) as year,
    coalesce(g.council_code, c.council_code) as council_code,
    p.council_code is not null as grants_published,
    case when p.council_code is not null then coalesce(g.grants_awarded, 0) end as grants_awarded,
    case when p.council_code is not null then coalesce(g.grant_amount, 0) end as grant_amount,
    case when p.council_code is not null then coalesce(g.grant_recipients, 0) end as grant_recipients,
    coalesce(c.contracts_let, 0) as contracts_let,
    coalesce(c.contract_value, 0) as contract_value,
    coalesce(c.vcse_contracts_let, 0) as vcse_contracts_let,
    coalesce(c.vcse_contract_value, 0) as vcse_contract_value,
    coalesce(c.contracts_illustrative, false) as contracts_illustrative,
    coalesce(b.organisations, 0) as organisations_funded_both_ways
from grants g
full join contracts c on c.council_code = g.council_code and c.year = g.year
left join publishers p on p.council_code = coalesce(g.council_code, c.council_code)
left join both_ways b on b.council_code = coalesce(g.council_code, c.council_code) and b.year = coalesce(g.year, c.year)
order by council_code, year
