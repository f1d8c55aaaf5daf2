-- IoD2025 underlying indicators (File 8) for every LSOA in England (2021), under the IMD
-- package's names. Suppressed small numerators stay null: a null is "not published", not zero.
-- test unique: lsoa21_code
-- test relationships: lsoa21_code -> stg_iod2025_england__lsoa_domains.lsoa21_code
-- test not_null: lsoa21_code, comparative_illness_and_disability_ratio_indicator, years_of_potential_life_lost_indicator
-- test expression: coalesce(income_domain_numerator, 0) >= 0
select
    'IoD2025' as edition,
    lsoa21_code,
    * exclude (lsoa21_code, _source_file),
    _source_file as source_file
from raw_iod2025_england_lsoa21_indicators
