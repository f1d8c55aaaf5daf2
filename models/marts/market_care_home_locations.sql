-- Care homes in every upper-tier council as points for the Places map: where each home is, its
-- beds and type, and its locality. No names (of homes or people): the map shows places and
-- sizes, and a home's name can contain a person's name (see tests/personal-names.ts).
-- The CQC file gives 2011 MSOA codes; msoa_in_2021 says whether the code is also a 2021 MSOA
-- of the council, so a page can place the home on 2021 boundaries only where it safely can.
-- test unique: location_id
-- test not_null: location_id, area_code, latitude, longitude, beds, with_nursing, registered_for_dementia
-- test expression: latitude between 49.8 and 55.9 and longitude between -6.5 and 1.8
-- test expression: beds >= 0
select
    h.location_id,
    h.council_code as area_code,
    h.latitude,
    h.longitude,
    h.beds,
    h.with_nursing,
    h.band_dementia as registered_for_dementia,
    h.msoa_code,
    h.msoa_code in (select l.msoa_code from needs_locality_msoa_2025 l where l.area_code = h.council_code) as msoa_in_2021,
    h.source_file
from int_care_homes__locations h
where h.council_code in (select area_code from int_areas__reported)
