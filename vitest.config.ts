import { defineConfig } from "vitest/config";

// Two projects: fast unit tests, and tests that need the whole default pipeline run once
// (into a temporary folder, by tests/setup/pipeline.ts) before they start.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
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
