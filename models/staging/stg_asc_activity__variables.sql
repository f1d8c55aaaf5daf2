-- The author's definitions of the adult social care activity file's columns (meta_data.xlsx),
-- for the page's notes. Only the rows for activity_keep_all (dataset 'Activity/ Activity_keep_all')
-- are kept; the expenditure and inspection outputs they also describe are not loaded here.
-- Variable names are trimmed: the published 'percent_sector' carries trailing spaces.
-- test unique: variable_name
-- test not_null: variable_name, description, data_source
select
    trim(variable_name) as variable_name,
    trim(description) as description,
    trim(data_source) as data_source
from raw_asc_activity_provision_metadata
where trim(dataset) = 'Activity/ Activity_keep_all'
