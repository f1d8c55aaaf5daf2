// Turns contract register rows (the contracts_register mart) into an Open Contracting Data
// Standard 1.1 release package: one release per contract, tagged "contract", with the buyer and
// supplier as parties, an award and a contract carrying the value, period and supplier.
// The zod schemas below encode what the OCDS 1.1 release and release package schemas require
// (release: ocid, id, date, tag, initiationType; package: uri, version, publishedDate,
// publisher.name, releases; award: id; contract: id, awardID) and the codelists used, so an
// export that would not validate fails here rather than at a consumer.
import { z } from "zod";

/**
 * The OCID prefix. Real publishers register an "ocds-xxxxxx" prefix with the Open Contracting
 * Partnership; this one is not registered, and says so: the releases describe illustrative data.
 */
export const OCID_PREFIX = "ocds-illustrative";

const dateTime = z.iso.datetime({ offset: true });
const RELEASE_TAGS = [
  "planning", "planningUpdate", "tender", "tenderAmendment", "tenderUpdate", "tenderCancellation", "award", "awardUpdate",
  "awardCancellation", "contract", "contractUpdate", "contractAmendment", "implementation", "implementationUpdate",
  "contractTermination", "compiled",
] as const;
const PARTY_ROLES = ["buyer", "procuringEntity", "supplier", "tenderer", "funder", "enquirer", "payer", "payee", "reviewBody", "interestedParty"] as const;

const value = z.object({ amount: z.number().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/) });
const period = z.object({ startDate: dateTime.optional(), endDate: dateTime.optional() });
const organisationReference = z.object({ id: z.string().min(1), name: z.string().min(1) });

export const releaseSchema = z.object({
  ocid: z.string().min(1),
  id: z.string().min(1),
  date: dateTime,
  tag: z.array(z.enum(RELEASE_TAGS)).min(1),
  initiationType: z.literal("tender"),
  language: z.string().optional(),
  parties: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string().min(1),
        identifier: z.object({ scheme: z.string().min(1), id: z.string().min(1), legalName: z.string().optional() }).optional(),
        address: z.object({ postalCode: z.string().optional(), countryName: z.string().optional() }).optional(),
        roles: z.array(z.enum(PARTY_ROLES)).min(1),
        details: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
  buyer: organisationReference.optional(),
  tender: z
    .object({
      id: z.string().min(1),
      title: z.string().optional(),
      status: z.enum(["planning", "planned", "active", "cancelled", "unsuccessful", "complete", "withdrawn"]).optional(),
      procurementMethod: z.enum(["open", "selective", "limited", "direct"]).optional(),
      procurementMethodDetails: z.string().optional(),
    })
    .optional(),
  awards: z
    .array(
      z.object({
        id: z.string().min(1),
        status: z.enum(["pending", "active", "cancelled", "unsuccessful"]).optional(),
        value: value.optional(),
        suppliers: z.array(organisationReference).optional(),
        contractPeriod: period.optional(),
      }),
    )
    .optional(),
  contracts: z
    .array(
      z.object({
        id: z.string().min(1),
        awardID: z.string().min(1),
        title: z.string().optional(),
        description: z.string().optional(),
        status: z.enum(["pending", "active", "cancelled", "terminated"]).optional(),
        period: period.optional(),
        value: value.optional(),
      }),
    )
    .optional(),
});
export type Release = z.infer<typeof releaseSchema>;

export const releasePackageSchema = z.object({
  uri: z.url(),
  version: z.literal("1.1"),
  publishedDate: dateTime,
  publisher: z.object({ name: z.string().min(1), scheme: z.string().optional(), uid: z.string().optional(), uri: z.string().optional() }),
  license: z.url().optional(),
  publicationPolicy: z.string().optional(),
  releases: z.array(releaseSchema).min(1),
});
export type ReleasePackage = z.infer<typeof releasePackageSchema>;

/** The contracts_register columns the export reads. */
export interface RegisterRow {
  reference: string;
  council_code: string;
  council_name: string;
  title: string;
  description: string | null;
  supplier_name: string;
  supplier_registration_number: string | null;
  supplier_postcode: string | null;
  is_sme: boolean;
  is_vcse: boolean;
  value: number;
  start_date: string;
  end_date: string;
  procurement_route: string;
  is_illustrative: boolean;
}

const asDateTime = (date: string) => `${date.slice(0, 10)}T00:00:00Z`;

