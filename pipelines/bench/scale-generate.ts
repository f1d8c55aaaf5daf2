// Writes scaled copies of the bundled inputs that carry areas, for the scaling bench: every
// area row is repeated N times, each copy under its own synthetic area codes, in the file's
// published format (same workbook sheets, title and header rows; same CSV header and quoting),
// so that the project's own loaders read them unchanged.
//
//   npx tsx pipelines/bench/scale-generate.ts --n 10 [--seed 1] [--out /tmp/scaled]
//
// Copy 0 is the published data itself. Copies 1..N-1 get codes that no real area uses (see
// syntheticCode), so area codes stay unique and joins between the scaled sources still meet:
// a council's copy k has the same code in the deprivation, population and care home files.
// Rows of each copy are written in a seeded random order, so a scaled file is not a sorted run
// of repeats that flatters compression and zone maps; the same seed gives the same bytes.
import * as XLSX from "@e965/xlsx";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { SourceFile } from "../../sources/declaration.ts";
import { sourceById } from "../../sources/index.ts";
import { mulberry32 } from "../illustrative/prng.ts";

/** Rows in one worksheet of an .xlsx (Excel's limit); BIFF8 .xls holds 65,536. */
const XLSX_MAX_ROWS = 1_048_576;
const XLS_MAX_ROWS = 65_536;
/**
 * SheetJS writes each sheet's XML as one string, and V8 caps a string at about 512 MB: a sheet
 * of 25 copies of IoD2019 File 2 (820,000 rows, 20 columns) already fails with "Invalid string
 * length". Parts are kept to this many cells, which writes in well under that.
 */
const MAX_CELLS_PER_PART = 4_000_000;

const ENGLISH_CODE = /^E\d{8}$/;

/**
 * Small-area codes (output areas E00, LSOAs E01, MSOAs E02) number too many to repeat inside
 * their own entity (32,844 LSOAs fit 30 times into E01's million codes, not 50), so their copies
 * move to entity blocks no area in the bundled data uses: E20-E29, E30-E39, E40-E49. Larger
 * areas (councils, regions, England) number under 1,000 in every entity, so their copies keep
 * the entity, and with it everything the models read from it (E06 unitary, E07 district...).
 */
const SMALL_AREAS: Record<number, { block: number; stride: number }> = {
  0: { block: 20, stride: 200_000 },
  1: { block: 30, stride: 40_000 },
  2: { block: 40, stride: 10_000 },
};
const LARGE_AREA_STRIDE = 1_000;

/** The code of an English area in copy `copy` (0: the real code). */
export function syntheticCode(code: string, copy: number): string {
  if (!ENGLISH_CODE.test(code)) throw new Error(`'${code}' is not an English area code (E and 8 digits)`);
  if (copy === 0) return code;
  const entity = Number(code.slice(1, 3));
  const number = Number(code.slice(3));
  const small = SMALL_AREAS[entity];
  let value: number;
  if (small) {
    value = small.block * 1e6 + copy * small.stride + number;
    if (number >= small.stride || value >= (small.block + 10) * 1e6) {
      throw new Error(`cannot make copy ${copy} of area code ${code}: entity E${code.slice(1, 3)} holds ${Math.floor(10e6 / small.stride) - 1} copies`);
    }
  } else {
    value = entity * 1e6 + copy * LARGE_AREA_STRIDE + number;
    if (number >= LARGE_AREA_STRIDE || copy >= 1e6 / LARGE_AREA_STRIDE) {
      throw new Error(`cannot make copy ${copy} of area code ${code}: codes of entity E${code.slice(1, 3)} numbered ${LARGE_AREA_STRIDE} or more are not expected`);
    }
  }
  return `E${String(value).padStart(8, "0")}`;
}

/**
 * A CQC location ID in copy `copy`. CQC's own IDs are "1-" and digits that never start with 0,
 * so a three-digit copy number in front keeps copies apart from each other and from real IDs.
 * NHS sites keep their trust site code (e.g. RQX41), which holds no hyphen: a suffix does.
 */
