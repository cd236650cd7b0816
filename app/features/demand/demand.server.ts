// What staff see of the wishes for a network: counts by county (or by municipality inside one
// county), by audience and by month, over a period. The counts are anonymous and national, so
// every staff member sees the same figures (decision 035); small figures are suppressed before
// they leave this module, exactly as in the reports.
import type { AppDatabase } from "../../../db/connection";
import type { Audience } from "../../../db/schema";
import type { StaffScope } from "~/features/staff/staff.server";
import {
  DEFAULT_THRESHOLD,
  isHidden,
  suppressList,
  suppressTable,
  type SuppressedFigure,
} from "~/features/reports/suppression";
import { COUNTIES } from "./data/norway-areas";
import { bandOf, type DemandBand } from "./demand-bands";
import { AUDIENCES, findCounty } from "./interest-form";
import { monthsBetween } from "./months";
import type { DemandQuery } from "./demand-query";

export type { DemandQuery };

/** Raw counts, before suppression: never hand these to a page. */
export interface RawDemand {
  /** one row per county (or per municipality, "" for "no municipality given"), a count per audience */
  places: Array<{ id: string; name: string; byAudience: Record<Audience, number> }>;
  months: Array<{ month: string; count: number }>;
}

/** Counts for a period, grouped in the query itself (no row per wish exists to be read). */
export async function countDemand(db: AppDatabase, _staff: StaffScope, query: DemandQuery): Promise<RawDemand> {
  let base = db.selectFrom("interest_counts").where("month", ">=", query.from).where("month", "<=", query.to);
  if (query.audience) base = base.where("audience", "=", query.audience);
  if (query.county) base = base.where("county_number", "=", query.county);

  const placeColumn = query.county ? "municipality_number" : "county_number";
  const [byPlace, byMonth] = await Promise.all([
    base
      .select([`${placeColumn} as place`, "audience", (eb) => eb.fn.sum<number>("count").as("total")])
      .groupBy([placeColumn, "audience"])
      .execute(),
    base
      .select(["month", (eb) => eb.fn.sum<number>("count").as("total")])
      .groupBy("month")
      .execute(),
  ]);

  const emptyAudiences = () => Object.fromEntries(AUDIENCES.map((a) => [a, 0])) as Record<Audience, number>;
  const county = query.county ? findCounty(query.county) : undefined;
  const placeList = county
    ? [...county.municipalities.map((m) => ({ id: m.number, name: m.name })), { id: "", name: "" }]
    : COUNTIES.map((c) => ({ id: c.number, name: c.name }));
  const places = placeList.map((p) => ({ ...p, byAudience: emptyAudiences() }));
  const placeById = new Map(places.map((p) => [p.id, p]));
  for (const row of byPlace) {
    const place = placeById.get(String(row.place));
    if (place) place.byAudience[row.audience] += Number(row.total);
  }
  const monthTotals = new Map(byMonth.map((r) => [r.month, Number(r.total)]));
  return {
    places,
    months: monthsBetween(query.from, query.to).map((month) => ({ month, count: monthTotals.get(month) ?? 0 })),
  };
}

export interface DemandPlaceRow {
  id: string;
  name: string;
  /** one figure per audience shown (all three, or the one filtered on) */
  cells: SuppressedFigure[];
  total: SuppressedFigure;
  band: DemandBand;
}

/** What a staff page may show: suppressed figures only, never a raw count below the threshold. */
export interface DemandView {
  query: DemandQuery;
  audiences: Audience[];
  places: DemandPlaceRow[];
  audienceTotals: SuppressedFigure[];
  grandTotal: SuppressedFigure;
  months: Array<{ month: string; figure: SuppressedFigure }>;
  /** the month trend had to be hidden as a whole, because its total is published differently elsewhere */
  monthsWithheld: boolean;
  threshold: number;
}

const WITHHELD: SuppressedFigure = { kind: "complementary" };

/**
 * The demand a staff member sees. Every figure is suppressed like the reports. Tables that share a
 * total (the counties and the months; a county's row and its municipalities) are suppressed apart,
 * so where one hides the shared total and the other shows it, the dependent one is withheld whole.
 */
export async function demandForStaff(
  db: AppDatabase,
  staff: StaffScope,
  query: DemandQuery,
  { threshold = DEFAULT_THRESHOLD }: { threshold?: number } = {},
): Promise<DemandView> {
  const audiences = query.audience ? [query.audience] : [...AUDIENCES];
  const raw = await countDemand(db, staff, query);
  let table = suppressPlaces(raw, audiences, threshold);
  let grandTotal = table.grandTotal;

  if (query.county) {
    // The county's total as the national table publishes it must agree with this page's.
    const national = suppressPlaces(await countDemand(db, staff, { ...query, county: null }), audiences, threshold);
    const index = COUNTIES.findIndex((c) => c.number === query.county);
    const nationalTotal = national.places[index]?.total ?? WITHHELD;
    if (isHidden(nationalTotal) !== isHidden(table.grandTotal)) {
      table = withheldPlaces(table);
      grandTotal = nationalTotal;
    }
  }

  const monthList = suppressList({ counts: raw.months.map((m) => m.count) }, { threshold });
  const monthsWithheld = isHidden(monthList.total) !== isHidden(grandTotal);
  const months = raw.months.map((m, i) => ({
    month: m.month,
    figure: monthsWithheld ? WITHHELD : (monthList.counts[i] ?? WITHHELD),
  }));

  // A municipality drill-down lists only the places with wishes (and "none given"), by name.
  const places = query.county ? table.places.filter((p, i) => placeHasWishes(raw, i) || p.id === "") : table.places;
  return {
    query,
    audiences,
    places,
    audienceTotals: table.audienceTotals,
    grandTotal,
    months,
    monthsWithheld,
    threshold,
  };
}

function placeHasWishes(raw: RawDemand, index: number): boolean {
  const place = raw.places[index];
  return place ? Object.values(place.byAudience).some((n) => n > 0) : false;
}

function suppressPlaces(raw: RawDemand, audiences: Audience[], threshold: number) {
  const cells = raw.places.map((p) => audiences.map((a) => p.byAudience[a]));
  const suppressed = suppressTable({ cells }, { threshold });
  return {
    places: raw.places.map((p, i) => {
      const total = suppressed.rowTotals[i] ?? WITHHELD;
      return { id: p.id, name: p.name, cells: suppressed.cells[i] ?? [], total, band: bandOf(total) };
    }),
    audienceTotals: suppressed.columnTotals,
    grandTotal: suppressed.grandTotal,
  };
}

function withheldPlaces(table: ReturnType<typeof suppressPlaces>): ReturnType<typeof suppressPlaces> {
  return {
    places: table.places.map((p) => ({
      ...p,
      cells: p.cells.map(() => WITHHELD),
      total: WITHHELD,
      band: "hidden" as const,
    })),
    audienceTotals: table.audienceTotals.map(() => WITHHELD),
    grandTotal: WITHHELD,
  };
}
