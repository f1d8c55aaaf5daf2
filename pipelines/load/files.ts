// Reading a source's files: whole, first line only, or one member of a published zip, with a
// failure to read reported as a StructuralError naming the file; and what loading a file counts.
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { unzipSync } from "fflate";
import { StructuralError, type SourceFile } from "../../sources/declaration.ts";
import { sha256 } from "../sha256.ts";

/** What loading one file reports: its hash and its reconciled counts. */
export interface FileCounts {
  sha256: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsSkipped: number;
}

export function readBytes(path: string, name: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new StructuralError(name, {}, `cannot read file (${(error as Error).message})`);
  }
}

export function statOf(path: string, name: string) {
  try {
    return statSync(path);
  } catch (error) {
    throw new StructuralError(name, {}, `cannot read file (${(error as Error).message})`);
  }
}

/** The first line of a file, read without reading the rest. */
export function firstLine(path: string, name: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw new StructuralError(name, {}, `cannot read file (${(error as Error).message})`);
  }
  try {
    const chunk = Buffer.alloc(65_536);
    const length = readSync(fd, chunk, 0, chunk.length, 0);
    const end = chunk.subarray(0, length).indexOf(10);
    return chunk.subarray(0, end < 0 ? length : end);
  } finally {
    closeSync(fd);
  }
}

/** The name a file's rows and rejects are stored under: "<zip path>!<member>" for a zip member. */
export function fileLabel(file: SourceFile): string {
  return file.member === undefined ? file.path : `${file.path}!${file.member}`;
}

/** One member of a published zip, and the zip's own hash (what the publisher shipped). */
export function extractMember(path: string, file: SourceFile & { member: string }): { bytes: Uint8Array; sha256: string } {
  const zip = readBytes(path, file.path);
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(zip, { filter: (entry) => entry.name === file.member });
  } catch (error) {
    throw new StructuralError(file.path, {}, `cannot read the zip (${(error as Error).message})`);
  }
  const bytes = members[file.member];
  if (bytes === undefined) throw new StructuralError(file.path, {}, `the zip has no member '${file.member}'`);
  return { bytes, sha256: sha256(zip) };
}

