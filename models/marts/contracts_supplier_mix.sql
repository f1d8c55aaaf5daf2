-- Who each council's contract spend goes to: the share of invoiced spend (and of contract value)
-- with SMEs, VCSEs and local suppliers, for the whole council and by department.
-- "Local" means the supplier's postcode district (the outward code of the postcode in the
-- register) lies in the council's area, from the seed table seed_council_postcode_districts
-- (sources/council-facts.json: districts wholly or mostly inside the council; a supplier's
-- registered address, not where the service is delivered).
-- A council with no districts listed gets no local figures (null), never a zero.
-- test unique: council_code, department, supplier_group
-- test not_null: council_code, department, supplier_group, contracts, contract_value, spend, is_illustrative
-- test accepted_values: supplier_group = all suppliers, SMEs, VCSEs, local suppliers
-- test expression: share_of_spend is null or share_of_spend between 0 and 1
-- test expression: supplier_group <> 'all suppliers' or share_of_spend = 1 or spend = 0
with local_districts as (
    select council_code, list(postcode_district) as districts
    from seed_council_postcode_districts
    group by council_code
),
contracts as (
    select
        r.*,
        case when l.districts is null then null else coalesce(list_contains(l.districts, r.supplier_postcode_district), false) end as is_local,
        coalesce(s.invoiced_to_date, 0) as spend
    from contracts_register r
    left join local_districts l using (council_code)
    left join contracts_spend_vs_value s using (council_code, reference)
),
groups as (
    select 'all suppliers' as supplier_group, *, true as in_group from contracts
    union all by name
    select 'SMEs' as supplier_group, *, is_sme as in_group from contracts
    union all by name
    select 'VCSEs' as supplier_group, *, is_vcse as in_group from contracts
    union all by name
    select 'local suppliers' as supplier_group, *, is_local as in_group from contracts
),
totals as (
    select
        council_code,
        coalesce(department, 'All departments') as department,
        supplier_group,
        count(*) filter (where in_group)::integer as contracts,
        coalesce(sum(value) filter (where in_group), 0) as contract_value,
        coalesce(sum(spend) filter (where in_group), 0) as spend,
        sum(value) as all_value,
        sum(spend) as all_spend,
        bool_and(in_group is not null) as is_known,
        bool_or(is_illustrative) as is_illustrative
    from groups
    group by grouping sets ((council_code, department, supplier_group), (council_code, supplier_group))
)
select
    council_code,
    department,
    supplier_group,
    contracts,
    contract_value,
    spend,
    case when is_known and all_spend > 0 then spend / all_spend end as share_of_spend,
    case when is_known and all_value > 0 then contract_value / all_value end as share_of_value,
    case when supplier_group = 'local suppliers' then 'supplier postcode district in the council''s area (listed in sources/council-facts.json)' end as definition,
    is_illustrative
from totals
