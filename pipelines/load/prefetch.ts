// Reads the workbook files of the sources a run will load in worker threads, started before the
// loads so that parsing overlaps DuckDB's CSV loading. The loader asks for each file's rows in
// its own order; a file the workers could not read is read again on the main thread, which
// throws the reader's error as usual.
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { SheetReadResult, Source, SourceFile } from "../../sources/declaration.ts";

export type ReadSheet = (source: Source & { kind: "spreadsheet" }, file: SourceFile, absolutePath: string) => Promise<SheetReadResult>;

export interface Prefetch {
  read: ReadSheet;
  close(): Promise<void>;
}

export function prefetchWorkbooks(root: string, sources: readonly Source[], workers = Math.max(1, Math.min(2, availableParallelism()))): Prefetch {
  const tasks = sources.flatMap((source) => (source.kind === "spreadsheet" ? source.files.map((file, fileIndex) => ({ source, file, fileIndex })) : []));
  const pending = new Map<string, Promise<SheetReadResult | null>>();
  const pool = Array.from({ length: tasks.length ? workers : 0 }, () => new Worker(new URL("./read-worker.mjs", import.meta.url)));
  // Each worker takes the next file when it finishes one, in the order the loads will ask.
  const queue = tasks.map((task, id) => ({ ...task, id }));
  const waiting = new Map<number, (result: SheetReadResult | null) => void>();
  for (const task of queue) pending.set(`${task.source.id}\u0000${task.file.path}`, new Promise((done) => waiting.set(task.id, done)));
  const next = (worker: Worker) => {
    const task = queue.shift();
    if (task) worker.postMessage({ id: task.id, sourceId: task.source.id, fileIndex: task.fileIndex, path: resolve(root, task.file.path) });
  };
  for (const worker of pool) {
    worker.on("message", ({ id, result }: { id: number; result: SheetReadResult | null }) => {
      waiting.get(id)?.(result);
      next(worker);
    });
    // A worker that dies leaves its files to the main thread.
    worker.on("error", () => {
      for (const done of waiting.values()) done(null);
    });
    next(worker);
  }
  return {
    async read(source, file, absolutePath) {
      const result = await pending.get(`${source.id}\u0000${file.path}`);
      return result ?? source.read(file, absolutePath);
    },
    async close() {
      await Promise.all(pool.map((worker) => worker.terminate()));
    },
  };
}
