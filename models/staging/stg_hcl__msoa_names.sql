-- MSOAs (2011 and 2021) with their ONS and House of Commons Library names, and the current
-- councils and country each lies in. One row per MSOA code: 2011-only, 2021-only and both-census
-- MSOAs are mixed, told apart by msoa11_code and msoa21_code; Scotland and Northern Ireland
-- hold other small areas in the same columns.
-- test unique: msoa_code
-- test not_null: msoa_code, msoa_name, country_code
-- test expression: msoa11_code is not null or msoa21_code is not null or country_code <> 'E92000001'
select
    msoacd as msoa_code,
    msoanm as msoa_name,
    msoahclnm as msoa_hcl_name,
    msoa11cd as msoa11_code,
    msoa21cd as msoa21_code,
    msoa11nm as msoa11_name,
    msoa11hclnm as msoa11_hcl_name,
    ladcd_active as lad_code_active,
    utlacd as utla_code,
    rgncd as region_code,
    ctrycd as country_code
from raw_msoa_lookup_hcl_names
