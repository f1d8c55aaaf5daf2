-- IoD2025 (LSOA 2021 geography) for England and every upper-tier council: LSOA counts and the
-- number and share in England's most deprived 10% and 20% (from the LSOA file, so for every
-- council and England), and the published lower-tier summary (IMD average score, its rank among
-- all 296 lower-tier councils of 2024, share of LSOAs in the most deprived 10%, extent, Barriers
-- to Housing and Services). The summary is published for lower-tier councils only, so a county
-- council (made of districts) and England have none: summary_published says so, and the page
-- uses the LSOA shares, which exist for every area. IoD2025 has no IDACI/IDAOPI in these files.
-- IoD2019 is in needs_deprivation_summary_2019, never in this table: not comparable.
-- test unique: area_code
-- test not_null: edition, lsoa_geography, area_code, area_name, lsoa_count, summary_published
-- test accepted_values: edition = IoD2025
-- test relationships: area_code -> int_areas__reported.area_code
-- test expression: (select count(*) from needs_deprivation_summary_2025) = (select count(*) from int_areas__reported)
-- test expression: lsoas_most_deprived_10 <= lsoas_most_deprived_20 and lsoas_most_deprived_20 <= lsoa_count
-- LSOAs are placed in councils by ONS's LSOA-to-ward best-fit lookup, which can put an LSOA on
-- a boundary in the neighbouring council (West Northamptonshire differs from MHCLG's own share
-- by one LSOA), so the check against the published share allows one LSOA either way.
-- test expression: published_share_most_deprived_10 is null or abs(share_most_deprived_10 - published_share_most_deprived_10) <= 1.0 / lsoa_count + 0.00005
-- test expression: level <> 'country' or lsoa_count = 33755
with lsoas as (
    select area_code, imd_decile from needs_deprivation_lsoa_2025
    union all
    select (select area_code from seed_england), imd_decile from needs_deprivation_lsoa_2025
),
counts as (
    select
        area_code,
        count(*) as lsoa_count,
        count(*) filter (where imd_decile = 1) as lsoas_most_deprived_10,
        count(*) filter (where imd_decile <= 2) as lsoas_most_deprived_20
    from lsoas
    group by area_code
)
select
    'IoD2025' as edition,
    'LSOA 2021' as lsoa_geography,
    c.area_code,
    c.area_name,
    c.level,
    n.lsoa_count,
    n.lsoas_most_deprived_10,
    n.lsoas_most_deprived_10 / n.lsoa_count as share_most_deprived_10,
    n.lsoas_most_deprived_20,
    n.lsoas_most_deprived_20 / n.lsoa_count as share_most_deprived_20,
    p.area_code is not null as summary_published,
    -- Ranks in the published file are among all 296 lower-tier councils of 2024 (MHCLG).
    case when p.area_code is not null then (select count(*) from stg_iod2025_england__ltla24_summaries) end as councils_ranked,
    p.imd_average_score,
    p.imd_rank_of_average_score,
    p.imd_proportion_most_deprived_10 as published_share_most_deprived_10,
    p.imd_extent,
    p.barriers_average_score,
    p.barriers_rank_of_average_score
from int_areas__reported c
left join counts n using (area_code)
left join stg_iod2025_england__ltla24_summaries p using (area_code)
