// Council facts as data (sources/council-facts.json): which postcode districts are inside a
// council, its localities, and whether this project generates an illustrative register for it.
// Read and checked once here; the generator, the illustrative source declarations and the
// models' seed table (pipelines/config.ts councilFactsSql) all take them from this module.
import { readFileSync } from "node:fs";
import { z } from "zod";

const COUNCIL_FACTS_FILE = "sources/council-facts.json";

const councilFactsSchema = z.object({
  code: z.string().regex(/^E(06|07|08|09|10)\d{6}$/, "an English council code such as E06000051"),
  name: z.string().min(1),
  postcodeDistricts: z.array(z.string().regex(/^[A-Z]{1,2}\d[A-Z\d]?$/, "a postcode district (outward code) such as SY1")),
  localities: z.array(z.string().min(1)).min(1),
  illustrative: z.object({ referencePrefix: z.string().regex(/^[A-Z]+$/), placeWords: z.array(z.string().min(1)).min(1) }).optional(),
});
export type CouncilFacts = z.infer<typeof councilFactsSchema>;

const factsFileSchema = z.object({ $comment: z.string().optional(), councils: z.array(councilFactsSchema) }).refine(
  (file) => new Set(file.councils.map((council) => council.code)).size === file.councils.length,
  "a council is listed twice",
);

/** Parses a facts file's text; errors name the file and the field. */
export function parseCouncilFacts(text: string, file = COUNCIL_FACTS_FILE): CouncilFacts[] {
  const parsed = factsFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data.councils;
}

export const COUNCIL_FACTS: readonly CouncilFacts[] = Object.freeze(parseCouncilFacts(readFileSync(new URL("./council-facts.json", import.meta.url), "utf8")));

