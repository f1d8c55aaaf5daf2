// Types for contract-path.js (plain JS so that Framework pages import it as they are).
export const REFERENCE_PARAMETER: string;
export function contractHref(reference: string): string;
