// The release log's comparison of each publication with the one before it.
import { describe, expect, it } from "vitest";
import { compareReleases, type ReleaseFigureRow, type ReleaseSourceRow } from "../../models/meta/releases.ts";

const file = (run: string, at: string, path: string, edition: string, sha: string): ReleaseSourceRow => ({
  run_id: run, published_at: at, source_id: "s", title: `Source ${path}`, edition, file: path, file_edition: edition, released: "2024-01-01", sha256: sha,
});
const figure = (run: string, name: string, value: number | null): ReleaseFigureRow => ({ run_id: run, figure: name, area_code: "E06000051", area_name: "Shropshire", period: "2022", value });

describe("compareReleases", () => {
  const sources = [
    file("r1", "2026-01-01 06:00:00", "a.csv", "2022", "h1"),
    file("r1", "2026-01-01 06:00:00", "b.csv", "v1", "h2"),
    file("r2", "2026-02-01 06:00:00", "a.csv", "2023", "h3"),
    file("r2", "2026-02-01 06:00:00", "b.csv", "v1", "h4"),
    file("r2", "2026-02-01 06:00:00", "c.csv", "first", "h5"),
    file("r3", "2026-03-01 06:00:00", "a.csv", "2023", "h3"),
    file("r3", "2026-03-01 06:00:00", "b.csv", "v1", "h4"),
    file("r3", "2026-03-01 06:00:00", "c.csv", "first", "h5"),
  ];
  const figures = [
    figure("r1", "Population", 323_000), figure("r1", "Beds", 3_526), figure("r1", "Gone", 1),
    figure("r2", "Population", 324_716), figure("r2", "Beds", 3_526), figure("r2", "New", 5),
    figure("r3", "Population", 324_716 + 1e-12), figure("r3", "Beds", 3_526), figure("r3", "New", 5),
  ];
  const [r3, r2, r1] = compareReleases(sources, figures);

  it("lists publications newest first, the oldest marked first", () => {
    expect([r3!.run_id, r2!.run_id, r1!.run_id]).toEqual(["r3", "r2", "r1"]);
    expect(r1!.first).toBe(true);
  });

  it("reports new editions, new sources and files changed without a new edition", () => {
    expect(r2!.editions).toEqual([
      { source: "Source a.csv", file: "a.csv", edition: "2023", previous: "2022" },
      { source: "Source c.csv", file: "c.csv", edition: "first", previous: null },
    ]);
    expect(r2!.changed_files).toEqual([{ source: "Source b.csv", file: "b.csv" }]);
  });

  it("reports revised, new and removed figures, and nothing for floating-point noise", () => {
    expect(r2!.revised).toEqual([
      { figure: "Population", area: "Shropshire", period: "2022", value: 324_716, previous: 323_000, is_new: false },
      { figure: "New", area: "Shropshire", period: "2022", value: 5, previous: null, is_new: true },
    ]);
    expect(r2!.removed).toEqual([{ figure: "Gone", area: "Shropshire", period: "2022" }]);
    expect(r3).toMatchObject({ editions: [], changed_files: [], revised: [], removed: [] });
  });
});
