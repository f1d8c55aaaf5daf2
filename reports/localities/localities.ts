// A council's localities: named groups of its 2024 wards (or of LSOAs), read from the
// locality file beside the council configuration, pipelines/localities/<council code>.yaml, and
// checked against the warehouse's LSOAs when the site is built. With no file, every ward is a
// locality. A file may name some localities and leave the rest of the wards as their own
// (`others: wards`, the default), or must then cover every LSOA itself (`others: none`).
//
// Checked: the file's shape (zod), that it is for this council, that every ward and LSOA it names
// is one of the council's, that no LSOA is in two localities, that ids are unique, and (with
// `others: none`) that no LSOA is left out. Each error names the file and the code.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";

/** Where locality files live, one per council: <code>.yaml. */
export const LOCALITIES_DIR = "pipelines/localities";

const CODE = /^E\d{8}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const STEP = z.enum(["not started", "in progress", "in place"]);

/**
 * What a locality's board writes about itself, for its board pack: local knowledge notes and
 * the "commissioning ready" checklist. `status: illustrative` until the board publishes its own.
 */
const boardSchema = z.strictObject({
  status: z.enum(["illustrative", "published"]),
  updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD").optional(),
  notes: z.array(z.string().min(1)).default([]),
  checklist: z
    .strictObject({
      shared_vision: STEP.default("not started"),
      governance_in_place: STEP.default("not started"),
      information_gathered: STEP.default("not started"),
      resources_identified: STEP.default("not started"),
    })
    .default({ shared_vision: "not started", governance_in_place: "not started", information_gathered: "not started", resources_identified: "not started" }),
});

export type Board = z.infer<typeof boardSchema>;

const localitySchema = z.strictObject({
  id: z.string().regex(SLUG, "an id is lowercase letters, digits and hyphens (it becomes the page's address)"),
  name: z.string().min(1),
  pilot: z.boolean().default(false),
  description: z.string().optional(),
  wards: z.array(z.string().regex(CODE, "a ward code is E05 and six digits")).default([]),
  lsoas: z.array(z.string().regex(CODE, "an LSOA code is E01 and six digits")).default([]),
  board: boardSchema.optional(),
});

export const localityFileSchema = z.strictObject({
  council: z.string().regex(CODE),
  description: z.string().optional(),
  others: z.enum(["wards", "none"]).default("wards"),
  localities: z.array(localitySchema).default([]),
});

export type LocalityFile = z.infer<typeof localityFileSchema>;

/** An LSOA as needs_locality_lsoa holds it: enough to group and check. */
export interface LsoaWard {
  lsoa21_code: string;
  ward24_code: string;
  ward24_name: string;
}

export interface Locality {
  /** The page's address under /localities/: the file's id, or the ward code for a ward. */
  id: string;
  name: string;
  pilot: boolean;
  description: string | null;
  /** 'file' when the locality file names it; 'ward' for a ward left as its own locality. */
  origin: "file" | "ward";
  wards: string[];
  lsoas: string[];
  /** What its board has written, or null (the board pack says nothing is written yet). */
  board: Board | null;
}

export interface Localities {
  /** The file read, or null when the council has none (one locality per ward). */
  file: string | null;
  description: string | null;
  localities: Locality[];
}

export class LocalityFileError extends Error {}

export function localityFilePath(council: string, dir = LOCALITIES_DIR): string {
  return join(dir, `${council}.yaml`);
}

/** Parses and checks the shape of a locality file's text; errors name the file. */
export function parseLocalityFile(file: string, text: string): LocalityFile {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new LocalityFileError(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  const result = localityFileSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new LocalityFileError(`${file}: ${issue.path.join(".") || "(file)"}: ${issue.message}`);
  }
  return result.data;
}

/**
 * Groups a council's LSOAs into localities: the file's (if given), then each ward no file
 * locality claims. `lsoas` is every LSOA of the council (needs_locality_lsoa).
 */
