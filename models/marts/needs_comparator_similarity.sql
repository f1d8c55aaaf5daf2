-- Which upper-tier councils are most like each upper-tier council, by a stated, reproducible
-- method on published data:
--   1. Councils: every upper-tier council in England in the newest mid-year population estimates
--      (mid-2022, on April 2023 boundaries: 153 unitary, metropolitan, London borough and county
--      councils).
--   2. Four features per council:
--      a. share of residents aged 65 and over (ONS mid-year estimates, mid-2022);
--      b. share aged 85 and over (same);
--      c. rurality: the share of the 2011 Census population living in rural areas or rural-related
--         hub towns (Defra's 2011 Rural-Urban Classification; the measure behind its six classes,
--         summed from 2011 districts to today's councils, so it exists for councils formed since,
--         which have no published class);
--      d. deprivation: the IoD2019 Index of Multiple Deprivation average score (MHCLG File 11;
--         for the seven councils formed since April 2019, derived from their districts in File
--         10, weighted by population).
--   3. Each feature is standardised across the councils, z = (value - mean) / standard deviation
--      (sample), so that each counts equally whatever its units.
--   4. The distance from a council to another is the Euclidean distance between the councils'
--      z-scores: the square root of the sum, over the four features, of the squared differences.
--   5. Councils are ranked by distance, nearest first (ties by code). Every pair is listed (153 x 153
--      rows), so a site can show its configured comparators wherever they rank; is_nearest_15
--      marks the 15 nearest, which a site whose configuration names no comparators takes as its
--      comparators (reports/data/site-areas.ts).
-- Equal weights and no judgement: a starting point for choosing comparators, to be read beside
-- CIPFA's nearest neighbours and local knowledge. It knows nothing of services, spending or
-- geography beyond these four numbers. A district council (not upper tier) gets no rows.
-- test unique: council_code, area_code
-- test not_null: council_code, area_code, area_name, similarity_rank, distance, is_nearest_15, share_65_plus, share_85_plus, rural_share_2011, imd_average_score_2019, councils_compared
-- test relationships: area_code -> int_councils__upper_tier.area_code
-- test relationships: council_code -> int_councils__upper_tier.area_code
-- test expression: (similarity_rank = 0) = (area_code = council_code) and (similarity_rank = 0) = (distance = 0)
-- test expression: (select count(*) from needs_comparator_similarity where is_nearest_15) = 15 * (select count(*) from int_councils__upper_tier)
-- test expression: (select count(*) from needs_comparator_similarity) = (select count(*) * count(*) from int_councils__upper_tier)
with features as (
    select * from int_councils__comparison_features
),
spread as (
    select
        avg(share_65_plus) as mean_65, stddev_samp(share_65_plus) as sd_65,
        avg(share_85_plus) as mean_85, stddev_samp(share_85_plus) as sd_85,
        avg(rural_share_2011) as mean_rural, stddev_samp(rural_share_2011) as sd_rural,
        avg(imd_average_score_2019) as mean_imd, stddev_samp(imd_average_score_2019) as sd_imd,
        count(*) as councils_compared
    from features
),
standardised as (
    select
        f.*,
        (f.share_65_plus - s.mean_65) / s.sd_65 as z_share_65_plus,
        (f.share_85_plus - s.mean_85) / s.sd_85 as z_share_85_plus,
        (f.rural_share_2011 - s.mean_rural) / s.sd_rural as z_rural_share_2011,
        (f.imd_average_score_2019 - s.mean_imd) / s.sd_imd as z_imd_average_score_2019,
        s.councils_compared
    from features f
    cross join spread s
),
distances as (
    select
        k.area_code as council_code,
        z.*,
        sqrt(
            power(z.z_share_65_plus - k.z_share_65_plus, 2)
            + power(z.z_share_85_plus - k.z_share_85_plus, 2)
            + power(z.z_rural_share_2011 - k.z_rural_share_2011, 2)
            + power(z.z_imd_average_score_2019 - k.z_imd_average_score_2019, 2)
        ) as distance
    from standardised z
    cross join standardised k
),
ranked as (
    select
        *,
        row_number() over (partition by council_code order by area_code = council_code desc, distance, area_code) - 1 as similarity_rank
    from distances
)
select
    r.council_code,
    r.area_code,
    r.area_name,
    r.area_type,
    r.similarity_rank,
    r.distance,
    r.similarity_rank between 1 and 15 as is_nearest_15,
    r.share_65_plus,
    r.share_85_plus,
    r.population_year,
    r.rural_share_2011,
    r.ruc11_6_fold,
    r.imd_average_score_2019,
    r.imd_score_method,
    r.z_share_65_plus,
    r.z_share_85_plus,
    r.z_rural_share_2011,
    r.z_imd_average_score_2019,
    r.councils_compared
from ranked r
