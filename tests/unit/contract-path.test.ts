// A contract's address is made from its reference, which is the council's own text: a
// reference with "/", a space, "#", "?" or "%" must still give one reachable address that
// gives the same reference back, and two references never share one.
import { describe, expect, it } from "vitest";
import { contractHref, REFERENCE_PARAMETER } from "../../reports/components/contract-path.js";

const awkward = ["SC-CT-TERRORISM-001", "ASC/2024/17", "Home care lot 3", "C#12", "what?now", "50% uplift", "a~b", "Café 1.2", "../etc", "x%2Fy", "a&reference=b"];
const back = (href: string) => new URL(href, "http://127.0.0.1/internal/expiries").searchParams.get(REFERENCE_PARAMETER);

describe("contract addresses", () => {
  it("are the one contract page with the reference in its query", () => {
    expect(contractHref("SC-ASC-2024-001")).toBe("./contract?reference=SC-ASC-2024-001");
    expect(new URL(contractHref("ASC/2024/17"), "http://127.0.0.1/internal/expiries").pathname).toBe("/internal/contract");
  });

  it("give back the reference, and never the same address for two references", () => {
    for (const reference of awkward) expect(back(contractHref(reference)), reference).toBe(reference);
    expect(new Set(awkward.map(contractHref)).size).toBe(awkward.length);
  });
});
