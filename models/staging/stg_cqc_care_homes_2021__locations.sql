-- CQC-registered care homes in England (HSCA Active Locations, spring 2021), one row per location.
-- Left out on purpose, so that nothing downstream can carry them:
--   * 'Provider Nominated Individual Name' holds people's names (personal data; '*' where CQC
--     withholds one). The source is classified personal for this column alone.
--   * occupancy_mean, %occupancy_mean, probability_mean, their _std columns and
--     num_values_found(.1) are the VirtUK project's model outputs, not CQC data: 1,162 homes with
--     no observations were filled by random draws from regional distributions, and the VirtUK
--     repository grants no licence to reuse them (PROVENANCE.md).
--   * street addresses and output areas, which no model needs.
-- classification: public: drops the nominated individual's name and VirtUK's modelled occupancy columns
-- lad_code and lad_name come from VirtUK's point-in-polygon join to 2024 council boundaries,
-- not from CQC's own council field: a home near a border may sit in a different council from
-- CQC's listing. Service flags are Y or blank, and blank means "not registered for" (false,
-- never null); any other value stops the build, naming the location and the column.
-- test unique: location_id
-- test not_null: location_id, location_name, registered_on, region, lad_code, lad_name, beds, with_nursing, without_nursing, band_dementia, band_older_people
-- test expression: beds >= 0
-- test expression: with_nursing or without_nursing
-- test expression: regexp_full_match(lad_code, 'E0[6-9][0-9]{6}')
with flags as (
    select
        *,
        -- One check for every flag column: a value other than Y or blank is an error naming it.
        list_filter(
            [
                ['Regulated activity - Treatment of disease, disorder or injury', regulated_activity_treatment],
                ['Service type - Care home service with nursing', service_type_with_nursing],
                ['Service type - Care home service without nursing', service_type_without_nursing],
                ['Service user band - Children 0-18 years', band_children_0_18],
                ['Service user band - Dementia', band_dementia],
                ['Service user band - Learning disabilities or autistic spectrum disorder', band_learning_disabilities_autism],
                ['Service user band - Mental Health', band_mental_health],
                ['Service user band - Older People', band_older_people],
                ['Service user band - Physical Disability', band_physical_disability],
                ['Service user band - Sensory Impairment', band_sensory_impairment],
                ['Service user band - Younger Adults', band_younger_adults]
            ],
            flag -> flag[2] is not null and flag[2] <> 'Y'
        ) as bad_flags
    from raw_cqc_care_homes_england_2021
)
select
    location_id,
    location_name,
    location_hsca_start_date as registered_on,
    location_region as region,
    lad as lad_code,
    location_local_authority as lad_name,
    msoa as msoa_code,
    location_city as town,
    location_postal_code as postcode,
    location_latitude as latitude,
    location_longitude as longitude,
    care_homes_beds as beds,
    service_type_with_nursing is not null as with_nursing,
    service_type_without_nursing is not null as without_nursing,
    regulated_activity_treatment is not null as treats_disease_disorder_injury,
    band_children_0_18 is not null as band_children,
    band_dementia is not null as band_dementia,
    band_learning_disabilities_autism is not null as band_learning_disabilities_autism,
    band_mental_health is not null as band_mental_health,
    band_older_people is not null as band_older_people,
    band_physical_disability is not null as band_physical_disability,
    band_sensory_impairment is not null as band_sensory_impairment,
    band_younger_adults is not null as band_younger_adults,
    _source_file as source_file
from flags
where case
    when len(bad_flags) > 0
        then error(_source_file || ', location ' || location_id || ', column ''' || bad_flags[1][1] || ''': '''
            || bad_flags[1][2] || ''' is not Y or blank')
    else true
end
