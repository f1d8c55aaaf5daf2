// Publishing a run: the new warehouse and both new sites replace the old ones together, or not
// at all. Everything that can fail slowly or for want of space or permission (moving each built
// site beside the published one, making its new link, keeping the old warehouse to restore)
// happens first, while readers still see the old state; then three renames switch warehouse
// and sites. If one of those fails, the ones done are undone, so a failure leaves the old
// warehouse and both old sites, and the error says so. Each site is a symlink
// (`dist` -> `.dist-builds/<build>`) so that switching it is one atomic rename.
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";

export interface SitePublication {
  /** The freshly built folder. */
  built: string;
  /** The published path (a symlink after the first publication). */
  site: string;
}

interface StagedSite {
  site: string;
  holder: string;
  target: string;
  link: string;
  /** Where the published link pointed before, or null if there was none. */
  previous: string | null;
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Moves a built site beside the published one and makes (but does not switch) its new link. */
function stageSite({ built, site }: SitePublication): StagedSite {
  const siteDir = resolve(site);
  const holder = join(dirname(siteDir), `.${basename(siteDir)}-builds`);
  const target = join(holder, basename(built));
  mkdirSync(holder, { recursive: true });
  rmSync(target, { recursive: true, force: true });
  renameSync(built, target);
  if (existsSync(siteDir) && !isSymlink(siteDir)) {
    renameSync(siteDir, join(holder, `replaced-${Date.now()}`)); // a real folder from a manual build
  }
  const link = `${siteDir}.link-${process.pid}`;
  rmSync(link, { force: true });
  symlinkSync(relative(dirname(siteDir), target), link, "dir");
  return { site: siteDir, holder, target, link, previous: isSymlink(siteDir) ? readlinkSync(siteDir) : null };
}

/** Points a published site back at its previous build (or removes it if it had none). */
function restoreSite(staged: StagedSite): void {
  if (staged.previous === null) {
    rmSync(staged.site, { force: true });
    return;
  }
  const back = `${staged.site}.back-${process.pid}`;
  rmSync(back, { force: true });
  symlinkSync(staged.previous, back, "dir");
  renameSync(back, staged.site);
}

/** Removes every build in the site's holder but the published one; a failure here is harmless. */
function pruneSite(staged: StagedSite): void {
  for (const name of readdirSync(staged.holder)) {
    const path = join(staged.holder, name);
    if (path !== staged.target) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Replaces the published warehouse with `builtWarehouse` and each site with its build, all or
 * nothing. Throws, with the old state in place, if any of it cannot be done. `switchRename` is
 * the rename used to switch (tests pass one that fails part way). With `builtWarehouse` null
 * only the sites are replaced (a site for another council, from the published warehouse).
 */
export function publish(builtWarehouse: string | null, warehouse: string, sites: SitePublication[], switchRename: (from: string, to: string) => void = renameSync): void {
  const staged: StagedSite[] = [];
  const previousWarehouse = `${warehouse}.previous`;
  try {
    for (const site of sites) staged.push(stageSite(site));
    rmSync(previousWarehouse, { force: true });
    // A second name for the old warehouse, so it can be put back; costs no copy.
    if (builtWarehouse !== null && existsSync(warehouse)) linkSync(warehouse, previousWarehouse);
  } catch (error) {
    for (const site of staged) {
      rmSync(site.link, { force: true });
      rmSync(site.target, { recursive: true, force: true });
    }
    rmSync(previousWarehouse, { force: true });
    throw new Error(`publishing failed before anything was replaced (${(error as Error).message}); the previous warehouse and sites are unchanged`);
  }

  const switched: StagedSite[] = [];
  let warehouseSwitched = false;
  try {
    if (builtWarehouse !== null) {
      switchRename(builtWarehouse, warehouse);
      warehouseSwitched = true;
    }
    for (const site of staged) {
      switchRename(site.link, site.site);
      switched.push(site);
    }
  } catch (error) {
    const undo: string[] = [];
    for (const site of switched.reverse()) {
      try {
        restoreSite(site);
      } catch (undoError) {
        undo.push(`${site.site}: ${(undoError as Error).message}`);
      }
    }
    if (warehouseSwitched && existsSync(previousWarehouse)) {
      try {
        renameSync(previousWarehouse, warehouse);
      } catch (undoError) {
        undo.push(`${warehouse}: ${(undoError as Error).message}`);
      }
    }
    for (const site of staged) rmSync(site.link, { force: true });
    throw new Error(
      undo.length === 0
        ? `publishing failed while switching (${(error as Error).message}); what had been switched was put back: the previous warehouse and sites are in place`
        : `publishing failed while switching (${(error as Error).message}) and could not all be put back (${undo.join("; ")}): check the warehouse and sites by hand`,
    );
  }
  rmSync(previousWarehouse, { force: true });
  for (const site of staged) {
    try {
      pruneSite(site);
    } catch {
      // an old build left behind is removed by the next publication
    }
  }
}
