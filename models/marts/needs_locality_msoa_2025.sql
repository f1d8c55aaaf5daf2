-- Localities for IoD2025: each MSOA (2021) of the configured council, where the bundled IoD2025
-- subset covers it, with its House of Commons Library name, its number of LSOAs (2021), how many
-- and what share lie in England's most deprived 20% on the IMD, the median IMD decile of its
-- LSOAs, and how many of its LSOAs are rural (RUC21).
-- Kept apart from needs_locality_msoa_2019: a different edition and LSOA geography (most MSOA
-- codes are the same in 2011 and 2021, but their LSOAs and ranks are not comparable).
-- Not here, on purpose: people aged 65+ by MSOA (no small-area population estimates are
-- bundled) and care home beds by MSOA (from the CQC care-home work).
-- test unique: area_code, msoa_code
-- test not_null: edition, area_code, area_name, msoa_code, msoa_name, lsoa_count, lsoas_most_deprived_20, share_most_deprived_20, median_imd_decile, rural_lsoas
-- test accepted_values: edition = IoD2025
-- test relationships: msoa_code -> stg_hcl__msoa_names.msoa21_code
-- test expression: lsoas_most_deprived_20 <= lsoa_count and rural_lsoas <= lsoa_count and median_imd_decile between 1 and 10
select
    edition,
    area_code,
    area_name,
    msoa21_code as msoa_code,
    msoa21_name as msoa_name,
    msoa21_hcl_name as msoa_hcl_name,
    count(*) as lsoa_count,
    count(*) filter (where in_most_deprived_20) as lsoas_most_deprived_20,
    count(*) filter (where in_most_deprived_20) / count(*) as share_most_deprived_20,
    median(imd_decile) as median_imd_decile,
    min(imd_decile) as most_deprived_lsoa_decile,
    count(*) filter (where ruc21_urban_rural = 'Rural') as rural_lsoas
from needs_deprivation_lsoa_2025
group by all
