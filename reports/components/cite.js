// A chart's source line: each source's publisher, title, edition and licence, as the page data
// gives them (citations in reports/data/marts.ts). One wording for every page.

/** The citation of one source. */
export const citation = (source) => `${source.publisher}, ${source.title}, ${source.edition}. ${source.licence}.`;

/** The citations of the given sources (only those with the given ids, when ids are given), in their order. */
export function cite(sources, ids) {
  return sources
    .filter((source) => !ids || ids.includes(source.id))
    .map(citation)
    .join(" ");
}