export function syntheticLocationId(id: string, copy: number): string {
  if (!/^(1-[1-9]\d*|[A-Z0-9]+)$/.test(id)) throw new Error(`'${id}' is not a CQC location ID ("1-" and digits, or an NHS site code)`);
  if (copy === 0) return id;
  if (copy > 999) throw new Error(`cannot make copy ${copy} of location ID ${id}: at most 999 copies`);
  const number = String(copy).padStart(3, "0");
  return id.startsWith("1-") ? `1-${number}${id.slice(2)}` : `${id}-${number}`;
}


function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface ScaleOptions {
  /** Copies of every area row, the published one included (N >= 1). */
  n: number;
  seed: number;
}

function checkOptions({ n, seed }: ScaleOptions): void {
  if (!Number.isInteger(n) || n < 1) throw new Error(`N must be a whole number, 1 or more (got ${n})`);
  if (!Number.isInteger(seed)) throw new Error(`the seed must be a whole number (got ${seed})`);
}

/** Replaces each English area code in a CSV line with its copy's code. */
const CODE_IN_TEXT = /(?<![A-Za-z0-9])E\d{8}(?![0-9])/g;
export const rewriteCodes = (line: string, copy: number) => line.replace(CODE_IN_TEXT, (code) => syntheticCode(code, copy));
const hasCode = (line: string) => line.search(CODE_IN_TEXT) >= 0;

/**
 * Repeats a CSV's records that hold an English area code N times: header lines as published,
 * then the published records, then copies 1..N-1, each rewritten by `rewrite` and shuffled.
 * Records without one (Welsh rows of an England and Wales lookup) are kept once. Works on lines, not parsed fields, so
 * quoting and number formats stay byte for byte as published; a record spanning lines (a
 * newline inside quotes) would be cut, so it is refused, naming the line.
 */
