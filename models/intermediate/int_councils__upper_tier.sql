-- England's upper-tier councils as they stand in the newest population estimates (mid-2022, on
-- April 2023 boundaries: 153 councils): unitary, metropolitan district, London borough and
-- county councils. The set every council-to-council comparison is made within.
-- test unique: area_code
-- test not_null: area_code, area_name, area_type
-- test accepted_values: area_type = Unitary Authority, Metropolitan District, London Borough, County
select distinct area_code, area_name, area_type
from int_population__estimates
where year = (select max(year) from int_population__estimates)
    and area_type in ('Unitary Authority', 'Metropolitan District', 'London Borough', 'County')
