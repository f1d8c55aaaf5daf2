-- Every upper-tier council's LSOAs (2021) by their 2021 Rural-Urban Classification (RUC21, ONS):
-- number and share in each of the six classes, with the Urban/Rural flag. RUC21 replaces the 2011 A1-E2 classes; the two are not
-- comparable class by class.
-- test unique: area_code, ruc21_class
-- test not_null: area_code, area_name, ruc21_class, ruc21_urban_rural, lsoa_count, lsoa_share
-- test accepted_values: ruc21_urban_rural = Urban, Rural
-- test relationships: area_code -> int_areas__reported.area_code
-- test expression: lsoa_share > 0 and lsoa_share <= 1
select
    area_code,
    area_name,
    ruc21_class,
    ruc21_urban_rural,
    count(*) as lsoa_count,
    count(*) / sum(count(*)) over (partition by area_code) as lsoa_share
from needs_deprivation_lsoa_2025
group by area_code, area_name, ruc21_class, ruc21_urban_rural
