// What an indicator is, checked with zod: the registry drives the computation
// (pipelines/indicators.ts), the public definitions page and the metadata export.
import { z } from "zod";

const modelColumn = z.object({
  model: z.string().regex(/^(stg|int)_\w+$/, "a staging or intermediate model"),
  column: z.string().regex(/^\w+$/),
  description: z.string().min(10),
});

export const indicatorSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case words joined by hyphens"),
    title: z.string().min(5),
    /** Plain English, for residents and providers: what the figure counts and why it matters. */
    definition: z.string().min(40),
    /** The published framework and its code, e.g. ASCOF 2A2. */
    framework: z.enum(["ASCOF", "Oflog"]),
    code: z.string().min(2),
    /** How the published rows for this indicator are picked out of the model. */
    model: z.string().regex(/^(stg|int)_\w+$/),
    codeColumn: z.string().regex(/^\w+$/),
    valueColumn: z.string().regex(/^\w+$/),
    numerator: modelColumn.nullable(),
    denominator: modelColumn.nullable(),
    unit: z.enum(["%", "per 100,000", "score", "per 100,000 adults"]),
    /** The published value is numerator / denominator × multiplier. */
    multiplier: z.number().positive(),
    polarity: z.enum(["high-is-good", "low-is-good", "neutral"]),
    /**
     * wilson for proportions, poisson (exact below 10 events, Byar's above) for rates,
     * margin-of-error for survey measures (the published 95% margin of error).
     */
    intervalMethod: z.enum(["wilson", "poisson", "margin-of-error", "none"]),
    /**
     * england-95: significance of the council's 95% interval against England's value
     * (PHE's interval-overlap method). median: above or below the median of all councils,
     * with no significance test, where no numerator and denominator are published.
     * england-side: above or below England's value, with no significance test.
     */
    benchmarkMethod: z.enum(["england-95", "england-side", "median"]),
    /** How small numbers are handled before publication. */
    disclosure: z.string().min(20),
    sources: z.array(z.string().min(1)).min(1),
    /** The council priority the indicator serves, in the words of the commissioning plan. */
    priority: z.string().min(5),
    /** The series code the trend is read from, across years in the indicator's model (its own code). */
    trendCode: z.string().nullable(),
  })
  .superRefine((indicator, context) => {
    const hasCounts = indicator.numerator !== null && indicator.denominator !== null;
    if ((indicator.intervalMethod === "wilson" || indicator.intervalMethod === "poisson") && !hasCounts) {
      context.addIssue({ code: "custom", path: ["intervalMethod"], message: "an interval needs a numerator and a denominator" });
    }
    if (indicator.benchmarkMethod === "england-95" && indicator.intervalMethod === "none") {
      context.addIssue({ code: "custom", path: ["benchmarkMethod"], message: "england-95 compares an interval; declare an interval method" });
    }
  });

export type Indicator = z.infer<typeof indicatorSchema>;

export function defineIndicator(declaration: Indicator): Indicator {
  const parsed = indicatorSchema.safeParse(declaration);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`indicator '${declaration.id}': ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data;
}
