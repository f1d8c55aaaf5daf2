// The OCDS export: every release made from the committed illustrative register passes the
// schema of required fields, and a release or package missing a required field fails it.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { ocdsPackage, ocid, OCID_PREFIX, type RegisterRow, releaseFor, releasePackageSchema, releaseSchema } from "../../reports/internal/data/ocds-export.ts";

const root = resolve(import.meta.dirname, "../..");

/** Register rows read straight from the committed CSV, in the contracts_register shape. */
function registerRows(council: string): RegisterRow[] {
  const text = readFileSync(resolve(root, `sources/data/illustrative-contracts/contract-register-${council}.csv`), "utf8");
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data.map((row) => ({
    reference: row["Reference Number"]!,
    council_code: row["Council Code"]!,
    council_name: council === "E06000051" ? "Shropshire" : "Trafford",
    title: row["Title of Agreement"]!,
    description: row["Description of Goods and/or Services"]!,
    supplier_name: row["Supplier Name"]!,
    supplier_registration_number: row["Supplier Registration Number"] || null,
    supplier_postcode: row["Supplier Postcode"] || null,
    is_sme: row["SME"] === "Y",
    is_vcse: row["VCSE"] === "Y",
    value: Number(row["Value of Contract"]),
    start_date: row["Start Date"]!,
    end_date: row["End Date"]!,
    procurement_route: row["Procurement Route"]!,
    is_illustrative: true,
  }));
}

const options = { uri: "https://example.org/internal/data/contracts-ocds.json", publishedDate: "2026-12-01T07:00:00Z", publisher: "Shropshire (illustrative data)" };

describe("OCDS export", () => {
  const rows = registerRows("E06000051");
  const pack = ocdsPackage(rows, options);

  it("makes one valid release per contract, with unique OCIDs under the stated prefix", () => {
    expect(pack.releases).toHaveLength(rows.length);
    for (const release of pack.releases) expect(releaseSchema.safeParse(release).success).toBe(true);
    expect(releasePackageSchema.safeParse(pack).success).toBe(true);
    const ocids = pack.releases.map((release) => release.ocid);
    expect(new Set(ocids).size).toBe(rows.length);
    expect(ocids.every((id) => id.startsWith(`${OCID_PREFIX}-E06000051-`))).toBe(true);
    expect(pack.version).toBe("1.1");
  });

  it("carries the register's value, period, supplier and buyer into award and contract", () => {
    const row = rows[0]!;
    const release = pack.releases.find((r) => r.ocid === ocid(row))!;
    expect(release.tag).toEqual(["contract"]);
    expect(release.initiationType).toBe("tender");
    expect(release.buyer).toEqual({ id: "buyer-E06000051", name: "Shropshire" });
    expect(release.awards![0]!.value).toEqual({ amount: row.value, currency: "GBP" });
    expect(release.contracts![0]!.period).toEqual({ startDate: `${row.start_date}T00:00:00Z`, endDate: `${row.end_date}T00:00:00Z` });
    expect(release.contracts![0]!.awardID).toBe(release.awards![0]!.id);
    expect(release.awards![0]!.suppliers![0]!.name).toBe(row.supplier_name);
    const roles = release.parties!.map((p) => p.roles.join());
    expect(roles).toEqual(["buyer", "supplier"]);
    expect(release.contracts![0]!.title!.startsWith("Illustrative data: ")).toBe(true);
    expect(pack.publicationPolicy).toMatch(/^Illustrative data/);
  });

  it("marks ended contracts terminated and names suppliers by Companies House or Charity Commission number", () => {
    const ended = rows.find((row) => row.end_date < "2026-12-01")!;
    const live = rows.find((row) => row.end_date > "2026-12-01")!;
    expect(releaseFor(ended, "2026-12-01").contracts![0]!.status).toBe("terminated");
    expect(releaseFor(live, "2026-12-01").contracts![0]!.status).toBe("active");
    const charity = rows.find((row) => /^\d{6,7}$/.test(row.supplier_registration_number ?? ""))!;
    expect(releaseFor(charity, "2026-12-01").parties![1]!.identifier?.scheme).toBe("GB-CHC");
    const company = rows.find((row) => /^\d{8}$/.test(row.supplier_registration_number ?? ""))!;
    expect(releaseFor(company, "2026-12-01").parties![1]!.identifier?.scheme).toBe("GB-COH");
  });

  it.each(["ocid", "id", "date", "tag", "initiationType"])("rejects a release without %s", (field) => {
    const release = structuredClone(pack.releases[0]!) as Record<string, unknown>;
    delete release[field];
    const result = releaseSchema.safeParse(release);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual([field]);
  });

  it.each(["uri", "version", "publishedDate", "publisher", "releases"])("rejects a package without %s", (field) => {
    const broken = structuredClone(pack) as Record<string, unknown>;
    delete broken[field];
    expect(releasePackageSchema.safeParse(broken).success).toBe(false);
  });

  it("rejects a contract without its awardID, a date without a time and an unknown tag", () => {
    const noAward = structuredClone(pack.releases[0]!);
    delete (noAward.contracts![0] as { awardID?: string }).awardID;
    expect(releaseSchema.safeParse(noAward).success).toBe(false);
    expect(releaseSchema.safeParse({ ...pack.releases[0]!, date: "2026-12-01" }).success).toBe(false);
    expect(releaseSchema.safeParse({ ...pack.releases[0]!, tag: ["signed"] }).success).toBe(false);
  });

  it("names the failing field when asked to export a row that cannot validate", () => {
    expect(() => ocdsPackage([{ ...rows[0]!, value: -5 }], options)).toThrow(/OCDS export: releases\.0\.awards\.0\.value\.amount/);
    expect(() => ocdsPackage([], options)).toThrow(/OCDS export: releases/);
  });
});
