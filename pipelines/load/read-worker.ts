// A worker thread that reads workbook files for the loader (SheetJS parsing is CPU-bound and
// the run's largest cost), so that workbooks are parsed on the other core while DuckDB loads
// CSV files. It reads one file of one declared source at a time and posts back its rows.
import { parentPort } from "node:worker_threads";
import { sourceById } from "../../sources/index.ts";

parentPort!.on("message", (task: { id: number; sourceId: string; fileIndex: number; path: string }) => {
  try {
    const source = sourceById(task.sourceId);
    if (source.kind !== "spreadsheet") throw new Error(`${source.id} is not a spreadsheet source`);
    parentPort!.postMessage({ id: task.id, result: source.read(source.files[task.fileIndex]!, task.path) });
  } catch {
    // The main thread reads the file again itself and throws the reader's own error, with its
    // class and place, rather than a copy that lost them crossing threads.
    parentPort!.postMessage({ id: task.id, result: null });
  }
});
