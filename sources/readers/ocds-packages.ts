// Reads one OCDS 1.1 release package (JSON) into one row per release. The package and each
// release are checked with zod against the fields OCDS requires: a release that fails becomes
// a reject naming the file and the JSON path ("releases[0].date"); a file that is not JSON, or
// not a package, stops the load. Names and titles are HTML-unescaped (Contracts Finder
// publishes "&amp;" and "&#039;"). Parties' contact points (officials' names, emails and phone
// numbers) are never read into rows, and are stripped from the raw text kept with a reject.
import { decodeHTML } from "entities";
import { z } from "zod";
import { jsonPath, readJsonDocument } from "./json-document.ts";
import { type Column, type RawValue, type Reject, type SheetReadResult, type SourceFile, type SpreadsheetSource } from "../declaration.ts";

const dateTime = z.iso.datetime({ offset: true });
const text = z.string().nullish();
const id = z.union([z.string(), z.number()]).nullish();
const value = z.looseObject({ amount: z.number().nullish(), currency: text }).nullish();
const period = z.looseObject({ startDate: dateTime.nullish(), endDate: dateTime.nullish() }).nullish();
const organisation = z.looseObject({ id, name: text });

export const releaseSchema = z.looseObject({
  ocid: z.string().min(1),
  id: z.string().min(1),
  date: dateTime,
  tag: z.array(z.string().min(1)).min(1),
  // The only value in the OCDS 1.1 initiationType codelist.
  initiationType: z.literal("tender"),
  language: text,
  buyer: organisation.nullish(),
  tender: z
    .looseObject({
      id,
      title: text,
      description: text,
      status: text,
      procurementMethod: text,
      procurementMethodDetails: text,
      value,
      minValue: value,
      tenderPeriod: period,
      contractPeriod: period,
      numberOfTenderers: z.number().int().nullish(),
      items: z.array(z.looseObject({ classification: z.looseObject({ scheme: text, id, description: text }).nullish() })).nullish(),
    })
    .nullish(),
  awards: z
    .array(z.looseObject({ id, status: text, date: dateTime.nullish(), value, suppliers: z.array(organisation).nullish(), contractPeriod: period }))
    .nullish(),
});
type Release = z.infer<typeof releaseSchema>;

export const packageSchema = z.looseObject({
  uri: z.string().min(1),
  // OCDS requires a date-time; one package in the Bluetail sample has "" (see PROVENANCE.md).
  // The release's own date is the one used downstream, so a blank is read as unknown.
  publishedDate: z.union([dateTime, z.literal("")]),
  publisher: z.looseObject({ name: z.string().min(1) }),
  version: z.string().min(1),
  releases: z.array(z.unknown()),
});
type Package = z.infer<typeof packageSchema>;

export { jsonPath } from "./json-document.ts";

/**
 * HTML-unescaped text. Some supplier names are escaped twice ("&amp;amp;"), so decoding repeats
 * until the text stops changing (a few passes at most).
 */
export function unescape(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  let text = value;
  for (let pass = 0; pass < 3; pass++) {
    const decoded = decodeHTML(text);
    if (decoded === text) break;
    text = decoded;
  }
  return text;
}
const idText = (value: string | number | null | undefined): string | null => (value === null || value === undefined ? null : String(value));
const distinct = (values: (string | null)[]): string[] => [...new Set(values.filter((value): value is string => value !== null))];

