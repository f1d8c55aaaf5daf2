// SHA-256 of bytes in memory, as lowercase hex: how the loader and the fetchers name a file's
// contents (the loader's streaming hash of a large CSV is in load/bytes.ts).
import { createHash } from "node:crypto";

export function sha256(bytes: Buffer | Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}
