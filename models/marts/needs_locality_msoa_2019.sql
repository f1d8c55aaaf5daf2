-- Localities for IoD2019: each MSOA (2011) of the configured council with its House of Commons
-- Library name, its number of LSOAs (2011), how many and what share of them lie in England's most
-- deprived 20% on the IMD (deciles 1-2), and the median IMD decile of its LSOAs.
-- Built from needs_deprivation_lsoa_2019; LSOAs whose MSOA the name lookup cannot find (councils
-- merged since 2019, see int_deprivation__lsoa_2019) are left out rather than guessed.
-- Kept apart from needs_locality_msoa_2025: a different edition and LSOA geography.
-- Not here, on purpose: people aged 65+ by MSOA (no small-area population estimates are
-- bundled) and care home beds by MSOA (they come from the CQC care-home work, which geocodes
-- locations); a column is left out rather than filled with something that is not that figure.
-- test unique: area_code, msoa_code
-- test not_null: edition, area_code, area_name, msoa_code, msoa_name, lsoa_count, lsoas_most_deprived_20, share_most_deprived_20, median_imd_decile
-- test accepted_values: edition = IoD2019
-- test relationships: msoa_code -> stg_hcl__msoa_names.msoa11_code
-- test expression: lsoas_most_deprived_20 <= lsoa_count and median_imd_decile between 1 and 10
select
    edition,
    area_code,
    area_name,
    msoa11_code as msoa_code,
    msoa11_name as msoa_name,
    msoa11_hcl_name as msoa_hcl_name,
    count(*) as lsoa_count,
    count(*) filter (where in_most_deprived_20) as lsoas_most_deprived_20,
    count(*) filter (where in_most_deprived_20) / count(*) as share_most_deprived_20,
    median(imd_decile) as median_imd_decile,
    min(imd_decile) as most_deprived_lsoa_decile
from needs_deprivation_lsoa_2019
where msoa11_code is not null
group by all
