-- CQC API location records for the care homes of Devon, Plymouth, Somerset and Torbay
-- (February 2021), one row per location. Not Shropshire and not all of England: ratings and
-- providers exist only for these four councils, and the marts say so.
-- The nested API fields arrived as Python literals (single quotes), not JSON, so the values
-- are pulled out with regular expressions on their fixed shape: the overall rating is the
-- first 'rating' after 'overall', and each key question's rating is the first one named for it
-- (in this extract currentRatings holds no service-level ratings that could come first).
-- regulatedActivities names each home's registered managers (personal data) and is not
-- selected; nor are phone numbers or address lines, which no model needs.
-- 14 homes have no current ratings (new or not yet inspected): ratings_published is false and
-- every rating null for them, never 'Good' by default.
-- classification: public: drops regulatedActivities (registered managers' names), phone numbers and address lines
-- test unique: location_id
-- test not_null: location_id, provider_id, location_name, local_authority, beds, registered_on, dormant, with_nursing, without_nursing, ratings_published
-- test accepted_values: local_authority = Devon, Plymouth, Somerset, Torbay
-- test accepted_values: overall_rating = Outstanding, Good, Requires improvement, Inadequate, Inspected but not rated
-- test accepted_values: safe_rating = Outstanding, Good, Requires improvement, Inadequate, Inspected but not rated, No published rating
-- test accepted_values: effective_rating = Outstanding, Good, Requires improvement, Inadequate, Inspected but not rated, No published rating
-- test accepted_values: caring_rating = Outstanding, Good, Requires improvement, Inadequate, Inspected but not rated, No published rating
-- test accepted_values: responsive_rating = Outstanding, Good, Requires improvement, Inadequate, Inspected but not rated, No published rating
-- test accepted_values: well_led_rating = Outstanding, Good, Requires improvement, Inadequate, Inspected but not rated, No published rating
-- test expression: ratings_published = (overall_rating is not null)
-- test expression: ratings_published = (well_led_rating is not null and safe_rating is not null and caring_rating is not null)
-- test expression: not ratings_published or overall_rating_date is not null
-- test expression: with_nursing or without_nursing
-- test expression: beds >= 0
with parsed as (
    select
        *,
        nullif(regexp_extract(current_ratings, '^\{''overall'': \{''rating'': ''([^'']*)''', 1), '') as overall,
        regexp_extract_all(gac_service_types, '''description'': ''([^'']*)''', 1) as service_types,
        regexp_extract_all(specialisms, '''name'': ''([^'']*)''', 1) as specialism_names
    from raw_cqc_api_care_homes_southwest_2021
)
select
    location_id,
    provider_id,
    brand_id,
    brand_name,
    name as location_name,
    local_authority,
    strptime(registration_date, '%d/%m/%Y')::date as registered_on,
    dormancy = 'Y' as dormant,
    number_of_beds as beds,
    postal_code as postcode,
    onspd_latitude as latitude,
    onspd_longitude as longitude,
    list_contains(service_types, 'Care home service with nursing') as with_nursing,
    list_contains(service_types, 'Care home service without nursing') as without_nursing,
    list_contains(specialism_names, 'Dementia') as specialism_dementia,
    list_contains(specialism_names, 'Caring for adults over 65 yrs') as specialism_older_people,
    coalesce(current_ratings, '') not in ('', '{}') as ratings_published,
    overall as overall_rating,
    try_cast(regexp_extract(current_ratings, '^\{''overall'': \{''rating'': ''[^'']*'', ''reportDate'': ''([0-9-]+)''', 1) as date) as overall_rating_date,
    nullif(regexp_extract(current_ratings, '\{''name'': ''Safe'', ''rating'': ''([^'']*)''', 1), '') as safe_rating,
    nullif(regexp_extract(current_ratings, '\{''name'': ''Effective'', ''rating'': ''([^'']*)''', 1), '') as effective_rating,
    nullif(regexp_extract(current_ratings, '\{''name'': ''Caring'', ''rating'': ''([^'']*)''', 1), '') as caring_rating,
    nullif(regexp_extract(current_ratings, '\{''name'': ''Responsive'', ''rating'': ''([^'']*)''', 1), '') as responsive_rating,
    nullif(regexp_extract(current_ratings, '\{''name'': ''Well-led'', ''rating'': ''([^'']*)''', 1), '') as well_led_rating,
    try_cast(regexp_extract(last_report, '''publicationDate'': ''([0-9-]+)''', 1) as date) as last_report_published,
    _source_file as source_file
from parsed
