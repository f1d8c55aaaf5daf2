import { defineConfig } from "vitest/config";

// Four projects. `npm test` runs the first two: fast unit tests, and tests that need the whole
// default pipeline run once (into a temporary folder, by tests/setup/pipeline.ts) before they
// start. The other two run in CI after it, being too slow to run on every change:
// `npm run test:councils` builds and checks the sites of other councils from the same
// warehouse (minutes per council), and `npm run test:faults` runs long fault soaks (runs
// killed at random moments).
const pipelineProject = {
  globalSetup: ["tests/setup/pipeline.ts"],
  testTimeout: 180_000,
  hookTimeout: 300_000,
  fileParallelism: false,
};

export default defineConfig({
  test: {
    projects: [
      // Some unit tests read the real published workbooks (seconds each on a loaded 2-core
      // machine, while the pipeline project runs beside them): allow a minute, not 5 s. The
      // malformed-input corpus runs with them: it is fast and needs no pipeline run.
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts", "tests/corpus/**/*.test.ts"], testTimeout: 60_000 } },
      { test: { name: "pipeline", include: ["tests/integration/**/*.test.ts", "tests/browser/**/*.test.ts"], ...pipelineProject } },
      { test: { name: "councils", include: ["tests/councils/**/*.test.ts"], ...pipelineProject } },
      { test: { name: "faults", include: ["tests/faults/**/*.test.ts"], ...pipelineProject } },
    ],
  },
});
