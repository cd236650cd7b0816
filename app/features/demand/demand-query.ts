// The staff demand page's filters, read from its address: unknown or odd values fall back to the
// defaults (the last twelve months, every audience, the whole country).
import type { Audience } from "../../../db/schema";
import { findCounty, AUDIENCES } from "./interest-form";
import { addMonths, isMonth } from "./months";

export interface DemandQuery {
  /** "2026-01", both included */
  from: string;
  to: string;
  /** null: all audiences */
  audience: Audience | null;
  /** a county number to see its municipalities, or null for the whole country */
  county: string | null;
}

export function demandQueryFromUrl(url: URL, currentMonth: string): DemandQuery {
  const params = url.searchParams;
  const audience = params.get("audience") ?? "";
  const county = params.get("county") ?? "";
  let to = params.get("to") ?? "";
  let from = params.get("from") ?? "";
  if (!isMonth(to)) to = currentMonth;
  if (!isMonth(from)) from = addMonths(to, -11);
  if (from > to) [from, to] = [to, from];
  // Twenty years at most, so a page never lists thousands of months.
  if (from < addMonths(to, -239)) from = addMonths(to, -239);
  return {
    from,
    to,
    audience: (AUDIENCES as readonly string[]).includes(audience) ? (audience as Audience) : null,
    county: findCounty(county) ? county : null,
  };
}
