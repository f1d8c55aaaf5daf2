// One page per contract, at internal/contracts/<slug>. A reference is the council's own text
// and may hold "/", spaces, "#" or "?". The slug keeps ASCII letters, digits, "-" and "_" and
// writes every other UTF-8 byte as "~" and two hex digits, so the same text serves as the link,
// the address and the built file's name: nothing for a browser or a static server to decode
// differently (a percent-encoded "/" in a file name would be decoded into a folder).
const KEPT = /^[A-Za-z0-9_-]$/;

export function contractSlug(reference) {
  return Array.from(new TextEncoder().encode(String(reference)), (byte) => {
    const char = String.fromCharCode(byte);
    return KEPT.test(char) ? char : `~${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }).join("");
}

export function referenceFromSlug(slug) {
  const bytes = [];
  for (let i = 0; i < slug.length; i++) {
    if (slug[i] === "~") {
      bytes.push(parseInt(slug.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(slug.charCodeAt(i));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** The contract's page, relative to a page in internal/. */
export const contractHref = (reference) => `./contracts/${contractSlug(reference)}`;
