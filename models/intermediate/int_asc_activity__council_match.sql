-- Which council each name in the adult social care activity file means, year by year: one row
-- per spelling and financial year, with the ONS code it was matched to and how.
-- Councils change, so a name is matched against the councils that existed in that financial
-- year: those in the ONS mid-year estimate edition two years earlier, because the mid-X
-- edition is published on the boundaries of April X+1, the start of financial year X+1 to X+2.
-- Years outside the editions held (2015-2022) use the nearest edition. So 'Dorset' is Dorset
-- County Council (E10000009) up to 2019 and Dorset Council (E06000059, without Christchurch)
-- from 2020; 'Northamptonshire' ends in 2021. Councils abolished before 2015 (Cheshire and
-- Bedfordshire, split in 2009) exist in no edition held and stay unmatched. The 2009
-- unitaries (Shropshire, Wiltshire, Cornwall, Northumberland, Durham) replaced county councils
-- with the same area, so earlier years are matched to the unitary's code.
-- Names are compared after undoing the spellings' differences: case, punctuation, '&',
-- 'UA', 'Borough', 'Council', 'the', a leading 'TOTAL' or 'County ' and a trailing 'City of'
-- or 'County of' (so 'Telford.and.the.Wrekin' and 'Herefordshire%20UA' match 'Telford and
-- Wrekin' and 'Herefordshire, County of'); 'with' counts as 'and', because 2001-2005 spell
-- Blackburn with Darwen 'Blackburn and Darwen'. Candidates are upper-tier councils (codes E06,
-- E08, E09, E10), regions (E12) and England; districts and metropolitan counties run no
-- social care.
-- A name still unmatched but carrying a CASSR code prefix (2008, 2010-2012) is matched through
-- the CASSR codes of the ASCOF time-series file ('908-Bath and Somerset UA' is Bath and North East
-- Somerset), and that match then holds for the same spelling without a prefix in other years
-- ('Medway Towns UA' is Medway). The CASSR route comes second because ASCOF's codes are those
-- of 2020-21: CASSR 809 is Dorset Council there but Dorset County Council in 2008.
-- Names matched no way keep a null area_code and match_method 'unmatched': council-type
-- totals ('TOTAL Shire Counties', 'TOTAL Inner London') and the abolished councils above.
-- test unique: year, published_name
-- test not_null: year, published_name, council_name, name_key, match_method
-- test accepted_values: match_method = name, cassr code, cassr code of the same name, unmatched
-- test expression: (area_code is null) = (match_method = 'unmatched')
-- test expression: area_code is null or regexp_full_match(area_code, 'E(06|08|09|10|12)[0-9]{6}|E92000001')
with spellings as (
    select distinct year, published_name, council_name, cassr_code
    from stg_asc_activity__provision
    where not name_missing
),
editions as (
    select min(year) as first_edition, max(year) as last_edition from int_population__estimates
),
candidates as (
    select distinct year as edition, area_code, area_name
    from int_population__estimates
    where (regexp_full_match(area_code, 'E(06|08|09|10|12)[0-9]{6}') or area_code = (select area_code from seed_england))
),
names as (
    select distinct council_name as name from spellings
    union
    select distinct area_name from candidates
),
keys as (
    -- One normalisation, applied to both sides: words padded with spaces so that whole words
    -- are replaced, the noise words twice because neighbours share a space.
    select
        name,
        trim(regexp_replace(
            regexp_replace(
                regexp_replace(
                    regexp_replace(
                        regexp_replace(
                            ' ' || regexp_replace(replace(lower(name), '&', ' and '), '[^a-z0-9]+', ' ', 'g') || ' ',
                            ' (ua|the|borough|council) ', ' ', 'g'),
                        ' (ua|the|borough|council) ', ' ', 'g'),
                    ' with ', ' and ', 'g'),
                '^ (total|county) | (city|county) of $', ' ', 'g'),
            ' +', ' ', 'g')) as name_key
    from names
),
by_name as (
    select
        s.year, s.published_name, s.council_name, s.cassr_code, k.name_key,
        c.area_code as name_match,
        count(c.area_code) over (partition by s.year, s.published_name) as name_matches
    from spellings s
    cross join editions e
    join keys k on k.name = s.council_name
    left join (candidates c join keys ck on ck.name = c.area_name)
        on ck.name_key = k.name_key and c.edition = least(greatest(s.year - 2, e.first_edition), e.last_edition)
),
cassr as (
    select distinct cassr_code, area_code from stg_ascof_2024_25__measures where cassr_code is not null
),
by_cassr as (
    select b.*, a.area_code as cassr_match
    from by_name b
    left join cassr a on a.cassr_code = b.cassr_code and b.name_match is null
),
-- Spellings (after normalisation) that only a CASSR code matched, with the council it gave;
-- a spelling that gave two councils is not carried over.
same_name as (
    select name_key, any_value(cassr_match) as area_code
    from by_cassr
    where cassr_match is not null
    group by name_key
    having count(distinct cassr_match) = 1
)
select
    b.year,
    b.published_name,
    b.council_name,
    b.cassr_code,
    b.name_key,
    coalesce(b.name_match, b.cassr_match, s.area_code) as area_code,
    case
        when b.name_match is not null then 'name'
        when b.cassr_match is not null then 'cassr code'
        when s.area_code is not null then 'cassr code of the same name'
        else 'unmatched'
    end as match_method
from by_cassr b
left join same_name s on s.name_key = b.name_key and b.name_match is null
-- Two councils with one name in the same edition would duplicate activity; stop instead.
where case
    when b.name_matches > 1 then error('activity name ''' || b.published_name || ''' (' || b.year || ') matches ' || b.name_matches || ' councils')
    else true
end
