// The officials' contact details in the bundled OCDS files (parties[].contactPoint name, email
// and telephone), read straight from the published JSON, not from the warehouse, so that a
// loader fault cannot hide them. For scans proving none reaches a mart or a public page.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const OCDS_FOLDER = "sources/data/contracts-finder-ocds-sample/json_1_1_raw";

/** Words that make a contact "name" a team or body rather than a person. */
const NOT_A_PERSON = /\b(services?|team|procurement|commercial|council|fund|department|unit|office|contracts?|tenders?|admin|administrator|purchasing|ltd|limited|nhs|trust|group|hub|partnership)\b/i;

export interface OcdsContact {
  file: string;
  kind: "name" | "email" | "telephone";
  value: string;
}

/**
 * Every non-empty contactPoint name, email and telephone in every bundled package. A contact
 * "name" that is the name of a party in the same release (e.g. "Croydon Council") is an
 * organisation, not an official, and appears legitimately as a buyer: it is left out, as are
 * one-word names ("Procurement", "ADMINISTRATOR") and names with a word that marks a team or
 * body ("Professional Services", "The Community Fund"): those are roles or mailboxes, and occur
 * in ordinary text such as spend categories. Emails and telephones are all kept.
 */
export function ocdsContacts(root: string): OcdsContact[] {
  const contacts: OcdsContact[] = [];
  for (const file of readdirSync(join(root, OCDS_FOLDER)).filter((name) => name.endsWith(".json")).sort()) {
    const pkg = JSON.parse(readFileSync(join(root, OCDS_FOLDER, file), "utf8")) as {
      releases?: { parties?: { name?: unknown; contactPoint?: Record<string, unknown> }[] }[];
    };
    for (const release of pkg.releases ?? []) {
      const partyNames = new Set((release.parties ?? []).map((party) => String(party.name ?? "").trim().toLowerCase()));
      for (const party of release.parties ?? []) {
        for (const kind of ["name", "email", "telephone"] as const) {
          const value = party.contactPoint?.[kind];
          if (typeof value !== "string" || value.trim() === "") continue;
          if (kind === "name" && (partyNames.has(value.trim().toLowerCase()) || !/\S\s+\S/.test(value.trim()) || NOT_A_PERSON.test(value))) continue;
          contacts.push({ file, kind, value: value.trim() });
        }
      }
    }
  }
  return contacts;
}
