-- IoD2025 (LSOA 2021 geography) for the configured council and comparators, as far as the
-- bundled subsets reach: LSOA counts and the number and share in England's most deprived 10%
-- and 20% where the LSOA file covers the council (Shropshire only), and the published lower-tier
-- summary (IMD average score, its rank among all 296 lower-tier councils, share of LSOAs in the
-- most deprived 10%, Barriers to Housing and Services) for the 27 unitary councils in the subset.
-- No England row: neither file covers England. IoD2025 has no IDACI/IDAOPI in these files.
-- IoD2019 is in needs_deprivation_summary_2019, never in this table: not comparable.
-- test unique: area_code
-- test not_null: edition, lsoa_geography, area_code, area_name, role
-- test accepted_values: edition = IoD2025
-- test accepted_values: role = council, comparator
-- test relationships: area_code -> int_configured_areas.area_code
-- test expression: lsoa_count is not null or imd_average_score is not null
-- test expression: lsoa_count is null or (lsoas_most_deprived_10 <= lsoas_most_deprived_20 and lsoas_most_deprived_20 <= lsoa_count)
-- test expression: lsoa_count is null or published_share_most_deprived_10 is null or abs(share_most_deprived_10 - published_share_most_deprived_10) < 0.00005 + 1e-9
with counts as (
    select
        c.area_code,
        count(*) as lsoa_count,
        count(*) filter (where d.imd_decile = 1) as lsoas_most_deprived_10,
        count(*) filter (where d.imd_decile <= 2) as lsoas_most_deprived_20
    from int_configured_areas c
    join int_geography__la_within w on w.area_code = c.area_code
    join int_deprivation__lsoa_2025 d on d.lad_code = w.lad_code
    where c.role <> 'england'
    group by c.area_code
)
select
    'IoD2025' as edition,
    'LSOA 2021' as lsoa_geography,
    c.area_code,
    c.area_name,
    c.role,
    c.sort_order,
    n.lsoa_count,
    n.lsoas_most_deprived_10,
    n.lsoas_most_deprived_10 / n.lsoa_count as share_most_deprived_10,
    n.lsoas_most_deprived_20,
    n.lsoas_most_deprived_20 / n.lsoa_count as share_most_deprived_20,
    -- Ranks in the published file are among all 296 lower-tier councils of 2024 (MHCLG), not
    -- among the 27 rows bundled.
    case when p.area_code is not null then 296 end as councils_ranked,
    p.imd_average_score,
    p.imd_rank_of_average_score,
    p.imd_proportion_most_deprived_10 as published_share_most_deprived_10,
    p.imd_extent,
    p.barriers_average_score,
    p.barriers_rank_of_average_score
from int_configured_areas c
left join counts n using (area_code)
left join stg_iod2025__ltla_unitaries p using (area_code)
where c.role <> 'england' and (n.area_code is not null or p.area_code is not null)
