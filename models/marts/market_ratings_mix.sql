-- CQC ratings of care homes (overall and the five key questions), by council, where ratings
-- are held; and, for every other upper-tier council and England, a row saying they are not.
-- Coverage: ratings exist only in CQC's API records for Devon, Plymouth, Somerset and Torbay
-- (February 2021, latest report 19 January 2021). The England care home file has no ratings,
-- so every other council appears with ratings_available false and no
-- rating rows: nothing here describes their homes' quality.
-- 'No current rating' is a home with no published rating yet (14 in these records);
-- 'No published rating' is CQC's own label for a key question it did not rate.
-- Shares are of the council's homes (or beds) in these records, for each key question.
-- test unique: area_code, key_question, rating
-- test not_null: area_code, area_name, ratings_available, key_question, coverage
-- test accepted_values: key_question = Overall, Safe, Effective, Caring, Responsive, Well-led
-- test accepted_values: rating = Outstanding, Good, Requires improvement, Inadequate, Inspected but not rated, No published rating, No current rating
-- test expression: ratings_available = (rating is not null)
-- test expression: share_of_homes is null or share_of_homes between 0 and 1
with wide as (
    select area_code, location_id, beds, overall_rating_date,
        overall_rating as "Overall", safe_rating as "Safe", effective_rating as "Effective",
        caring_rating as "Caring", responsive_rating as "Responsive", well_led_rating as "Well-led"
    from int_cqc_southwest__locations
),
long as (
    select area_code, location_id, beds, key_question, coalesce(rating, 'No current rating') as rating, overall_rating_date
    from wide
    unpivot include nulls (rating for key_question in ("Overall", "Safe", "Effective", "Caring", "Responsive", "Well-led"))
),
mix as (
    select
        area_code,
        key_question,
        rating,
        count(*)::integer as homes,
        sum(beds)::integer as beds,
        count(*) / sum(count(*)) over (partition by area_code, key_question) as share_of_homes,
        sum(beds) / sum(sum(beds)) over (partition by area_code, key_question) as share_of_beds,
        max(max(overall_rating_date)) over (partition by area_code) as latest_rating_date
    from long
    group by area_code, key_question, rating
),
covered as (
    select string_agg(distinct a.area_name, ', ' order by a.area_name) as names
    from mix m join int_areas a using (area_code)
),
rows as (
    select *, true as ratings_available from mix
    union all by name
    -- Areas without ratings: one row each, stating it.
    select c.area_code, 'Overall' as key_question, false as ratings_available
    from int_areas__reported c
    where c.area_code not in (select area_code from mix)
)
select
    r.area_code,
    a.area_name,
    r.ratings_available,
    r.key_question,
    r.rating,
    case r.rating
        when 'Outstanding' then 1 when 'Good' then 2 when 'Requires improvement' then 3 when 'Inadequate' then 4
        when 'Inspected but not rated' then 5 when 'No published rating' then 6 when 'No current rating' then 7
    end as rating_order,
    r.homes,
    r.beds,
    r.share_of_homes,
    r.share_of_beds,
    r.latest_rating_date,
    case
        when r.ratings_available then 'CQC ratings from API records, February 2021'
        else 'No ratings data for this area: ratings are held only for ' || (select names from covered) || ' (CQC API records, February 2021)'
    end as coverage
from rows r
join int_areas a using (area_code)
