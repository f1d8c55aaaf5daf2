-- How concentrated each council's care home market is, by share of beds, where providers are
-- known; and, for every other upper-tier council and England, a row that says they are not.
-- Coverage: provider IDs exist only in CQC's API records for Devon, Plymouth, Somerset and
-- Torbay (February 2021). The England care home file (spring 2021) names no providers, so
-- every other council has provider_data false, with their homes and beds
-- from that file and every concentration measure null, never zero.
-- HHI is the Herfindahl-Hirschman index of providers' shares of beds, in per cent squared
-- (0 to 10,000); hhi_brands counts providers under one CQC brand as one, which is closer to
-- who owns the homes. The bands follow the UK competition authorities' merger guidelines
-- (CC/OFT, 2010): over 1,000 concentrated, over 2,000 highly concentrated.
-- test unique: area_code
-- test not_null: area_code, area_name, provider_data, coverage
-- test accepted_values: concentration = unconcentrated, concentrated, highly concentrated
-- test expression: provider_data = (hhi is not null)
-- test expression: hhi is null or (hhi > 0 and hhi <= 10000 and hhi_brands >= hhi - 1e-6)
-- test expression: top_4_share is null or (largest_share <= top_4_share and top_4_share <= 1)
with providers as (
    select area_code, area_name, provider_id, brand_name, homes, beds, share_of_beds, rank_by_beds
    from market_provider_shares
),
brands as (
    select area_code, sum(share_of_beds) as share
    from providers
    group by area_code, coalesce(brand_name, provider_id)
),
known as (
    select
        area_code,
        any_value(area_name) as area_name,
        sum(homes)::integer as homes,
        sum(beds)::integer as beds,
        count(*)::integer as providers,
        max(share_of_beds) as largest_share,
        sum(share_of_beds) filter (where rank_by_beds <= 4) as top_4_share,
        sum(power(100 * share_of_beds, 2)) as hhi,
        (select sum(power(100 * b.share, 2)) from brands b where b.area_code = p.area_code) as hhi_brands
    from providers p
    group by area_code
),
covered as (
    select string_agg(area_name, ', ' order by area_name) as names from known
),
unknown as (
    select h.area_code, h.area_name, h.homes, h.beds
    from market_care_homes h
    where h.area_level in ('council', 'country') and h.area_code not in (select area_code from known)
)
select
    a.area_code,
    a.area_name,
    a.provider_data,
    a.homes,
    a.beds,
    a.providers,
    a.largest_share,
    a.top_4_share,
    a.hhi,
    a.hhi_brands,
    case when a.hhi > 2000 then 'highly concentrated' when a.hhi > 1000 then 'concentrated' when a.hhi is not null then 'unconcentrated' end as concentration,
    case
        when a.provider_data then 'Providers from CQC API records, February 2021'
        else 'No provider data for this area: providers are known only for ' || (select names from covered) || ' (CQC API records, February 2021)'
    end as coverage
from (
    select *, true as provider_data from known
    union all by name
    select *, false as provider_data from unknown
) a
