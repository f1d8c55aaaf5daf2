// Worker threads do not inherit tsx's loader, so this plain-JavaScript entry registers it
// before importing the TypeScript worker (pipelines/load/read-worker.ts).
import { register } from "tsx/esm/api";

register();
await import("./read-worker.ts");
