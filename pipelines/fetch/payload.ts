// Turning a response body into checked data. A payload that does not parse, or no longer has
// the shape we rely on, is an error naming the URL and the field, raised before anything is
// saved: a renamed field upstream must stop the fetch, not land a file the loader half-reads.
import type { z } from "zod";

export class PayloadError extends Error {
  constructor(
    readonly url: string,
    readonly problem: string,
  ) {
    super(`${url}: ${problem}`);
    this.name = "PayloadError";
  }
}

export function parseJson(url: string, body: Buffer): unknown {
  const text = body.toString("utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8's message carries the position ("... at position 1234"); add the length so a cut-off
    // body is recognisable as truncation at a glance.
    throw new PayloadError(url, `response is not valid JSON (${(error as Error).message}; ${body.length} bytes received)`);
  }
}

/** "releases[3].ocid" style paths, as a reader of the payload would write them. */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `${out ? "." : ""}${String(key)}`;
  return out || "(root)";
}

export function validate<T extends z.ZodType>(url: string, schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const shown = issues.slice(0, 3).map((issue) => `${fieldPath(issue.path)}: ${issue.message}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : "";
  throw new PayloadError(url, `${what} does not have the expected shape; ${shown.join("; ")}${more}`);
}
