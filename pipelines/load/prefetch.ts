// Reads the workbook files of the sources a run will load in worker threads, started before the
// loads so that parsing overlaps DuckDB's CSV loading. The loader asks for each file's rows in
// its own order; a file the workers could not read is read again on the main thread, which
// throws the reader's error as usual. Every read has a time limit: a damaged workbook can hold
// SheetJS at full CPU for ever, so a worker still reading at the limit is terminated, the file
// fails naming itself, and it is not read again on the main thread (which would hang the same way).
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { StructuralError, type SheetReadResult, type Source, type SourceFile } from "../../sources/declaration.ts";

export type ReadSheet = (source: Source & { kind: "spreadsheet" }, file: SourceFile, absolutePath: string) => Promise<SheetReadResult>;

export interface Prefetch {
  read: ReadSheet;
  close(): Promise<void>;
}

/** The longest one workbook may take to read: the largest bundled one takes a few seconds. */
export const WORKBOOK_READ_TIME_LIMIT_MS = 60_000;

export interface PrefetchOptions {
  workers?: number;
  timeLimitMs?: number;
  /** The worker's entry point; tests swap in one that never answers. */
  workerUrl?: URL;
}

/** What a worker says of one file: its rows, null to read it on the main thread, or out of time. */
type Outcome = { result: SheetReadResult } | { result: null } | { timedOut: true };

export function prefetchWorkbooks(root: string, sources: readonly Source[], options: PrefetchOptions = {}): Prefetch {
  const workers = options.workers ?? Math.max(1, Math.min(2, availableParallelism()));
  const timeLimitMs = options.timeLimitMs ?? WORKBOOK_READ_TIME_LIMIT_MS;
  const workerUrl = options.workerUrl ?? new URL("./read-worker.mjs", import.meta.url);
  const tasks = sources.flatMap((source) => (source.kind === "spreadsheet" ? source.files.map((file, fileIndex) => ({ source, file, fileIndex })) : []));
  const pending = new Map<string, Promise<Outcome>>();
  // Each worker takes the next file when it finishes one, in the order the loads will ask.
  const queue = tasks.map((task, id) => ({ ...task, id }));
  const waiting = new Map<number, (outcome: Outcome) => void>();
  for (const task of queue) pending.set(`${task.source.id}\u0000${task.file.path}`, new Promise((done) => waiting.set(task.id, done)));
  const pool = new Set<Worker>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  const settle = (id: number, outcome: Outcome) => {
    waiting.get(id)?.(outcome);
    waiting.delete(id);
  };
  const start = () => {
    const worker = new Worker(workerUrl);
    pool.add(worker);
    let current: { id: number; timer: NodeJS.Timeout } | null = null;
    const next = () => {
      const task = closed ? undefined : queue.shift();
      if (!task) return;
      // The timer runs while the worker reads; it is cleared by the worker's answer.
      const timer = setTimeout(() => {
        timers.delete(timer);
        settle(task.id, { timedOut: true });
        current = null;
        pool.delete(worker);
        void worker.terminate();
        if (queue.length > 0) start();
      }, timeLimitMs);
      timers.add(timer);
      current = { id: task.id, timer };
      worker.postMessage({ id: task.id, sourceId: task.source.id, fileIndex: task.fileIndex, path: resolve(root, task.file.path) });
    };
    worker.on("message", ({ id, result }: { id: number; result: SheetReadResult | null }) => {
      if (current?.id === id) {
        clearTimeout(current.timer);
        timers.delete(current.timer);
      }
      current = null;
      settle(id, { result });
      next();
    });
    // A worker that dies leaves its files to the main thread.
    worker.on("error", () => {
      if (current) clearTimeout(current.timer);
      current = null;
      pool.delete(worker);
      for (const id of [...waiting.keys()]) settle(id, { result: null });
    });
    next();
  };
  for (let i = 0; i < Math.min(workers, tasks.length); i++) start();
  return {
    async read(source, file, absolutePath) {
      const outcome = await pending.get(`${source.id}\u0000${file.path}`);
      if (outcome && "timedOut" in outcome) {
        throw new StructuralError(file.path, {}, `could not be read within ${timeLimitMs / 1000} s: the file is probably damaged; download it again`);
      }
      return outcome?.result ?? source.read(file, absolutePath);
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all([...pool].map((worker) => worker.terminate()));
    },
  };
}