// Procurement routes in the register, mapped to the OCDS procurementMethod codelist; the
// register's own wording travels in procurementMethodDetails.
const METHOD: Record<string, "open" | "selective" | "limited" | "direct"> = {
  open: "open",
  restricted: "selective",
  "competitive flexible": "selective",
  "framework call-off": "limited",
  "direct award": "direct",
};

/** Organisation identifier (org-id.guide): Companies House (8 characters) or Charity Commission numbers. */
function supplierIdentifier(registration: string | null): { scheme: string; id: string } | null {
  if (!registration) return null;
  if (/^[0-9]{6,7}$/.test(registration)) return { scheme: "GB-CHC", id: registration };
  if (/^[A-Z0-9]{8}$/.test(registration)) return { scheme: "GB-COH", id: registration };
  return null;
}

export function ocid(row: Pick<RegisterRow, "council_code" | "reference">): string {
  return `${OCID_PREFIX}-${row.council_code}-${row.reference}`;
}

/** One release for one register row; `asAt` (ISO date) is the release date. */
export function releaseFor(row: RegisterRow, asAt: string): Release {
  const identifier = supplierIdentifier(row.supplier_registration_number);
  const supplierId = identifier ? `${identifier.scheme}-${identifier.id}` : `supplier-${row.reference}`;
  // The buyer is named by its ONS code; no org-id scheme for English councils is assumed.
  const buyer = { id: `buyer-${row.council_code}`, name: row.council_name };
  const supplier = { id: supplierId, name: row.supplier_name };
  const contractPeriod = { startDate: asDateTime(row.start_date), endDate: asDateTime(row.end_date) };
  const amount = { amount: row.value, currency: "GBP" };
  const label = row.is_illustrative ? "Illustrative data: " : "";
  return {
    ocid: ocid(row),
    id: `${ocid(row)}-contract-${asAt.slice(0, 10)}`,
    date: asDateTime(asAt),
    tag: ["contract"],
    initiationType: "tender",
    language: "en",
    parties: [
      { id: buyer.id, name: buyer.name, roles: ["buyer"] },
      {
        id: supplier.id,
        name: supplier.name,
        ...(identifier ? { identifier: { ...identifier, legalName: row.supplier_name } } : {}),
        ...(row.supplier_postcode ? { address: { postalCode: row.supplier_postcode, countryName: "United Kingdom" } } : {}),
        roles: ["supplier"],
        details: { scale: row.is_sme ? "sme" : "large", vcse: row.is_vcse },
      },
    ],
    buyer,
    tender: {
      id: row.reference,
      title: `${label}${row.title}`,
      status: "complete",
      procurementMethod: METHOD[row.procurement_route] ?? "open",
      procurementMethodDetails: row.procurement_route,
    },
    awards: [{ id: `${row.reference}-award`, status: "active", value: amount, suppliers: [supplier], contractPeriod }],
    contracts: [
      {
        id: row.reference,
        awardID: `${row.reference}-award`,
        title: `${label}${row.title}`,
        ...(row.description ? { description: `${label}${row.description}` } : {}),
        // A contract past its end date is reported as terminated (OCDS has no "ended" status).
        status: row.end_date.slice(0, 10) < asAt.slice(0, 10) ? "terminated" : "active",
        period: contractPeriod,
        value: amount,
      },
    ],
  };
}

export interface PackageOptions {
  /** Where the package is published (its own address). */
  uri: string;
  /** ISO date-time of publication. */
  publishedDate: string;
  publisher: string;
}

/** The release package for the rows given, validated; throws naming the first failing field. */
export function ocdsPackage(rows: RegisterRow[], options: PackageOptions): ReleasePackage {
  const asAt = options.publishedDate.slice(0, 10);
  const candidate = {
    uri: options.uri,
    version: "1.1",
    publishedDate: options.publishedDate,
    publisher: { name: options.publisher },
    publicationPolicy: rows.some((row) => row.is_illustrative)
      ? "Illustrative data: generated by the commissioning intelligence project; no real contract, supplier or award. The OCID prefix 'ocds-illustrative' is not registered."
      : undefined,
    releases: rows.map((row) => releaseFor(row, asAt)),
  };
  const parsed = releasePackageSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`OCDS export: ${issue.path.join(".") || "(package)"}: ${issue.message}`);
  }
  return parsed.data;
}
