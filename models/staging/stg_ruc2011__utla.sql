-- Defra's 2011 Rural-Urban Classification of counties and unitary councils on 2021 boundaries
-- (before the April 2023 mergers). The 6-fold labels come without the thresholds the district
-- file gives them; the 3-fold 'Urban with Significant Rural' reads the same as the 6-fold one.
-- test unique: utla21_code
-- test not_null: utla21_code, utla21_name, ruc11_6_fold, ruc11_3_fold
-- test accepted_values: ruc11_6_fold = Mainly Rural, Largely Rural, Urban with Significant Rural, Urban with City and Town, Urban with Minor Conurbation, Urban with Major Conurbation
-- test accepted_values: ruc11_3_fold = Predominantly Rural, Urban with Significant Rural, Predominantly Urban
select
    utla21_code,
    utla21_name,
    ruc11_6_fold,
    ruc11_3_fold
from raw_ruc2011_utla
