// Commissioning intentions are data that commissioners write in YAML beside the pages
// (reports/market-position/intentions/<market>.yaml). This reads and checks them, so that a
// mistake stops the site build with the file and field named instead of publishing a gap.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";

export const intentionsSchema = z.object({
  market: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(3),
  /** "illustrative" until the council has agreed them; pages say so while it is. */
  status: z.enum(["illustrative", "published"]),
  owner: z.string().min(3),
  updated: z.union([z.string(), z.date()]).transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value)).pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date written YYYY-MM-DD")),
  summary: z.string().min(10),
  intentions: z
    .array(
      z.object({
        direction: z.enum(["buy more", "buy less", "keep", "start", "stop"]),
        service: z.string().min(3),
        when: z.string().min(2),
        detail: z.string().min(10),
      }),
    )
    .min(1),
});
export type Intentions = z.infer<typeof intentionsSchema>;

export function readIntentions(dir: string): Intentions[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      let data: unknown;
      try {
        data = parse(readFileSync(path, "utf8"));
      } catch (error) {
        throw new Error(`${name}: not valid YAML (${(error as Error).message.split("\n")[0]})`);
      }
      const parsed = intentionsSchema.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`${name}: ${issue.path.join(".") || "(top level)"}: ${issue.message}`);
      }
      return parsed.data;
    });
}
