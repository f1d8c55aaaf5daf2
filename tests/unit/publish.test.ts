// Publishing replaces the warehouse and both sites together or not at all: a failure while
// preparing or while switching leaves the previous warehouse and sites in place, and says so.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { publish } from "../../pipelines/publish.ts";

function setup() {
  const dir = mkdtempSync(join(tmpdir(), "publish-"));
  const warehouse = join(dir, "warehouse.duckdb");
  const site = (name: string, text: string) => {
    const built = join(dir, `${name}.build-${text}`);
    mkdirSync(built);
    writeFileSync(join(built, "index.html"), text);
    return built;
  };
  const build = (text: string) => {
    const path = join(dir, `build-${text}.duckdb`);
    writeFileSync(path, text);
    return { path, sites: [{ built: site("dist", text), site: join(dir, "dist") }, { built: site("dist-internal", text), site: join(dir, "dist-internal") }] };
  };
  const state = () => ({
    warehouse: readFileSync(warehouse, "utf8"),
    public: readFileSync(join(dir, "dist", "index.html"), "utf8"),
    internal: readFileSync(join(dir, "dist-internal", "index.html"), "utf8"),
  });
  const old = build("old");
  publish(old.path, warehouse, old.sites);
  return { dir, warehouse, build, state };
}

describe("publish", () => {
  it("switches the warehouse and both sites, and keeps only the published builds", () => {
    const { dir, warehouse, build, state } = setup();
    expect(state()).toEqual({ warehouse: "old", public: "old", internal: "old" });
    const next = build("new");
    publish(next.path, warehouse, next.sites);
    expect(state()).toEqual({ warehouse: "new", public: "new", internal: "new" });
    expect(readdirSync(join(dir, ".dist-builds"))).toEqual(["dist.build-new"]);
    expect(existsSync(`${warehouse}.previous`)).toBe(false);
  });

  it("a failure while preparing replaces nothing", () => {
    const { dir, warehouse, build, state } = setup();
    const next = build("new");
    // The internal site's folder cannot be prepared: its parent is a file.
    writeFileSync(join(dir, "blocker"), "");
    const sites = [next.sites[0]!, { built: next.sites[1]!.built, site: join(dir, "blocker", "dist-internal") }];
    expect(() => publish(next.path, warehouse, sites)).toThrow(/before anything was replaced .*the previous warehouse and sites are unchanged/);
    expect(state()).toEqual({ warehouse: "old", public: "old", internal: "old" });
  });

  it("a failure while switching puts back what was switched", () => {
    const { warehouse, build, state } = setup();
    const next = build("new");
    let renames = 0;
    const failThird = (from: string, to: string) => {
      if (++renames === 3) throw new Error("EIO: simulated");
      renameSync(from, to);
    };
    expect(() => publish(next.path, warehouse, next.sites, failThird)).toThrow(/while switching \(EIO: simulated\); what had been switched was put back/);
    expect(state()).toEqual({ warehouse: "old", public: "old", internal: "old" });
    expect(realpathSync(join(warehouse, "..", "dist"))).toContain("dist.build-old");
  });
});
