-- Adult social care activity provided in house or by external providers, for every upper-tier
-- council in the file by financial year and setting, with England as the sum of every
-- council in the file (the file's own England rows cover only 2001-2009 and 2015).
-- Shares, not levels: units differ by setting and year. external_share is external activity
-- over the total: the published total (provision 99) from 2015, else in house + external.
-- From 2015 nursing has almost no in-house rows although some councils' totals exceed their
-- external activity, so the in-house share is taken as the rest of the total, not from the
-- missing rows. A zero total (home care for about 30 councils in 2009 and 2010, Shropshire's
-- in 2009, 2010 and 2012, and a few councils' settings in most other years) is most likely
-- activity not reported rather than none provided: the published zeros are kept, but the share
-- is null with share_missing_reason 'zero total', never 0% or 100%.
-- What the page must say (series_break marks the first year of each change):
--   * the settings change in 2009 and 2015 (era), and from 2018 only people aged 65 and
--     over are counted (ages): do not read a trend across those breaks;
--   * 2017 is missing (no council names that year);
--   * councils were matched to ONS codes by name (published_names lists the spellings), and
--     a council is followed only while it existed: Dorset from 2020 (Dorset Council), Cheshire
--     East from 2010;
--   * a research harmonisation (Goodair, University of Oxford) of DH and NHS Digital returns,
--     with no stated licence for the derived file.
-- classification: internal: counts of people before disclosure control; public pages read market_asc_activity_protected (pipelines/disclosure.ts)
-- test unique: area_code, year, setting
-- test not_null: area_code, area_name, year, financial_year, setting, era, ages
-- test accepted_values: setting = Residential, Nursing, Home care, Day care, Other (community)
-- test relationships: area_code -> int_areas__reported.area_code
-- test expression: external_share is null or external_share between 0 and 1.001
-- test expression: external_share is null or abs(external_share + in_house_share - 1) < 1e-9
-- test expression: total is null or total >= 0
-- test expression: (external_share is null) = (share_missing_reason is not null)
-- test accepted_values: share_missing_reason = not published, zero total
with published as (
    select
        area_code, year, financial_year, setting, era, ages,
        max(activity) filter (where provision = 'in house') as in_house,
        max(activity) filter (where provision = 'external') as external,
        max(activity) filter (where provision = 'total') as total_published,
        string_agg(distinct published_name, '; ' order by published_name) as published_names
    from int_asc_activity__by_council
    group by all
),
councils as (
    select *, coalesce(total_published, in_house + external) as total
    from published
),
-- England adds up the councils whose external activity and total are both known, so that
-- its share is not pulled about by councils missing one of them. Its in-house activity is
-- given only when every such council published it (nursing from 2015 has almost none).
england as (
    select
        (select area_code from seed_england) as area_code, year, financial_year, setting, era, ages,
        case when count(in_house) filter (where known) = count(*) filter (where known) then sum(in_house) filter (where known) end as in_house,
        sum(external) filter (where known) as external,
        sum(total_published) filter (where known) as total_published,
        sum(total) filter (where known) as total,
        'sum of ' || count(*) filter (where known) || ' councils' as published_names
    from (select *, external is not null and total is not null as known from councils)
    group by all
),
shares as (
    select * from councils
    union all by name
    select * from england
)
select
    s.area_code,
    c.area_name,
    s.year,
    s.financial_year,
    s.setting,
    s.in_house,
    s.external,
    s.total,
    s.total_published is not null as total_is_published,
    case when s.total > 0 then s.external / s.total end as external_share,
    case when s.total > 0 then 1 - s.external / s.total end as in_house_share,
    case
        when s.external is null or s.total is null then 'not published'
        when s.total = 0 then 'zero total'
    end as share_missing_reason,
    s.era,
    s.ages,
    case s.year
        when 2009 then 'Settings redefined: residential, home care and day care'
        when 2015 then 'New return (ASC-FR): residential, nursing and other (community) settings, with totals'
        when 2018 then 'From here only people aged 65 and over'
    end as series_break,
    s.published_names
from shares s
join int_areas__reported c using (area_code)
