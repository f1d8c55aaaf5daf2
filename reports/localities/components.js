// Shared by the locality pages: formats that show the disclosure marker for a suppressed count
// and "withheld" for a share built on one, and the one way a locality is named.
import { integer, percent } from "../components/chart-figure.js";

export const OS_NOTICE = "Contains OS data © Crown copyright and database right 2021-2025. Source: Office for National Statistics licensed under the Open Government Licence v3.0.";

/** A count as published: the marker when suppressed (null in the data). */
export const shown = (marker) => (value) => (value === null || value === undefined ? marker : integer(value));
/** A share as published: "withheld" when its count is suppressed. */
export const shareShown = (value, digits = 1) => (value === null || value === undefined ? "withheld" : percent(value, digits));
export const decimal = (value, digits = 1) =>
  value === null || value === undefined ? "" : Number(value).toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** A locality's name with its pilot label, where it is one. */
export const localityName = (locality) => (locality.pilot ? `${locality.name} (local commissioning pilot)` : locality.name);
/** The page of a locality, from a page under /localities/. */
export const localityHref = (locality) => `./${encodeURIComponent(locality.id)}`;