/** The fields a row can carry, by column name. */
const FIELDS: Record<string, (release: Release, pkg: Package) => RawValue> = {
  ocid: (r) => r.ocid,
  release_id: (r) => r.id,
  release_date: (r) => r.date,
  tag: (r) => r.tag.join(","),
  initiation_type: (r) => r.initiationType,
  language: (r) => r.language ?? null,
  package_uri: (_r, p) => p.uri,
  package_published_date: (_r, p) => (p.publishedDate === "" ? null : p.publishedDate),
  publisher_name: (_r, p) => unescape(p.publisher.name),
  buyer_id: (r) => idText(r.buyer?.id),
  buyer_name: (r) => unescape(r.buyer?.name),
  tender_id: (r) => idText(r.tender?.id),
  title: (r) => unescape(r.tender?.title),
  description: (r) => unescape(r.tender?.description),
  status: (r) => r.tender?.status ?? null,
  procurement_method: (r) => r.tender?.procurementMethod ?? null,
  procurement_method_details: (r) => unescape(r.tender?.procurementMethodDetails),
  value_amount: (r) => r.tender?.value?.amount ?? null,
  value_currency: (r) => r.tender?.value?.currency ?? null,
  min_value_amount: (r) => r.tender?.minValue?.amount ?? null,
  tender_end_date: (r) => r.tender?.tenderPeriod?.endDate ?? null,
  contract_start: (r) => r.tender?.contractPeriod?.startDate ?? null,
  contract_end: (r) => r.tender?.contractPeriod?.endDate ?? null,
  number_of_tenderers: (r) => r.tender?.numberOfTenderers ?? null,
  cpv_codes: (r) => {
    const codes = distinct((r.tender?.items ?? []).map((item) => (item.classification?.scheme === "CPV" ? idText(item.classification.id) : null)));
    return codes.length === 0 ? null : codes.join(";");
  },
  award_count: (r) => (r.awards ?? []).length,
  award_date: (r) => distinct((r.awards ?? []).map((award) => award.date ?? null)).sort()[0] ?? null,
  award_status: (r) => distinct((r.awards ?? []).map((award) => award.status ?? null)).join(";") || null,
  // Summed only when every award states an amount in one currency; otherwise a sum would mislead.
  award_value_amount: (r) => {
    const values = (r.awards ?? []).map((award) => award.value);
    const currencies = distinct(values.map((v) => v?.currency ?? null));
    if (values.length === 0 || values.some((v) => typeof v?.amount !== "number") || currencies.length !== 1) return null;
    return values.reduce((sum, v) => sum + (v?.amount ?? 0), 0);
  },
  award_value_currency: (r) => {
    const currencies = distinct((r.awards ?? []).map((award) => award.value?.currency ?? null));
    return currencies.length === 1 ? currencies[0]! : null;
  },
  supplier_names: (r) => distinct((r.awards ?? []).flatMap((award) => (award.suppliers ?? []).map((supplier) => unescape(supplier.name)))).join(";") || null,
};

export const OCDS_FIELDS = Object.keys(FIELDS);

/** The release as text for the rejects table, without the parties' contact points. */
function rawWithoutContacts(release: unknown): string {
  if (typeof release !== "object" || release === null || !Array.isArray((release as { parties?: unknown }).parties)) return JSON.stringify(release);
  const parties = ((release as { parties: unknown[] }).parties).map((party) =>
    typeof party === "object" && party !== null ? { ...party, contactPoint: undefined } : party,
  );
  return JSON.stringify({ ...release, parties });
}

/** A reader for the declared columns, each of which must be one of OCDS_FIELDS. */
export function ocdsPackagesReader(columns: readonly Column[]): SpreadsheetSource["read"] {
  const unknown = columns.filter((column) => !(column.name in FIELDS)).map((column) => column.name);
  if (unknown.length > 0) throw new Error(`OCDS reader: no field for column(s) ${unknown.join(", ")} (known: ${OCDS_FIELDS.join(", ")})`);
  const getters = columns.map((column) => FIELDS[column.name]!);

  return (file: SourceFile, absolutePath: string): SheetReadResult => {
    const pkg = readJsonDocument(file, absolutePath, packageSchema, "an OCDS release package");
    const rows: RawValue[][] = [];
    const rejects: Reject[] = [];
    pkg.releases.forEach((candidate, index) => {
      const release = releaseSchema.safeParse(candidate);
      if (release.success) {
        rows.push(getters.map((get) => get(release.data, pkg)));
        return;
      }
      const raw = rawWithoutContacts(candidate);
      for (const issue of release.error.issues) {
        rejects.push({
          file: file.path,
          location: `releases[${index}]`,
          line: null,
          column: jsonPath(["releases", index, ...issue.path]),
          reason: issue.message,
          raw,
        });
      }
    });
    return { rows, rejects, rowsRead: pkg.releases.length, rowsSkipped: 0 };
  };
}
