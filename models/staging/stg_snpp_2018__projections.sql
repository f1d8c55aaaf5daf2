-- ONS 2018-based SNPP (principal), as prepared by the NHS Strategy Unit on 2023 boundaries: one
-- row per area (council, county, ICB, England), sex and age group, a column per projection year,
-- as published. Kept wide: unpivoted, all 360 areas come to 2.6 million rows, most of which no
-- model reads; int_population__projections_all_editions unpivots the councils it uses. Every row
-- carries its edition, so no series built from it can pass for the 2022-based one. "90 and over"
-- becomes age 90; "All ages" rows are kept apart (age null, is_all_ages true).
-- test unique: area_code, sex, age_group
-- test not_null: projection_edition, area_code, area_name, area_type, sex, age_group
-- test accepted_values: projection_edition = 2018-based
-- test accepted_values: sex = persons, male, female
-- test accepted_values: area_type = Unitary authority, Non-metropolitan district, Metropolitan district, London borough, County, ICB, Country
-- test expression: is_all_ages or age between 0 and 90
-- test expression: least(y2018, y2019, y2020, y2021, y2022, y2023, y2024, y2025, y2026, y2027, y2028, y2029, y2030, y2031, y2032, y2033, y2034, y2035, y2036, y2037, y2038, y2039, y2040, y2041, y2042, y2043) >= 0
select
    '2018-based' as projection_edition,
    area_code,
    area_name,
    area_type,
    case sex when 'males' then 'male' when 'females' then 'female' else sex end as sex,
    age_group,
    age_group = 'All ages' as is_all_ages,
    case
        when age_group = 'All ages' then null
        when age_group = '90 and over' then 90
        else try_cast(age_group as integer)
    end as age,
    y2018,
    y2019,
    y2020,
    y2021,
    y2022,
    y2023,
    y2024,
    y2025,
    y2026,
    y2027,
    y2028,
    y2029,
    y2030,
    y2031,
    y2032,
    y2033,
    y2034,
    y2035,
    y2036,
    y2037,
    y2038,
    y2039,
    y2040,
    y2041,
    y2042,
    y2043,
    _source_file as source_file
from raw_snpp_2018_based_all_areas
