-- CQC care homes (spring 2021) with the upper-tier council responsible for adult social care
-- in their area: a district (E07) belongs to its county through the ONS December 2022 lookup;
-- unitary, metropolitan and London councils are their own upper tier. The file's council
-- codes are 2024 ones, so Cumberland, Westmorland and Furness, North Yorkshire and Somerset
-- appear as the unitaries created in April 2023, which the 2022 lookup predates: they are
-- unitaries, and their own upper tier, so they need no lookup row.
-- test unique: location_id
-- test not_null: location_id, lad_code, council_code, beds
-- test expression: regexp_full_match(council_code, 'E(06|08|09|10)[0-9]{6}')
-- test expression: (lad_code like 'E07%') = (council_code like 'E10%')
select
    l.*,
    case when l.lad_code like 'E07%' then u.utla_code else l.lad_code end as council_code
from stg_cqc_care_homes_2021__locations l
left join stg_ons_ltla_utla_2022__lookup u on u.ltla_code = l.lad_code