export function scaleCsv(text: string, options: ScaleOptions & { headerLines?: number; rewrite: (line: string, copy: number) => string; file?: string }): string {
  checkOptions(options);
  const file = options.file ?? "CSV";
  const headerLines = options.headerLines ?? 1;
  const lines = text.split("\n");
  const endsWithNewline = lines[lines.length - 1] === "";
  if (endsWithNewline) lines.pop();
  const header = lines.slice(0, headerLines);
  const records = lines.slice(headerLines);
  records.forEach((line, index) => {
    if ((line.match(/"/g)?.length ?? 0) % 2 !== 0) {
      throw new Error(`${file}, line ${headerLines + index + 1}: a quoted value runs onto the next line; the scaler copies whole lines and cannot split it`);
    }
  });
  const next = mulberry32(options.seed).next;
  const out = [...header, ...records];
  const english = records.filter(hasCode);
  for (let copy = 1; copy < options.n; copy++) {
    for (const line of shuffled(english, next)) out.push(options.rewrite(line, copy));
  }
  return `${out.join("\n")}${endsWithNewline ? "\n" : ""}`;
}

type Cell = string | number | boolean | Date | null;

const isAreaRow = (row: Cell[]) => row.some((cell) => typeof cell === "string" && ENGLISH_CODE.test(cell.trim()));
/** A row for any area, English or not (K02000001 UK, W06000001): a GSS code is a letter and 8 digits. */
const isCodedRow = (row: Cell[]) => row.some((cell) => typeof cell === "string" && /^[A-Z]\d{8}$/.test(cell.trim()));
const rewriteRow = (row: Cell[], copy: number): Cell[] =>
  row.map((cell) => (typeof cell === "string" && ENGLISH_CODE.test(cell.trim()) ? syntheticCode(cell.trim(), copy) : cell));

interface SheetPlan {
  name: string;
  origin: XLSX.CellAddress;
  /** Rows up to and including the last area row (area rows among them are copy 0). */
  head: Cell[][];
  /** Rows above the first row for any area: titles and the header, which every part repeats. */
  preamble: Cell[][];
  areaRows: Cell[][];
  /** Rows after the last area row: other countries' areas (Wales, Scotland), footnotes. */
  tail: Cell[][];
  /** Rows after the last row for any area: footnotes, which every part repeats. */
  trailer: Cell[][];
}

/** How a sheet's rows divide around its area rows; null for a sheet with none (a notes sheet). */
function planSheet(workbook: XLSX.WorkBook, name: string, file: string): SheetPlan | null {
  const sheet = workbook.Sheets[name];
  if (!sheet) throw new Error(`${file}: sheet '${name}' is missing`);
  if (!sheet["!ref"]) return null;
  const origin = XLSX.utils.decode_range(sheet["!ref"]).s;
  const rows: Cell[][] = XLSX.utils.sheet_to_json(sheet, { header: 1, blankrows: true, defval: null, raw: true });
  const first = rows.findIndex(isAreaRow);
  if (first < 0) return null;
  const last = rows.findLastIndex(isAreaRow);
  const preamble = rows.slice(0, rows.findIndex(isCodedRow));
  const trailer = rows.slice(rows.findLastIndex(isCodedRow) + 1);
  return { name, origin, head: rows.slice(0, last + 1), preamble, areaRows: rows.filter(isAreaRow), tail: rows.slice(last + 1), trailer };
}

/**
 * Repeats the area rows of the named sheets N times; every other sheet, and every row without
 * an English area code (titles, headers, the UK and Wales rows, footnotes), stays as published.
 * A sheet that would pass the format's row limit (or the writer's, MAX_CELLS_PER_PART) is split
 * across workbooks: each part is the whole workbook holding a run of copies, every part read by
 * the same reader into the same raw table. Returns the parts in order.
 */
export function scaleWorkbook(
  bytes: Buffer,
  options: ScaleOptions & { sheets: (name: string) => boolean; file?: string; maxCellsPerPart?: number },
): Buffer[] {
  checkOptions(options);
  const file = options.file ?? "workbook";
  const workbook = XLSX.read(bytes, { dense: true, cellStyles: false });
  // SheetJS 0.20.3 reads a dense sheet whose last rows are empty into fewer rows than its
  // range says, then fails writing it back ("reading '0'"); empty rows put the range right.
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name]!;
    const data = sheet["!data"];
    if (data && sheet["!ref"]) {
      for (let row = XLSX.utils.decode_range(sheet["!ref"]).e.r; row >= 0 && data[row] === undefined; row--) data[row] = [];
      for (let row = 0; row < data.length; row++) data[row] ??= [];
    }
  }
  const bookType: XLSX.BookType = extname(file).toLowerCase() === ".xls" ? "biff8" : "xlsx";
  const maxRows = bookType === "biff8" ? XLS_MAX_ROWS : XLSX_MAX_ROWS;
  const plans = workbook.SheetNames.filter(options.sheets).flatMap((name) => planSheet(workbook, name, file) ?? []);
  if (plans.length === 0) throw new Error(`${file}: no chosen sheet holds an English area code (sheets: ${workbook.SheetNames.join(", ")})`);

  const perPart = Math.min(
    ...plans.map((plan) => {
      const columns = Math.max(1, ...plan.areaRows.map((row) => row.length));
      const rows = Math.min(maxRows, Math.floor((options.maxCellsPerPart ?? MAX_CELLS_PER_PART) / columns));
      return Math.floor((rows - plan.origin.r - plan.head.length - plan.tail.length) / plan.areaRows.length) + 1;
    }),
  );
  if (perPart < 1) throw new Error(`${file}: a sheet is too large to scale within ${maxRows.toLocaleString("en-GB")} rows of ${MAX_CELLS_PER_PART.toLocaleString("en-GB")} cells`);

  // Copies are drawn part by part and sheet by sheet from one seeded stream, so the bytes
  // depend only on the input, N and the seed; each part's rows are built only when written.
  const next = mulberry32(options.seed).next;
  const parts: Buffer[] = [];
  // Part 0 holds the published rows and copies 1..perPart-1; part p copies p*perPart onwards.
  for (let first = 0; first < options.n; first += perPart) {
    const last = Math.min(first + perPart, options.n);
    for (const plan of plans) {
      // Rows for areas outside England (the UK, Wales) are not copied: part 0 holds them once.
      const body: Cell[][] = first === 0 ? [...plan.head] : [...plan.preamble];
      for (let copy = Math.max(first, 1); copy < last; copy++) {
        for (const row of shuffled(plan.areaRows, next)) body.push(rewriteRow(row, copy));
      }
      body.push(...(first === 0 ? plan.tail : plan.trailer));
      workbook.Sheets[plan.name] = XLSX.utils.aoa_to_sheet(body, { origin: plan.origin, dense: true } as XLSX.AOA2SheetOpts);
    }
    // Fixed dates: the workbook's own properties would otherwise carry the time of writing.
    workbook.Props = { ...workbook.Props, CreatedDate: new Date(Date.UTC(2000, 0, 1)), ModifiedDate: new Date(Date.UTC(2000, 0, 1)) };
    parts.push(XLSX.write(workbook, { type: "buffer", bookType, compression: true }) as Buffer);
  }
  return parts;
}

