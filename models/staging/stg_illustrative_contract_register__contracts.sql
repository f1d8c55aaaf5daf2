-- Contract register rows, one per council and reference, read by the Local Government
-- Transparency Code 2015 column names so that a council's own register (same headers) can
-- replace the illustrative files. Y/N flags become booleans; anything else stays null and fails
-- not_null, naming the row, rather than being read as N. The supplier's postcode district (the
-- outward code) is what the supplier-mix mart matches against the council's districts.
-- is_illustrative comes from where the file was loaded from: every file under
-- sources/data/illustrative-contracts/ is generated (see its PROVENANCE.md); a council's real
-- register declared under its own folder is not.
-- test unique: council_code, reference
-- test not_null: council_code, reference, title, department, category, supplier_name, is_sme, is_vcse, value, start_date, end_date, procurement_route, is_illustrative
-- test expression: end_date >= start_date
-- test expression: value >= 0
-- test expression: regexp_full_match(council_code, 'E[0-9]{8}')
select
    trim(council_code) as council_code,
    trim(reference_number) as reference,
    trim(title_of_agreement) as title,
    trim(department) as department,
    trim(category) as category,
    trim(description) as description,
    trim(supplier_name) as supplier_name,
    nullif(trim(supplier_registration_number), '') as supplier_registration_number,
    nullif(upper(trim(supplier_postcode)), '') as supplier_postcode,
    nullif(split_part(upper(trim(supplier_postcode)), ' ', 1), '') as supplier_postcode_district,
    case upper(trim(sme)) when 'Y' then true when 'N' then false end as is_sme,
    case upper(trim(vcse)) when 'Y' then true when 'N' then false end as is_vcse,
    value_of_contract as value,
    start_date,
    end_date,
    review_date,
    lower(trim(procurement_route)) as procurement_route,
    starts_with(_source_file, 'sources/data/illustrative-contracts/') as is_illustrative,
    _source_file as source_file
from raw_illustrative_contract_register
