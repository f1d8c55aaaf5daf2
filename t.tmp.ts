import { resolve } from "node:path";
import { SOURCES } from "./sources/index.ts";
import { prefetchWorkbooks } from "./pipelines/load/prefetch.ts";
const mode = process.argv[2];
const t0 = performance.now();
const sheets = SOURCES.filter((s) => s.kind === "spreadsheet");
if (mode === "serial") { for (const s of sheets) for (const f of s.files) { const t = performance.now(); (s as any).read(f, resolve(f.path)); console.log(s.id, f.path.split("/").pop(), ((performance.now() - t) / 1000).toFixed(2)); } }
else { const p = prefetchWorkbooks(process.cwd(), sheets); for (const s of sheets) for (const f of s.files) { await p.read(s as any, f, resolve(f.path)); console.log(s.id, ((performance.now() - t0) / 1000).toFixed(2)); } await p.close(); }
console.log(mode, ((performance.now() - t0) / 1000).toFixed(2));
