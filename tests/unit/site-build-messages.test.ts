// A failed site build says what Framework threw, not a line of its progress output: Framework
// prints every page it builds, and a page's address may hold any word (SC-CT-TERRORISM-001).
import { describe, expect, it } from "vitest";
import { thrownMessage } from "../../pipelines/site/build.ts";

describe("the site build's failure message", () => {
  it("is the message Framework's CLI printed for the error it threw", () => {
    const output = [
      "load /internal/contracts/SC-CT-TERRORISM-001 in 120ms",
      "load /internal/errors in 80ms",
      "",
      "Unexpected error: ENOENT: no such file or directory, open 'data/contracts.json'",
      "",
      "Tip: To see the full stack trace, run with the --debug flag.",
      "",
      "If you think this is a bug, please file an issue at",
      "↳ https://github.com/observablehq/framework/issues",
      "",
    ].join("\n");
    expect(thrownMessage(output)).toBe("ENOENT: no such file or directory, open 'data/contracts.json'");
  });

  it("is the last line Framework printed for its own errors, without the tip and the bug link", () => {
    const output = "Nothing to build: no pages found in your .site-src-x directory.\nIf you think this is a bug, please file an issue at\n↳ https://github.com/observablehq/framework/issues\n";
    expect(thrownMessage(output)).toBe("Nothing to build: no pages found in your .site-src-x directory.");
  });
});
