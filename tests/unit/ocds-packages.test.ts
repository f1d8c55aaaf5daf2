// The OCDS release-package reader: the 100 bundled packages read whole, and broken packages
// (a release missing its ocid, a bad date, a file that is not JSON) rejected or refused with
// the file and JSON path named. HTML entities come out decoded.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSource } from "../../pipelines/load/index.ts";
import { openWarehouse } from "../../pipelines/warehouse.ts";
import source from "../../sources/contracts-finder-ocds-sample.ts";
import { StructuralError, type SourceFile } from "../../sources/declaration.ts";
import { jsonPath, ocdsPackagesReader, unescape } from "../../sources/readers/ocds-packages.ts";
import { ocdsContacts, OCDS_FOLDER } from "../ocds-contacts.ts";

const root = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "ocds-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = ocdsPackagesReader(source.columns);
const col = (name: string) => source.columns.findIndex((column) => column.name === name);

const RELEASE = {
  ocid: "ocds-b5fd17-test-1",
  id: "test-1",
  date: "2020-01-31T00:00:00Z",
  tag: ["tender"],
  initiationType: "tender",
  parties: [{ id: "p1", name: "Buyer", contactPoint: { name: "Jo Bloggs", email: "jo.bloggs@example.org", telephone: "01234 567890" } }],
  buyer: { id: "p1", name: "Smith &amp; Jones Borough Council" },
  tender: { title: "Care at home &#039;lot 2&#039;", value: { amount: 1000, currency: "GBP" } },
  awards: [{ id: "a1", suppliers: [{ name: "A &amp;amp; B Care Ltd" }], value: { amount: 900, currency: "GBP" } }],
};
const PACKAGE = { uri: "https://example.org/notice", publishedDate: "2020-02-01T00:00:00Z", publisher: { name: "Test" }, version: "1.1", releases: [RELEASE] };

function write(name: string, content: unknown): { file: SourceFile; path: string } {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return { file: { path: `test/${name}`, edition: "test", released: "2020-01-01" }, path };
}

describe("the bundled sample", () => {
  const results = source.files.map((file) => read(file, resolve(root, file.path)));

  it("reads one row per release from each of the 100 packages, with no rejects", () => {
    expect(source.files).toHaveLength(100);
    expect(results.map((result) => result.rows.length)).toEqual(Array(100).fill(1));
    expect(results.flatMap((result) => result.rejects)).toEqual([]);
  });

  it("gives each row its package's ocid, read independently from the JSON", () => {
    source.files.forEach((file, index) => {
      const pkg = JSON.parse(readFileSync(resolve(root, file.path), "utf8")) as { releases: { ocid: string }[] };
      expect(results[index]!.rows[0]![col("ocid")]).toBe(pkg.releases[0]!.ocid);
    });
  });

  it("leaves no HTML entity in any text value (the files hold &amp;, &#039; and &amp;amp;)", () => {
    const texts = results.flatMap((result) => result.rows.flat()).filter((value): value is string => typeof value === "string");
    expect(texts.filter((text) => /&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(text))).toEqual([]);
    const raw = source.files.map((file) => readFileSync(resolve(root, file.path), "utf8")).join("");
    expect(raw).toContain("&amp;amp;");
    expect(raw).toContain("&#039;");
  });

  it("copies no contact point into any row", () => {
    const contacts = ocdsContacts(root);
    expect(contacts.filter((contact) => contact.kind === "email").length).toBeGreaterThanOrEqual(100);
    const values = results.flatMap((result) => result.rows.flat()).map((value) => String(value).toLowerCase());
    const leaked = contacts.filter((contact) => values.some((value) => value.includes(contact.value.toLowerCase())));
    expect(leaked).toEqual([]);
  });

  it("declares exactly the bundled files", () => {
    const declared = source.files.map((file) => file.path).sort();
    const onDisk = readdirSync(resolve(root, OCDS_FOLDER)).map((name) => `${OCDS_FOLDER}/${name}`).sort();
    expect(declared).toEqual(onDisk);
  });
});

