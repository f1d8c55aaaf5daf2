import { defineConfig } from "vitest/config";

// Two projects: fast unit tests, and tests that need the whole default pipeline run once
// (into a temporary folder, by tests/setup/pipeline.ts) before they start.
export default defineConfig({
  test: {
    projects: [
      // Some unit tests read the real published workbooks (seconds each on a loaded 2-core
      // machine, while the pipeline project runs beside them): allow a minute, not 5 s. The
      // malformed-input corpus runs with them: it is fast and needs no pipeline run.
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts", "tests/corpus/**/*.test.ts"], testTimeout: 60_000 } },
      {
        test: {
          name: "pipeline",
          include: ["tests/integration/**/*.test.ts", "tests/browser/**/*.test.ts"],
          globalSetup: ["tests/setup/pipeline.ts"],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
