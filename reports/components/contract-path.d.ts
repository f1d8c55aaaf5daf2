// Types for contract-path.js (plain JS so that Framework pages import it as they are).
export function contractSlug(reference: string): string;
export function referenceFromSlug(slug: string): string;
export function contractHref(reference: string): string;