describe("a valid small package", () => {
  it("decodes entities, double-escaped ones included, and keeps values", () => {
    const { file, path } = write("ok.json", PACKAGE);
    const { rows, rejects, rowsRead } = read(file, path);
    expect(rejects).toEqual([]);
    expect(rowsRead).toBe(1);
    const row = rows[0]!;
    expect(row[col("buyer_name")]).toBe("Smith & Jones Borough Council");
    expect(row[col("title")]).toBe("Care at home 'lot 2'");
    expect(row[col("supplier_names")]).toBe("A & B Care Ltd");
    expect(row[col("value_amount")]).toBe(1000);
    expect(row[col("award_value_amount")]).toBe(900);
    expect(row.map(String).join("|")).not.toContain("jo.bloggs");
  });

  it("unescape stops once text is plain", () => {
    expect(unescape("R&amp;amp;D")).toBe("R&D");
    expect(unescape("")).toBeNull();
  });
});

describe("broken packages", () => {
  it("rejects a release missing its ocid, naming the file and JSON path, and keeps the others", () => {
    const { ocid: _ocid, ...noOcid } = RELEASE;
    const { file, path } = write("no-ocid.json", { ...PACKAGE, releases: [RELEASE, noOcid] });
    const { rows, rejects, rowsRead } = read(file, path);
    expect(rowsRead).toBe(2);
    expect(rows).toHaveLength(1);
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({ file: "test/no-ocid.json", location: "releases[1]", column: "releases[1].ocid" });
    // The reject keeps the release for review, without the contact point.
    expect(rejects[0]!.raw).toContain("test-1");
    expect(rejects[0]!.raw).not.toContain("jo.bloggs@example.org");
  });

  it("rejects a release whose date is not an ISO date-time", () => {
    const { file, path } = write("bad-date.json", { ...PACKAGE, releases: [{ ...RELEASE, date: "31/01/2020" }] });
    const { rows, rejects } = read(file, path);
    expect(rows).toEqual([]);
    expect(rejects.map((reject) => reject.column)).toEqual(["releases[0].date"]);
  });

  it("rejects a wrongly typed nested value at its path", () => {
    const tender = { ...RELEASE.tender, value: { amount: "a lot", currency: "GBP" } };
    const { file, path } = write("bad-amount.json", { ...PACKAGE, releases: [{ ...RELEASE, tender }] });
    expect(read(file, path).rejects.map((reject) => reject.column)).toEqual(["releases[0].tender.value.amount"]);
  });

  it("refuses a file that is not JSON with a StructuralError naming it", () => {
    const { file, path } = write("not-json.json", "<html>Service unavailable</html>");
    expect(() => read(file, path)).toThrow(StructuralError);
    expect(() => read(file, path)).toThrow(/^test\/not-json\.json: not a JSON file/);
  });

  it("refuses JSON that is not a release package, naming the missing field", () => {
    const { uri: _uri, ...noUri } = PACKAGE;
    const { file, path } = write("no-uri.json", noUri);
    expect(() => read(file, path)).toThrow(/test\/no-uri\.json: not an OCDS release package: uri:/);
  });

  it("through the loader: rows read = loaded + rejected, and the reject is stored with its path", async () => {
    const { ocid: _ocid, ...noOcid } = RELEASE;
    const { path } = write("mixed.json", { ...PACKAGE, releases: [RELEASE, noOcid, { ...RELEASE, ocid: "ocds-b5fd17-test-3" }] });
    const testRoot = mkdtempSync(join(dir, "root-"));
    writeFileSync(join(testRoot, "mixed.json"), readFileSync(path));
    const db = await openWarehouse(":memory:");
    try {
      const declared = { ...source, files: [{ path: "mixed.json", edition: "test", released: "2020-01-01" }] };
      const [load] = await loadSource(db, declared, { root: testRoot, runId: "test" });
      expect(load).toMatchObject({ rowsRead: 3, rowsLoaded: 2, rowsRejected: 1 });
      const rejects = await db.all<{ file: string; column_name: string }>(`select file, column_name from rejects`);
      expect(rejects).toEqual([{ file: "mixed.json", column_name: "releases[1].ocid" }]);
    } finally {
      db.close();
    }
  });
});

it("jsonPath writes array indexes in brackets", () => {
  expect(jsonPath(["releases", 0, "tender", "items", 2, "id"])).toBe("releases[0].tender.items[2].id");
});
