// A JSON file read whole and checked against the shape its reader expects. A file that is not
// JSON, or not that shape, is a structural problem: it stops the load naming the file and the
// JSON path of the first mismatch.
import { readFileSync } from "node:fs";
import type { z } from "zod";
import { StructuralError, type SourceFile } from "../declaration.ts";

/** "releases[0].tender.value.amount" from a zod issue path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`)).join("");
}

/** The file's document, parsed by `schema`; `what` names the expected shape in the message ("an OCDS release package"). */
export function readJsonDocument<T>(file: SourceFile, absolutePath: string, schema: z.ZodType<T>, what: string): T {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(absolutePath, "utf8"));
  } catch (error) {
    throw new StructuralError(file.path, {}, `not a JSON file (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StructuralError(file.path, {}, `not ${what}: ${jsonPath(issue.path) || "(top level)"}: ${issue.message}`);
  }
  return parsed.data;
}
