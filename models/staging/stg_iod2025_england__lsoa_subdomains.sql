-- IoD2025 sub-domains for every LSOA in England (2021): score, rank (1 = most deprived) and
-- decile of the two sub-domains of each of Education, Barriers and Living environment.
-- test unique: lsoa21_code
-- test relationships: lsoa21_code -> stg_iod2025_england__lsoa_domains.lsoa21_code
-- test not_null: children_and_young_people_rank, adult_skills_rank, geographical_barriers_rank, wider_barriers_rank, indoors_rank, outdoors_rank
-- test expression: children_and_young_people_decile = ceil(children_and_young_people_rank * 10.0 / 33755)
-- test expression: adult_skills_decile = ceil(adult_skills_rank * 10.0 / 33755)
-- test expression: geographical_barriers_decile = ceil(geographical_barriers_rank * 10.0 / 33755)
-- test expression: wider_barriers_decile = ceil(wider_barriers_rank * 10.0 / 33755)
-- test expression: indoors_decile = ceil(indoors_rank * 10.0 / 33755)
-- test expression: outdoors_decile = ceil(outdoors_rank * 10.0 / 33755)
select
    'IoD2025' as edition,
    lsoa21_code,
    children_and_young_people_score, children_and_young_people_rank, children_and_young_people_decile,
    adult_skills_score, adult_skills_rank, adult_skills_decile,
    geographical_barriers_score, geographical_barriers_rank, geographical_barriers_decile,
    wider_barriers_score, wider_barriers_rank, wider_barriers_decile,
    indoors_score, indoors_rank, indoors_decile,
    outdoors_score, outdoors_rank, outdoors_decile,
    _source_file as source_file
from raw_iod2025_england_lsoa21_subdomains
