// Every chart on the site goes out in the same accessible frame: a plain-English headline,
// the chart, its source and edition, the data as a table, and a CSV download of that data.
import { html } from "htl";
import { spreadsheetCsv } from "./spreadsheet-csv.js";

/**
 * @param {{
 *   id: string,
 *   headline: string,
 *   chart: Element,
 *   description?: string,
 *   columns: {key: string, label: string, format?: (value: unknown) => string, numeric?: boolean}[],
 *   rows: Record<string, unknown>[],
 *   source: string,
 *   note?: string,
 * }} options
 */
export function chartFigure({ id, headline, chart, description, columns, rows, source, note }) {
  // Formula-like text cells are escaped (components/spreadsheet-csv.js).
  const csv = spreadsheetCsv({
      fields: columns.map((c) => c.label),
      data: rows.map((row) => columns.map((c) => row[c.key] ?? "")),
    });
  const href = `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
  const cell = (column, row) => (column.format ? column.format(row[column.key]) : String(row[column.key] ?? ""));
  labelSvg(chart, headline, description);
  return html`<figure class="chart-figure" id=${id} aria-labelledby=${`${id}-headline`}>
    <h3 id=${`${id}-headline`}>${headline}</h3>
    ${description ? html`<p>${description}</p>` : ""}
    ${chart}
    <figcaption>Source: ${source}${note ? html`<br>${note}` : ""}</figcaption>
    <details>
      <summary>Show the data as a table</summary>
      <table>
        <caption>${headline}</caption>
        <thead><tr>${columns.map((c) => html`<th scope="col" style=${c.numeric ? "text-align:right" : ""}>${c.label}</th>`)}</tr></thead>
        <tbody>${rows.map(
          (row) => html`<tr>${columns.map((c) => html`<td style=${c.numeric ? "text-align:right" : ""}>${cell(c, row)}</td>`)}</tr>`,
        )}</tbody>
      </table>
    </details>
    <p class="downloads"><a download=${`${id}.csv`} href=${href}>Download this data (CSV, ${rows.length} rows)</a></p>
  </figure>`;
}

/**
 * Plot labels each mark's <g> with aria-label, which axe reports as a prohibited attribute on
 * a generic element. The chart is described by its headline and table, so the SVG is given
 * role="img" with that text and its inner marks are hidden from assistive technology.
 * With a legend, Plot returns a <figure> whose direct <svg> child is the chart; the legend's
 * swatch <svg>s sit inside it beside their text. WCAG 1.1.1: the swatches are decorative (the
 * text says "Men", "Women"), so hide them instead of repeating the headline once per swatch.
 */
function labelSvg(chart, headline, description) {
  const svgs = chart.tagName?.toLowerCase() === "svg" ? [chart] : [...chart.querySelectorAll(":scope > svg")];
  for (const svg of chart.querySelectorAll?.("svg") ?? []) {
    if (!svgs.includes(svg)) svg.setAttribute("aria-hidden", "true");
  }
  for (const svg of svgs) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", description ? `${headline} ${description}` : headline);
    for (const child of svg.querySelectorAll("[aria-label], [aria-description]")) {
      child.removeAttribute("aria-label");
      child.removeAttribute("aria-description");
    }
  }
  // Plot legends (swatches) are divs beside the SVG: leave them readable.
}

export const integer = (value) => (value === null || value === undefined ? "" : Math.round(Number(value)).toLocaleString("en-GB"));
export const percent = (value, digits = 1) =>
  value === null || value === undefined ? "" : `${(Number(value) * 100).toFixed(digits)}%`;
