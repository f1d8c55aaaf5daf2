-- Each care home provider's share of a council's care home beds, where providers are known:
-- only Devon, Plymouth, Somerset and Torbay, from CQC's API records of February 2021. The
-- England care home file of spring 2021 names no providers, so no other council (Shropshire
-- included) appears here; market_concentration states that coverage.
-- A provider is CQC's registered provider (a legal entity, by provider ID; the records give
-- no provider names). brand_name is CQC's brand, which can group several providers.
-- test unique: area_code, provider_id
-- test not_null: area_code, area_name, provider_id, homes, beds, share_of_beds, rank_by_beds
-- test expression: share_of_beds between 0 and 1
-- test expression: rank_by_beds >= 1
select
    l.area_code,
    a.area_name,
    l.provider_id,
    -- A provider's homes can carry different brands in principle; show the most common.
    mode(l.brand_name) as brand_name,
    count(*)::integer as homes,
    sum(l.beds)::integer as beds,
    sum(l.beds) / sum(sum(l.beds)) over (partition by l.area_code) as share_of_beds,
    rank() over (partition by l.area_code order by sum(l.beds) desc)::integer as rank_by_beds,
    'CQC API records, February 2021' as source
from int_cqc_southwest__locations l
join int_areas a using (area_code)
group by l.area_code, a.area_name, l.provider_id
