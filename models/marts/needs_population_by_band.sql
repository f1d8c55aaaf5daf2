-- The same population in 5-year age bands (0-4 ... 85-89, 90+), for pyramids and tables.
-- test unique: series, year, area_code, sex, band_start
-- test not_null: series, year, area_code, area_name, sex, age_band, population
-- test expression: population >= 0
select series, year, area_code, area_name, sex, age_band, band_start, sum(population) as population, projection_edition, projection_label
from needs_population_by_age
group by all
