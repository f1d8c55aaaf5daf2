// The built public site carries no unprotected count of people: every count field in the
// data files the pages read is 0, a multiple of 5 or missing, shown as 0, a multiple of 5 or
// [c], and every value built on a suppressed count is withheld. Reads the site the default
// run built (tests/setup/pipeline.ts), not the warehouse.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
// @ts-expect-error: a plain ES module of the site, without types.
import { rowsOf } from "../../reports/components/columnar.js";
import { describe, expect, inject, it } from "vitest";
import { openWarehouse } from "../../pipelines/warehouse.ts";

const setup = inject("pipeline");

type Row = Record<string, unknown>;

/** A data attachment of the built site by its loader's name (Framework adds a content hash). */
function siteData(name: string): Record<string, Row[]> {
  const dir = join(setup.siteDir, "_file", "data");
  const file = readdirSync(dir).find((entry) => new RegExp(`^${name}\\.[0-9a-f]+\\.json$`).test(entry) || entry === `${name}.json`);
  if (!file) throw new Error(`no ${name}.json in ${dir}: ${readdirSync(dir).join(", ")}`);
  const data = JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>;
  // Large lists travel as columns (reports/data/columnar.ts): back to one object per row.
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, isColumnar(value) ? rowsOf(value) : value])) as Record<string, Row[]>;
}

function isColumnar(value: unknown): value is { columns: string[]; rows: unknown[][] } {
  return typeof value === "object" && value !== null && "columns" in value && "rows" in value;
}

/** The fields of the public data files that count people, and the text shown for each. */
const COUNTS: { file: string; list: string; fields: [number: string, shown: string | null][] }[] = [
  { file: "outcomes", list: "values", fields: [["numerator", "numerator_shown"], ["denominator", "denominator_shown"]] },
  { file: "care-homes", list: "activity", fields: [["in_house", "in_house_shown"], ["external", "external_shown"], ["total", "total_shown"]] },
  { file: "care-homes", list: "activityCompared", fields: [["total", null]] },
];

describe("counts of people on the built public site", () => {
  for (const { file, list, fields } of COUNTS) {
    it(`${file}.json ${list}: every count is 0, a multiple of 5 or [c]`, () => {
      const rows = siteData(file)[list]!;
      expect(rows.length).toBeGreaterThan(0);
      const bad: string[] = [];
      let checked = 0;
      for (const row of rows) {
        for (const [numberField, shownField] of fields) {
          const value = row[numberField];
          if (value !== null) {
            checked += 1;
            if (typeof value !== "number" || value % 5 !== 0 || (value >= 1 && value <= 4)) bad.push(`${numberField} = ${value}`);
          }
          if (shownField === null) continue;
          const shown = row[shownField];
          if (shown === null) {
            if (value !== null) bad.push(`${shownField} missing beside ${numberField} = ${value}`);
          } else if (shown === "[c]") {
            if (value !== null) bad.push(`${numberField} = ${value} published beside [c]`);
          } else if (shown !== (value as number).toLocaleString("en-GB")) {
            bad.push(`${shownField} = ${JSON.stringify(shown)} beside ${numberField} = ${value}`);
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
      expect(bad).toEqual([]);
    });
  }

  it("withhold every value, interval, comparison and quintile built on a suppressed count", () => {
    const { values, summary } = siteData("outcomes") as { values: Row[]; summary: Row[] };
    const suppressed = values.filter((row) => row.numerator_shown === "[c]" || row.denominator_shown === "[c]");
    // The ASCOF file has small counts among Shropshire's comparators (2B admissions of younger
    // adults, 6B providers); the page data carries the council, its comparators and England.
    expect(suppressed.length).toBeGreaterThan(0);
    for (const row of suppressed) {
      expect(row, `${row.indicator_id} ${row.area_code}`).toMatchObject({ value: null, lower95: null, upper95: null, lower998: null, upper998: null, comparison: "not compared", quintile: null });
    }
    for (const row of summary) {
      const mine = values.find((value) => value.indicator_id === row.indicator_id && value.area_code === row.area_code && value.period === row.latest_period);
      if (mine?.value === null) expect(row.latest_value, String(row.indicator_id)).toBeNull();
    }
  });

  it("round the counts a commissioner would quote, from the published file", () => {
    const { values } = siteData("outcomes") as { values: Row[] };
    // ASCOF 2024-25, Shropshire: 2A 1,695 of 2,081 new clients; 2C 543 admissions of 87,796 people.
    const at = (id: string) => values.find((row) => row.indicator_id === id && row.area_code === "E06000051" && row.period === "2024-25")!;
    expect(at("ascof-2a")).toMatchObject({ numerator: 1695, numerator_shown: "1,695", value: 81.5 });
    expect(at("ascof-2c")).toMatchObject({ numerator: 545, numerator_shown: "545", value: 618.5 });
    for (const id of ["ascof-2a", "ascof-2c"]) {
      expect(Number(at(id).denominator) % 5, id).toBe(0);
    }
    expect(Math.abs(Number(at("ascof-2a").denominator) - 2081)).toBeLessThanOrEqual(5);
  });

  it("keep the unprotected counts out of the site but in the warehouse, each within 2 of its published count", async () => {
    const db = await openWarehouse(join(setup.warehouseDir, "warehouse.duckdb"), { readOnly: true });
    try {
      const [off] = await db.all<{ rows: number; far: number }>(
        `select count(*)::integer as rows,
                count(*) filter (where p.numerator is not null and abs(p.numerator - r.numerator) > 2)::integer as far
         from outcomes_indicator_values r join outcomes_indicator_values_protected p using (indicator_id, area_code, period)`,
      );
      expect(off!.rows).toBeGreaterThan(1000);
      expect(off!.far).toBe(0);
    } finally {
      db.close();
    }
  });

  it("are explained on a page that states the rule", () => {
    const page = readFileSync(join(setup.siteDir, "small-numbers.html"), "utf8");
    for (const phrase of ["1 to 4 is suppressed", "[c]", "rounded to the nearest 5", "Zero is shown as 0", "withheld"]) expect(page).toContain(phrase);
    for (const name of ["outcomes.html", join("market-position", "care-homes.html")]) {
      expect(readFileSync(join(setup.siteDir, name), "utf8"), name).toContain("small-numbers");
    }
  });
});