/**
 * The inputs the scaling bench multiplies, and how: the areas' data (deprivation by LSOA,
 * population by council, care homes) and the council lookups their joins go through, so that
 * synthetic councils meet their upper tier and code history as real ones do. Lookups joined by
 * name (MSOA names) and single-council files (projections) stay as published.
 */
export const SCALED_SOURCES = [
  { source: "iod2019-lsoa-domains", sheets: (name: string) => name === "IoD2019 Domains" },
  { source: "ons-mye-2022", sheets: (name: string) => /^MYE2 - /.test(name) },
  {
    source: "cqc-care-homes-england-2021",
    csv: (line: string, copy: number) => rewriteCodes(line, copy).replace(/^[^,]+/, (id) => syntheticLocationId(id, copy)),
  },
  { source: "iod2019-ltla-summaries", sheets: () => true },
  { source: "iod2019-utla-summaries", sheets: () => true },
  { source: "ons-ltla-utla-2022", csv: rewriteCodes },
  { source: "la-all-codes", csv: rewriteCodes },
] as const;

/** Where a run finds each scaled source's files: paths relative to the output folder. */
export type ScaledManifest = Record<string, SourceFile[]>;

/**
 * Writes the scaled inputs under `outDir` at their declared paths (a workbook split into parts
 * gets "-part2"... beside the first) and returns, per source, the files to load.
 */
export function generateScaledInputs(options: ScaleOptions & { root: string; outDir: string }): ScaledManifest {
  checkOptions(options);
  const manifest: ScaledManifest = {};
  for (const input of SCALED_SOURCES) {
    const source = sourceById(input.source);
    manifest[source.id] = source.files.flatMap((file, fileIndex) => {
      const bytes = readFileSync(resolve(options.root, file.path));
      // Each file of a source draws from its own seed, so adding a file leaves the others alone.
      const seed = options.seed + fileIndex;
      const outputs =
        "csv" in input
          ? [Buffer.from(scaleCsv(bytes.toString("utf8"), { n: options.n, seed, rewrite: input.csv, file: file.path }), "utf8")]
          : scaleWorkbook(bytes, { n: options.n, seed, sheets: input.sheets, file: file.path });
      return outputs.map((output, part) => {
        const path = part === 0 ? file.path : join(dirname(file.path), `${basename(file.path, extname(file.path))}-part${part + 1}${extname(file.path)}`);
        const target = join(options.outDir, path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, output);
        return { ...file, path };
      });
    });
  }
  writeFileSync(join(options.outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { n: { type: "string", default: "2" }, seed: { type: "string", default: "1" }, out: { type: "string" } } });
  const n = Number(values.n);
  const outDir = resolve(values.out ?? `scaled-x${n}`);
  const manifest = generateScaledInputs({ root: process.cwd(), outDir, n, seed: Number(values.seed) });
  for (const [source, files] of Object.entries(manifest)) console.log(`${source}: ${files.map((file) => file.path).join(", ")}`);
  console.log(`Scaled inputs (x${n}) written under ${outDir}`);
}
