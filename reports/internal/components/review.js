// Shared pieces of the commissioner review pages: the "Illustrative data" and "Internal"
// banners, KPI ratings in words and shapes as well as colour, formatters, and rows labelled
// for CSV downloads so that a downloaded file says it holds illustrative data.
import { html } from "htl";

/** Procurement Act 2023 KPI scale: each rating has a word, a shape and a colour (never colour alone). */
export const RATING = {
  good: { symbol: "●", colour: "#00703c", label: "Good" },
  "approaching target": { symbol: "◆", colour: "#8a6100", label: "Approaching target" },
  "requires improvement": { symbol: "▲", colour: "#c2410c", label: "Requires improvement" },
  inadequate: { symbol: "✖", colour: "#a4161a", label: "Inadequate" },
  "insufficient returns": { symbol: "◌", colour: "#505a5f", label: "Insufficient returns" },
  "no returns": { symbol: "○", colour: "#505a5f", label: "No returns" },
};
export const RATING_ORDER = ["good", "approaching target", "requires improvement", "inadequate", "insufficient returns", "no returns"];
/**
 * One definition of "below target", used by every page that counts it: the pooled value misses
 * the target (approaching target, requires improvement or inadequate).
 */
export const BELOW_TARGET = ["approaching target", "requires improvement", "inadequate"];
export const isBelowTarget = (r) => BELOW_TARGET.includes(r.rating);
/** Plot symbol names for the same ratings, so charts carry the shape too. */
export const RATING_PLOT_SYMBOL = { good: "circle", "approaching target": "diamond", "requires improvement": "triangle", inadequate: "times", "insufficient returns": "circle", "no returns": "circle" };

export function ratingBadge(rating) {
  const r = RATING[rating] ?? RATING["no returns"];
  return html`<span class="rating" style=${`color:${r.colour};font-weight:600`}><span aria-hidden="true">${r.symbol}</span> ${r.label}</span>`;
}

export function banners(data) {
  return html`<div class="review-banners">
    <p class="internal-banner" role="note"><strong>Internal: for commissioners, not for publication.</strong> Supplier-level contract, payment and performance data.</p>
    ${data.isIllustrative
      ? html`<p class="illustrative illustrative-banner" role="note"><strong>Illustrative data.</strong> The contracts, suppliers, KPI returns and invoices on this page are generated (seed 20261201, as at 1 December 2026) in the shapes councils publish; they describe no real contract, provider or payment. A council's own register, returns and invoices replace them without changes to the pages.</p>`
      : ""}
    ${data.hasRegister === false ? missingRegister(data) : ""}
  </div>`;
}

/**
 * What a page says when the site's council has no contract register loaded: what is missing and
 * how to add it. An empty register is a state, not an error.
 */
export function missingRegister(data) {
  const name = data.council ?? "This council";
  const code = data.councilCode ?? "its ONS code";
  return html`<div class="note missing-register" role="note"><p><strong>No contract register is loaded for ${name}.</strong> The contract, KPI, expiry, supplier and payment pages have nothing to show until it is added:</p>
  <ul>
    <li>the register as a CSV in the Local Government Transparency Code 2015 shape (the headers in <code>sources/illustrative-contract-register.ts</code>, with <code>Council Code</code> ${code}), declared as a source like <code>sources/illustrative-contract-register.ts</code> and read by <code>models/staging/stg_illustrative_contract_register__contracts.sql</code>;</li>
    <li>monthly KPI returns (<code>sources/illustrative-kpi-returns.ts</code>) and invoices (<code>sources/illustrative-invoices.ts</code>) in the same way, for the KPI ratings and prompt payment;</li>
    <li>or, for a demonstration, illustrative files: add the council to <code>sources/council-facts.json</code> with an <code>illustrative</code> entry and run <code>npm run generate:illustrative</code>.</li>
  </ul><p>See the README, "Add a contract register".</p></div>`;
}

/** Rows with a first column saying whether they are illustrative, for tables and CSV downloads. */
export function labelled(rows, isIllustrative) {
  return rows.map((row) => ({ data_status: isIllustrative ? "Illustrative data" : "Council data", ...row }));
}
export const STATUS_COLUMN = { key: "data_status", label: "Data status" };
/** Download ids (file names) start "illustrative-" when the data are illustrative. */
export const downloadId = (id, isIllustrative) => (isIllustrative ? `illustrative-${id}` : id);

export const money = (value) => (value === null || value === undefined ? "" : `£${Math.round(Number(value)).toLocaleString("en-GB")}`);
export const millions = (value) => (value === null || value === undefined ? "" : `£${(Number(value) / 1e6).toLocaleString("en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 })}m`);
export const pct = (value, digits = 1) => (value === null || value === undefined ? "" : `${(Number(value) * 100).toFixed(digits)}%`);
export const date = (value) =>
  value ? new Date(`${String(value).slice(0, 10)}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" }) : "";

/** A KPI value on its own scale: per cent for proportions, per N for rates, a month's mean for counts. */
export function kpiValue(kpi, value) {
  if (value === null || value === undefined) return "";
  if (kpi.measure_type === "proportion") return pct(value);
  if (kpi.measure_type === "rate") return `${Number(value).toFixed(2)} per ${Number(kpi.multiplier).toLocaleString("en-GB")}`;
  return `${Number(value).toFixed(1)} a month`;
}

export const RATING_RULE = html`<p class="note">How KPIs are rated (Procurement Act 2023 scale). Each KPI's latest six months of returns are pooled and given a 95% confidence interval (Wilson for proportions; exact Poisson below 10 events, Byar's from 10, for rates and counts). Where higher is better: <strong>good</strong> if the value meets the target; <strong>approaching target</strong> if it is below the target but the interval reaches it (the shortfall could be chance, as it often is for small numbers); <strong>requires improvement</strong> if the whole interval is below the target but its upper end is within 10% of the target; <strong>inadequate</strong> if the whole interval lies more than 10% of the target below it. Where lower is better (falls, missed visits, complaints) the same rule runs the other way. A KPI with no return in the six months is shown as <strong>no returns</strong>.</p>`;

/** A chart's source line: what it is drawn from and the run date, labelled when illustrative. */
export const sourceLine = (data, text) => `${data.isIllustrative ? "Illustrative data: " : ""}${text} Figures as at ${date(data.asAt)}.`;
