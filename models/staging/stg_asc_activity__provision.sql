-- Adult social care activity by council, financial year, support setting and provision (in
-- house, external or total), one row per published row. A research harmonisation of PSS-EX1
-- (2001-2008) and NHS Digital's returns (2009 on), not an official file. What the page must
-- carry from here (see also PROVENANCE.md):
--   * year is the financial year by the year it ends in: 2023 is 2022-23 (Bournemouth and
--     Poole last appear in 2019 and Bournemouth, Christchurch and Poole first in 2020, the
--     year after the April 2019 merger).
--   * Settings change over time, so levels must not be compared across the breaks (era):
--     2001-2008 residential only, in house and external, no total; 2009-2014 residential,
--     home care and day care; 2015 on residential, nursing and, from 2016, an unnamed setting
--     (all other, community activity, mixed units), with a published total (provision 99).
--     Nursing has no in-house rows after 2015 except one in 2019: councils run no nursing homes.
--   * From 2018 the harmoniser kept only activity for people aged 65 and over (ages).
--   * Units differ by setting and year (client weeks, placements, hours): compare shares
--     within a setting and year, not levels across them.
--   * Councils are named, never coded, in about 627 spellings (URL-encoded '%20', CASSR
--     code prefixes such as '417-', 'UA' suffixes, dotted names, trailing spaces).
--     council_name undoes the encoding and the prefix; int_asc_activity__council_match
--     matches the names to ONS codes. Every row of 2017 is named 'NA' (name_missing): that
--     year cannot be attributed to councils and is dropped there.
--   * 'NA' values are missing (R's marker), never zero; any other non-number stops the build.
-- test unique: source_row
-- test not_null: source_row, year, financial_year, published_name, setting, provision, era, ages
-- test accepted_values: setting = Residential, Nursing, Home care, Day care, Other (community)
-- test accepted_values: provision = in house, external, total
-- test expression: year between 2001 and 2023
-- test expression: activity is null or activity >= 0
-- test expression: percent_sector is null or percent_sector between 0 and 100.000001
-- test expression: provision <> 'total' or year >= 2015
-- test expression: name_missing = (council_name is null)
select
    row_number as source_row,
    year,
    (year - 1) || '-' || right(cast(year as varchar), 2) as financial_year,
    dh_geography_name as published_name,
    dh_geography_name = 'NA' as name_missing,
    case when dh_geography_name <> 'NA' then nullif(regexp_extract(dh_geography_name, '^([0-9]{3})-', 1), '') end as cassr_code,
    case when dh_geography_name <> 'NA' then trim(url_decode(regexp_replace(dh_geography_name, '^[0-9]{3}-', ''))) end as council_name,
    -- An empty setting (from 2016) is the harmoniser's "all other" community activity.
    coalesce(support_setting, 'Other (community)') as setting,
    case activity_provision
        when 'In House' then 'in house'
        when 'External' then 'external'
        when '99' then 'total'
        else error(_source_file || ', row ' || row_number || ', column ''ActivityProvision'': ''' || activity_provision || ''' is not In House, External or 99')
    end as provision,
    case when itemvalue = 'NA' then null else cast(itemvalue as double) end as activity,
    case when percent_sector = 'NA' then null else cast(percent_sector as double) end as percent_sector,
    case
        when year <= 2008 then '2001-2008: residential only'
        when year <= 2014 then '2009-2014: residential, home care and day care'
        else '2015-2023: residential, nursing and other (community)'
    end as era,
    case when year >= 2018 then '65 and over' else 'all adults' end as ages,
    _source_file as source_file
from raw_asc_activity_provision_timeseries
