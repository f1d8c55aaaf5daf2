// Change detection: a source is skipped when its declaration and every file match the last load.
import { resolve } from "node:path";
import type { Source } from "../../sources/declaration.ts";
import { sha256 } from "../sha256.ts";
import { literal, type Warehouse } from "../warehouse.ts";
import { readBytes, statOf } from "./files.ts";

/** Changes when the declaration's files, columns or table change. */
export function declarationHash(source: Source): string {
  // The encoding joins the hash only when declared, so existing sources keep their hashes.
  const encoding = source.encoding === undefined ? {} : { encoding: source.encoding };
  const amount = source.amount === undefined ? {} : { amount: source.amount };
  // A new or changed coverage declaration reloads the source, so it is checked.
  const coverage = source.coverage === undefined ? {} : { coverage: source.coverage };
  return sha256(Buffer.from(JSON.stringify({ files: source.files, columns: source.columns, table: source.table, ...encoding, ...amount, ...coverage })));
}

/**
 * True when the source's declaration and every file's bytes match the last load. Like git's
 * index, a file whose size and modification time are unchanged is taken as unchanged; only a
 * touched file is hashed again.
 */
export async function isUnchanged(db: Warehouse, source: Source, root: string): Promise<boolean> {
  const [state] = await db.all<{ declaration: string }>(`select declaration from source_state where source = ${literal(source.id)}`);
  if (state?.declaration !== declarationHash(source)) return false;
  const loads = await db.all<{ file: string; sha256: string; size: number; mtime_ms: number }>(
    `select file, sha256, size, mtime_ms from loads where source = ${literal(source.id)}`,
  );
  return source.files.every((file) => {
    const previous = loads.find((load) => load.file === file.path);
    if (!previous) return false;
    const path = resolve(root, file.path);
    const stat = statOf(path, file.path);
    if (stat.size === previous.size && stat.mtimeMs === previous.mtime_ms) return true;
    return sha256(readBytes(path, file.path)) === previous.sha256;
  });
}

