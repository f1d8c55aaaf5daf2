// Trafford Council's supplier spend ("expenditure exceeding £500"), 2024-25, as the Trafford
// Data Lab ships it: one CSV inside a zip (see data/trafford-spend-2024-25/PROVENANCE.md). The
// zip is loaded as published; the loader extracts the member. Classified internal: line-level
// spend with sole traders' names and VAT numbers; payments to individuals are marked Redacted.
import { defineCsvSource, type Column } from "./declaration.ts";

const text = (name: string, header: string, description: string, extra: Partial<Column> = {}): Column => ({
  name,
  type: "VARCHAR",
  required: false,
  header,
  description,
  ...extra,
});

export default defineCsvSource({
  id: "trafford-spend-2024-25",
  title: "Trafford Council supplier spend (expenditure exceeding £500), 2024-25",
  publisher: "Trafford Council (Trafford Data Lab)",
  licence: {
    name: "Open Government Licence v3.0",
    url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    attribution: "Contains public sector information from Trafford Council licensed under the Open Government Licence v3.0",
  },
  edition: "Financial year 2024-25 (payments 1 April 2024 to 31 March 2025)",
  url: "https://github.com/traffordDataLab/council_open_data",
  format: "csv",
  cadenceMonths: 12,
  classification: "internal",
  table: "raw_trafford_spend_2024_25",
  amount: "amount",
  files: [
    {
      path: "sources/data/trafford-spend-2024-25/trafford-supplier-spend-2024-25.zip",
      member: "trafford-supplier-spend-2024-25.csv",
      edition: "2024-25",
      released: "2025-04-23",
    },
  ],
  columns: [
    text("organisation_label", "OrganisationLabel", "Publishing council's name", { required: true }),
    text("organisation_uri", "OrganisationURI", "Publishing council's OpenDataCommunities URI; the staging model maps it to E08000009", { required: true }),
    { name: "effective_date", type: "DATE", required: true, header: "EffectiveDate", description: "Month end of the accounting period" },
    text("organisational_unit", "OrganisationalUnit", "Cost-centre style unit (e.g. LIFT REPAIRS & MTCE), not a directorate"),
    text("beneficiary_name", "BeneficiaryName", "Supplier; 'Redacted' for payments to individuals", { classification: "internal" }),
    text("beneficiary_other_id", "BeneficiaryOtherID", "Council's supplier id"),
    { name: "payment_date", type: "DATE", required: true, header: "PaymentDate", description: "Payment date" },
    text("transaction_number", "TransactionNumber", "Transaction number", { required: true }),
    {
      name: "amount",
      type: "DOUBLE",
      required: true,
      header: "Amount",
      description: "Amount in GBP, net of VAT; includes lines under £500 and negatives (credit notes, cash discounts)",
      rule: "reconciled: the file's total in pence equals the total loaded plus the total rejected",
    },
    { name: "irrecoverable_vat_amount", type: "DOUBLE", required: false, header: "IrrecoverableVATAmount", description: "Irrecoverable VAT in GBP" },
    text("purpose", "Purpose", "Free-text purpose of the payment"),
    text("proclass_label", "ProclassLabel", "Proclass category label, inconsistently spaced; 'NA' where none"),
    text("proclass_code", "ProclassCode", "Proclass category code"),
    text("invoice_number", "InvoiceNumber", "Invoice number"),
    text("profit_centre", "ProfitCentre", "Profit centre code"),
    text("vat_registration_number", "VATRegistrationNumber", "Supplier's VAT registration number (identifies sole traders)", { classification: "internal" }),
  ],
  notes:
    "Includes lines under £500 and negative lines. 34,612 lines are to individuals and carry BeneficiaryName 'Redacted'. " +
    "Proclass labels are not clean (spacing, prefixes); the staging model normalises them.",
});
