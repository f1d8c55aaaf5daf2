// A contract's page address is made from its reference, which is the council's own text: a
// reference with "/", a space, "#" or "?" must still give one reachable page, the same address
// in the link, in the list of pages Framework builds and in the built file's name.
import { describe, expect, it } from "vitest";
import { contractHref, contractSlug, referenceFromSlug } from "../../reports/components/contract-path.js";

const awkward = ["SC-CT-TERRORISM-001", "ASC/2024/17", "Home care lot 3", "C#12", "what?now", "50% uplift", "a~b", "Café 1.2", "../etc", "x%2Fy"];

describe("contract page addresses", () => {
  it("leave ordinary references as they are", () => {
    expect(contractSlug("SC-ASC-2024-001")).toBe("SC-ASC-2024-001");
    expect(contractHref("SC-ASC-2024-001")).toBe("./contracts/SC-ASC-2024-001");
  });

  it("hold only characters that mean the same in a link, an address and a file name", () => {
    for (const reference of awkward) expect(contractSlug(reference), reference).toMatch(/^[A-Za-z0-9_~-]+$/);
    expect(contractSlug("ASC/2024/17")).toBe("ASC~2F2024~2F17");
  });

  it("give back the reference, and never the same address for two references", () => {
    for (const reference of awkward) expect(referenceFromSlug(contractSlug(reference))).toBe(reference);
    expect(new Set(awkward.map(contractSlug)).size).toBe(awkward.length);
    // "~" itself is escaped, so a reference that looks like an escape cannot collide.
    expect(contractSlug("A~2F")).not.toBe(contractSlug("A/"));
  });
});
