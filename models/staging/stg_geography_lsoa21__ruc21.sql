-- The 2021 Rural-Urban Classification of every LSOA (2021) in England and Wales: the class code
-- and name, and the Urban/Rural flag (named as in stg_iod2025__lsoa_shropshire).
-- test unique: lsoa21_code
-- test not_null: lsoa21_code, ruc21_code, ruc21_class, ruc21_urban_rural
-- test accepted_values: ruc21_urban_rural = Urban, Rural
-- test expression: (ruc21_urban_rural = 'Urban') = starts_with(ruc21_class, 'Urban:')
-- test expression: (ruc21_urban_rural = 'Urban') = starts_with(ruc21_code, 'U')
-- test relationships: lsoa21_code -> stg_geography_lsoa21__ward24_ltla24.lsoa21_code
select
    lsoa21_code,
    ruc21_code,
    ruc21_class,
    ruc21_urban_rural,
    _source_file as source_file
from raw_ruc21_lsoa21