export function groupLocalities(council: string, lsoas: readonly LsoaWard[], file: string | null, spec: LocalityFile | null): Localities {
  if (lsoas.length === 0) throw new LocalityFileError(`council ${council} has no LSOAs in needs_locality_lsoa`);
  const byWard = new Map<string, { name: string; lsoas: string[] }>();
  for (const row of lsoas) {
    const ward = byWard.get(row.ward24_code) ?? { name: row.ward24_name, lsoas: [] };
    ward.lsoas.push(row.lsoa21_code);
    byWard.set(row.ward24_code, ward);
  }
  const known = new Set(lsoas.map((row) => row.lsoa21_code));
  const owner = new Map<string, string>();
  const localities: Locality[] = [];
  if (spec) {
    if (spec.council !== council) throw new LocalityFileError(`${file}: the file is for council ${spec.council}, not ${council}`);
    const ids = new Set<string>();
    for (const locality of spec.localities) {
      if (ids.has(locality.id)) throw new LocalityFileError(`${file}: locality id '${locality.id}' is used twice`);
      ids.add(locality.id);
      if (locality.wards.length + locality.lsoas.length === 0) throw new LocalityFileError(`${file}: locality '${locality.id}' names no wards or LSOAs`);
      const members: string[] = [];
      for (const ward of locality.wards) {
        const found = byWard.get(ward);
        if (!found) throw new LocalityFileError(`${file}: locality '${locality.id}' names ward ${ward}, which is not a 2024 ward of council ${council}`);
        members.push(...found.lsoas);
      }
      for (const lsoa of locality.lsoas) {
        if (!known.has(lsoa)) throw new LocalityFileError(`${file}: locality '${locality.id}' names LSOA ${lsoa}, which is not a 2021 LSOA of council ${council}`);
        members.push(lsoa);
      }
      for (const lsoa of members) {
        const other = owner.get(lsoa);
        if (other !== undefined) {
          throw new LocalityFileError(
            other === locality.id
              ? `${file}: LSOA ${lsoa} is named twice in locality '${locality.id}'`
              : `${file}: LSOA ${lsoa} is in two localities, '${other}' and '${locality.id}'`,
          );
        }
        owner.set(lsoa, locality.id);
      }
      localities.push({ id: locality.id, name: locality.name, pilot: locality.pilot, description: locality.description ?? null, origin: "file", wards: locality.wards, lsoas: members.sort(), board: locality.board ?? null });
    }
  }
  const others = spec?.others ?? "wards";
  const unclaimed = [...known].filter((lsoa) => !owner.has(lsoa)).sort();
  if (others === "none" && unclaimed.length > 0) {
    throw new LocalityFileError(`${file}: LSOA ${unclaimed[0]} is in no locality (${unclaimed.length} left out; 'others: wards' makes each remaining ward a locality)`);
  }
  for (const [code, ward] of [...byWard].sort(([, a], [, b]) => a.name.localeCompare(b.name))) {
    const rest = ward.lsoas.filter((lsoa) => !owner.has(lsoa));
    if (rest.length === 0) continue;
    // A ward partly claimed keeps its remaining LSOAs as its own locality, named as such.
    const partial = rest.length < ward.lsoas.length;
    localities.push({ id: code.toLowerCase(), name: partial ? `${ward.name} (rest of ward)` : ward.name, pilot: false, description: null, origin: "ward", wards: [code], lsoas: rest.sort(), board: null });
    for (const lsoa of rest) owner.set(lsoa, code.toLowerCase());
  }
  return { file, description: spec?.description ?? null, localities };
}

/** Reads the council's locality file if it has one, and groups its LSOAs. */
export function loadLocalities(council: string, lsoas: readonly LsoaWard[], dir = LOCALITIES_DIR): Localities {
  const file = localityFilePath(council, dir);
  if (!existsSync(file)) return groupLocalities(council, lsoas, null, null);
  return groupLocalities(council, lsoas, file, parseLocalityFile(file, readFileSync(file, "utf8")));
}
