// Workbooks read in worker threads give exactly the rows the reader gives on the main thread,
// and a file the workers cannot read is read again on the main thread, which throws the
// reader's own error naming the file; a read that runs past the time limit ends, naming the file,
// and is not read again on the main thread.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { prefetchWorkbooks } from "../../pipelines/load/prefetch.ts";
import { sourceById } from "../../sources/index.ts";

const root = resolve(import.meta.dirname, "../..");

/** A bundled workbook source whose reader counts the reads made on the main thread. */
function countedSource() {
  const source = sourceById("iod2019-utla-summaries");
  if (source.kind !== "spreadsheet") throw new Error("expected a spreadsheet source");
  const counter = { mainThreadReads: 0 };
  const counted = { ...source, read: (...args: Parameters<typeof source.read>) => (counter.mainThreadReads++, source.read(...args)) };
  return { source, counted, file: source.files[0]!, counter };
}

describe("prefetchWorkbooks", () => {
  it("reads a declared workbook in a worker with the same rows and rejects as the reader", async () => {
    const { source, counted, file, counter } = countedSource();
    const prefetch = prefetchWorkbooks(root, [counted]);
    try {
      const fromWorker = await prefetch.read(counted, file, resolve(root, file.path));
      expect(counter.mainThreadReads).toBe(0);
      expect(fromWorker).toEqual(source.read(file, resolve(root, file.path)));
      expect(fromWorker.rows.length).toBeGreaterThan(100);
    } finally {
      await prefetch.close();
    }
  });

  it("a file the worker cannot read is read on the main thread, which throws the reader's error", async () => {
    const source = sourceById("iod2019-utla-summaries");
    if (source.kind !== "spreadsheet") throw new Error("expected a spreadsheet source");
    const missing = { ...source.files[0]!, path: "sources/data/no-such-folder/missing.xlsx" };
    const broken = { ...source, files: [missing] };
    const prefetch = prefetchWorkbooks(root, [broken]);
    try {
      await expect(prefetch.read(broken, missing, resolve(root, missing.path))).rejects.toThrow(/missing\.xlsx/);
    } finally {
      await prefetch.close();
    }
  });

  it("a read still running at the time limit ends the worker and fails naming the file, without a main-thread read", async () => {
    const { counted, file, counter } = countedSource();
    const workerUrl = new URL("./fixtures/silent-read-worker.mjs", import.meta.url);
    const prefetch = prefetchWorkbooks(root, [counted], { timeLimitMs: 300, workerUrl });
    try {
      await expect(prefetch.read(counted, file, resolve(root, file.path))).rejects.toThrow(
        `${file.path}: could not be read within 0.3 s: the file is probably damaged; download it again`,
      );
      expect(counter.mainThreadReads).toBe(0);
    } finally {
      await prefetch.close();
    }
  });
});
