// Locality files (pipelines/localities/<council>.yaml): checked when the site is built, every
// error naming the file and the code; with no file, one locality per 2024 ward.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { groupLocalities, loadLocalities, type LsoaWard, parseLocalityFile } from "../../reports/localities/localities.ts";

const COUNCIL = "E06000051";
// Two wards of two LSOAs each, and a third of one.
const LSOAS: LsoaWard[] = [
  { lsoa21_code: "E01000001", ward24_code: "E05000001", ward24_name: "Alpha" },
  { lsoa21_code: "E01000002", ward24_code: "E05000001", ward24_name: "Alpha" },
  { lsoa21_code: "E01000003", ward24_code: "E05000002", ward24_name: "Beta" },
  { lsoa21_code: "E01000004", ward24_code: "E05000002", ward24_name: "Beta" },
  { lsoa21_code: "E01000005", ward24_code: "E05000003", ward24_name: "Gamma" },
];

const scratch = mkdtempSync(join(tmpdir(), "localities-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(text: string, council = COUNCIL): string {
  const dir = mkdtempSync(join(scratch, "dir-"));
  writeFileSync(join(dir, `${council}.yaml`), text);
  return dir;
}

describe("localities with no file", () => {
  it("makes each 2024 ward a locality, addressed by its code", () => {
    const result = loadLocalities(COUNCIL, LSOAS, join(scratch, "none"));
    expect(result.file).toBeNull();
    expect(result.localities.map((l) => [l.id, l.name, l.origin, l.lsoas])).toEqual([
      ["e05000001", "Alpha", "ward", ["E01000001", "E01000002"]],
      ["e05000002", "Beta", "ward", ["E01000003", "E01000004"]],
      ["e05000003", "Gamma", "ward", ["E01000005"]],
    ]);
  });
});

describe("a locality file", () => {
  it("names localities from wards and LSOAs, labels a pilot, and keeps the other wards as their own", () => {
    const dir = write(`council: ${COUNCIL}
localities:
  - id: pilot-area
    name: Pilot area
    pilot: true
    wards: [E05000001]
    lsoas: [E01000003]
`);
    const { file, localities } = loadLocalities(COUNCIL, LSOAS, dir);
    expect(file).toBe(join(dir, `${COUNCIL}.yaml`));
    expect(localities.map((l) => [l.id, l.name, l.pilot, l.lsoas])).toEqual([
      ["pilot-area", "Pilot area", true, ["E01000001", "E01000002", "E01000003"]],
      ["e05000002", "Beta (rest of ward)", false, ["E01000004"]],
      ["e05000003", "Gamma", false, ["E01000005"]],
    ]);
    // Every LSOA in exactly one locality.
    expect(localities.flatMap((l) => l.lsoas).sort()).toEqual(LSOAS.map((l) => l.lsoa21_code));
  });

  it("fails on an unknown ward, naming the file and the code", () => {
    const dir = write(`council: ${COUNCIL}\nlocalities:\n  - { id: a, name: A, wards: [E05999999] }\n`);
    expect(() => loadLocalities(COUNCIL, LSOAS, dir)).toThrow(`${join(dir, `${COUNCIL}.yaml`)}: locality 'a' names ward E05999999, which is not a 2024 ward of council ${COUNCIL}`);
  });

  it("fails on an unknown LSOA, naming the file and the code", () => {
    const dir = write(`council: ${COUNCIL}\nlocalities:\n  - { id: a, name: A, lsoas: [E01999999] }\n`);
    expect(() => loadLocalities(COUNCIL, LSOAS, dir)).toThrow(`${join(dir, `${COUNCIL}.yaml`)}: locality 'a' names LSOA E01999999, which is not a 2021 LSOA of council ${COUNCIL}`);
  });

  it("fails on an LSOA in two localities, naming the file, the LSOA and both localities", () => {
    const dir = write(`council: ${COUNCIL}
localities:
  - { id: a, name: A, wards: [E05000001] }
  - { id: b, name: B, lsoas: [E01000002] }
`);
    expect(() => loadLocalities(COUNCIL, LSOAS, dir)).toThrow(`${join(dir, `${COUNCIL}.yaml`)}: LSOA E01000002 is in two localities, 'a' and 'b'`);
  });

  it("with 'others: none', fails on an LSOA left out, naming it", () => {
    const dir = write(`council: ${COUNCIL}\nothers: none\nlocalities:\n  - { id: a, name: A, wards: [E05000001, E05000002] }\n`);
    expect(() => loadLocalities(COUNCIL, LSOAS, dir)).toThrow(`${join(dir, `${COUNCIL}.yaml`)}: LSOA E01000005 is in no locality`);
  });

  it("fails on a file for another council, a repeated id, a bad shape or bad YAML, naming the file", () => {
    expect(() => groupLocalities(COUNCIL, LSOAS, "f.yaml", parseLocalityFile("f.yaml", "council: E06000052\n"))).toThrow("f.yaml: the file is for council E06000052, not E06000051");
    expect(() =>
      groupLocalities(COUNCIL, LSOAS, "f.yaml", parseLocalityFile("f.yaml", `council: ${COUNCIL}\nlocalities:\n  - { id: a, name: A, wards: [E05000001] }\n  - { id: a, name: B, wards: [E05000002] }\n`)),
    ).toThrow("f.yaml: locality id 'a' is used twice");
    expect(() => parseLocalityFile("f.yaml", `council: ${COUNCIL}\nlocalities:\n  - { id: Not A Slug, name: A }\n`)).toThrow(/^f\.yaml: localities\.0\.id: an id is lowercase/);
    expect(() => parseLocalityFile("f.yaml", `council: ${COUNCIL}\nlocalities:\n  - { id: a, name: A, wardz: [] }\n`)).toThrow(/^f\.yaml: localities\.0: Unrecognized key/);
    expect(() => parseLocalityFile("f.yaml", "council: [\n")).toThrow(/^f\.yaml: not valid YAML/);
  });

  it("reads a board's notes and checklist, with unwritten steps 'not started'", () => {
    const spec = parseLocalityFile("f.yaml", `council: ${COUNCIL}
localities:
  - id: a
    name: A
    wards: [E05000001]
    board: { status: illustrative, notes: [A note], checklist: { shared_vision: in place } }
`);
    expect(spec.localities[0]!.board).toEqual({
      status: "illustrative",
      notes: ["A note"],
      checklist: { shared_vision: "in place", governance_in_place: "not started", information_gathered: "not started", resources_identified: "not started" },
    });
  });
});

describe("the bundled Shropshire file", () => {
  it("is valid and labels the Church Stretton pilot area", () => {
    const spec = parseLocalityFile("pipelines/localities/E06000051.yaml", readFileSync(join(import.meta.dirname, "../../pipelines/localities/E06000051.yaml"), "utf8"));
    const pilot = spec.localities.find((l) => l.pilot);
    expect(pilot).toMatchObject({ id: "church-stretton-pilot", name: "Church Stretton pilot area", wards: ["E05008153"] });
    expect(spec.others).toBe("wards");
  });
});
