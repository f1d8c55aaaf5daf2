// Every contract is shown by one page, internal/contract, which reads the reference from its
// address: internal/contract?reference=<reference>. A reference is the council's own text and
// may hold "/", spaces, "#", "?" or anything else; the query string is URL-encoded, so every
// reference has a reachable address, and one page serves any number of contracts (sixty pages
// built one by one cost most of the internal site's build time, and a list of thousands of
// addresses outgrew what a build could be handed).
export const REFERENCE_PARAMETER = "reference";

/** The contract's address, relative to a page in internal/. */
export const contractHref = (reference) => `./contract?${new URLSearchParams({ [REFERENCE_PARAMETER]: String(reference) })}`;
