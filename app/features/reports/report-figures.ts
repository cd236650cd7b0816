// The figures of a report for funders, computed from plain rows (pure, so a hand-counted fixture
// can check every one), and their published form with small counts suppressed. Counts of people
// are suppressed; counts of activities are not (they say nothing about who came).
import { z } from "zod";
import {
  suppressFigure,
  suppressList,
  suppressTable,
  type SuppressedFigure,
  type SuppressedTable,
} from "./suppression";

export type ReportAudience = "women" | "men" | "everyone";
export const REPORT_AUDIENCES: readonly ReportAudience[] = ["women", "men", "everyone"];

export interface ReportActivity {
  id: string;
  chapterId: string | null;
  audience: ReportAudience;
  /** Oslo month, YYYY-MM */
  month: string;
  cancelled: boolean;
  /** started before the report was made */
  held: boolean;
  /** "going" answers, including those of deleted accounts */
  saidYes: number;
  /** of those, who came (including deleted accounts) */
  cameOfYes: number;
  /** everyone counted as came: members, deleted accounts, people without an account */
  attendances: number;
}

export interface ReportCheckIn {
  activityId: string;
  memberId: string;
}

export interface ReportInput {
  activities: ReportActivity[];
  /** check-ins of existing accounts to the activities above */
  checkIns: ReportCheckIn[];
  /** members whose first check-in ever is before the period */
  seenBefore: Set<string>;
  months: string[];
  chapters: { id: string; name: string }[];
}

export interface Figures {
  held: number;
  cancelled: number;
  attendances: number;
  uniqueParticipants: number;
  newParticipants: number;
  returningParticipants: number;
  saidYes: number;
  cameOfYes: number;
}

function figuresOf(activities: ReportActivity[], checkIns: ReportCheckIn[], seenBefore: Set<string>): Figures {
  const held = activities.filter((a) => a.held && !a.cancelled);
  const heldIds = new Set(held.map((a) => a.id));
  const people = new Set(checkIns.filter((c) => heldIds.has(c.activityId)).map((c) => c.memberId));
  const returning = [...people].filter((p) => seenBefore.has(p)).length;
  return {
    held: held.length,
    cancelled: activities.filter((a) => a.cancelled).length,
    attendances: held.reduce((sum, a) => sum + a.attendances, 0),
    uniqueParticipants: people.size,
    newParticipants: people.size - returning,
    returningParticipants: returning,
    saidYes: held.reduce((sum, a) => sum + a.saidYes, 0),
    cameOfYes: held.reduce((sum, a) => sum + a.cameOfYes, 0),
  };
}

export function computeReport(input: ReportInput) {
  const { activities, checkIns, seenBefore, months, chapters } = input;
  const byActivity = new Map(activities.map((a) => [a.id, a]));
  const pick = (keep: (a: ReportActivity) => boolean) => {
    const chosen = activities.filter(keep);
    const ids = new Set(chosen.map((a) => a.id));
    return figuresOf(
      chosen,
      checkIns.filter((c) => ids.has(c.activityId)),
      seenBefore,
    );
  };
  return {
    total: pick(() => true),
    byChapter: chapters.map((c) => ({ chapter: c, figures: pick((a) => a.chapterId === c.id) })),
    byAudience: REPORT_AUDIENCES.map((audience) => ({ audience, figures: pick((a) => a.audience === audience) })),
    byMonth: months.map((month) => ({ month, figures: pick((a) => a.month === month) })),
    /** attendances, chapter × month: the table the chart draws */
    attendanceGrid: chapters.map((c) =>
      months.map((month) =>
        activities
          .filter((a) => a.chapterId === c.id && a.month === month && a.held && !a.cancelled)
          .reduce((sum, a) => sum + a.attendances, 0),
      ),
    ),
    activityOf: (id: string) => byActivity.get(id),
  };
}

export type ComputedReport = ReturnType<typeof computeReport>;

export interface PublishedFigures {
  held: number;
  cancelled: number;
  attendances: SuppressedFigure;
  uniqueParticipants: SuppressedFigure;
  newParticipants: SuppressedFigure;
  returningParticipants: SuppressedFigure;
  /** attendances / activities held, one decimal; hidden when attendances are */
  averagePerActivity: { kind: "shown"; value: number } | { kind: "hidden" } | { kind: "none" };
  /** whole per cent; hidden when the number who came or did not come is small */
  shareWhoCame: { kind: "shown"; value: number } | { kind: "hidden" } | { kind: "none" };
}

function publishFigures(f: Figures, threshold: number, attendances?: SuppressedFigure): PublishedFigures {
  const options = { threshold };
  const small = (n: number) => n >= 1 && n < threshold;
  const shownAttendances = attendances ?? suppressFigure(f.attendances, options);
  // New and returning add up to unique: hiding one alone would let the other give it away.
  let newP = suppressFigure(f.newParticipants, options);
  let returning = suppressFigure(f.returningParticipants, options);
  const unique = suppressFigure(f.uniqueParticipants, options);
  if (newP.kind !== "shown" && returning.kind === "shown" && unique.kind === "shown" && returning.value > 0) {
    returning = { kind: "complementary" };
  }
  if (returning.kind !== "shown" && newP.kind === "shown" && unique.kind === "shown" && newP.value > 0) {
    newP = { kind: "complementary" };
  }
  return {
    held: f.held,
    cancelled: f.cancelled,
    attendances: shownAttendances,
    uniqueParticipants: unique,
    newParticipants: newP,
    returningParticipants: returning,
    averagePerActivity:
      f.held === 0
        ? { kind: "none" }
        : shownAttendances.kind === "shown"
          ? { kind: "shown", value: Math.round((f.attendances / f.held) * 10) / 10 }
          : { kind: "hidden" },
    shareWhoCame:
      f.saidYes === 0
        ? { kind: "none" }
        : small(f.cameOfYes) || small(f.saidYes - f.cameOfYes)
          ? { kind: "hidden" }
          : { kind: "shown", value: Math.round((f.cameOfYes / f.saidYes) * 100) },
  };
}

export interface PublishedReport {
  threshold: number;
  months: string[];
  total: PublishedFigures;
  byChapter: { chapterId: string; name: string; figures: PublishedFigures }[];
  byAudience: { audience: ReportAudience; figures: PublishedFigures }[];
  byMonth: { month: string; figures: PublishedFigures }[];
  /** chapters × months with row, column and grand totals, suppressed as one table */
  attendanceGrid: SuppressedTable;
  /** the true heights never leave the server: the chart gets only the published figures */
  anyHidden: boolean;
}

/**
 * Suppresses every people count. Attendances add up, so they are suppressed as tables: chapters ×
 * months (whose row totals are the chapters' figures and column totals the months'), and the
 * audiences as a list. The grand total they share is hidden if either hides it: hiding more never
 * makes a hidden figure recoverable.
 */
export function publishReport(report: ComputedReport, months: string[], threshold: number): PublishedReport {
  const grid = suppressTable({ cells: report.attendanceGrid }, { threshold });
  const audiences = suppressList(
    { counts: report.byAudience.map((a) => a.figures.attendances), total: report.total.attendances },
    { threshold },
  );
  const total = strictest(grid.grandTotal, audiences.total);
  grid.grandTotal = total;
  const published: PublishedReport = {
    threshold,
    months,
    total: publishFigures(report.total, threshold, total),
    byChapter: report.byChapter.map((c, i) => ({
      chapterId: c.chapter.id,
      name: c.chapter.name,
      figures: publishFigures(c.figures, threshold, grid.rowTotals[i]),
    })),
    byAudience: report.byAudience.map((a, i) => ({
      audience: a.audience,
      figures: publishFigures(a.figures, threshold, audiences.counts[i]),
    })),
    byMonth: report.byMonth.map((m, j) => ({
      month: m.month,
      figures: publishFigures(m.figures, threshold, grid.columnTotals[j]),
    })),
    attendanceGrid: grid,
    anyHidden: false,
  };
  published.anyHidden = JSON.stringify(published).includes('"kind":"small"');
  return published;
}

function strictest(a: SuppressedFigure, b: SuppressedFigure): SuppressedFigure {
  if (a.kind === "small" || b.kind === "small") return { kind: "small" };
  if (a.kind !== "shown") return a;
  return b;
}

/** A real calendar day this century, YYYY-MM-DD (2026-02-31 is not one). */
function isReportDay(value: string): boolean {
  if (!/^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

/**
 * The period a report covers, as Oslo dates: from (inclusive) to (exclusive). Years are 2000–2099:
 * anything else (year 9999, day 2026-13-45) falls back to the default, never to a failing date.
 */
export const reportQuerySchema = z.object({
  period: z.enum(["month", "quarter", "year", "dates"]).catch("month"),
  month: z
    .string()
    .regex(/^20\d{2}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  quarter: z
    .string()
    .regex(/^20\d{2}-Q[1-4]$/)
    .optional()
    .catch(undefined),
  year: z
    .string()
    .regex(/^20\d{2}$/)
    .optional()
    .catch(undefined),
  from: z.string().refine(isReportDay).optional().catch(undefined),
  to: z.string().refine(isReportDay).optional().catch(undefined),
  chapter: z.array(z.string().max(64)).catch([]),
  group: z.array(z.string().max(64)).catch([]),
});

export type ReportQuery = z.infer<typeof reportQuerySchema>;

const pad = (n: number) => String(n).padStart(2, "0");

/** The longest period one report covers, in months (one column each). */
const MAX_REPORT_MONTHS = 36;

function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** Reads the search params of /staff/reports; today is an Oslo date (YYYY-MM-DD). */
export function readReportQuery(params: URLSearchParams, today: string) {
  const q = reportQuerySchema.parse({
    period: params.get("period") ?? undefined,
    month: params.get("month") ?? undefined,
    quarter: params.get("quarter") ?? undefined,
    year: params.get("year") ?? undefined,
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    chapter: params.getAll("chapter"),
    group: params.getAll("group"),
  });
  const thisMonth = today.slice(0, 7);
  let from: string;
  let to: string;
  if (q.period === "year") {
    const year = q.year ?? today.slice(0, 4);
    from = `${year}-01-01`;
    to = `${Number(year) + 1}-01-01`;
  } else if (q.period === "quarter") {
    const quarter = q.quarter ?? `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
    const start = `${quarter.slice(0, 4)}-${pad((Number(quarter.slice(6)) - 1) * 3 + 1)}`;
    from = `${start}-01`;
    to = `${addMonths(start, 3)}-01`;
  } else if (q.period === "dates" && q.from && q.to && q.from <= q.to) {
    // "to" is the last day the person chose; the query runs to the start of the next day.
    const last = new Date(`${q.to}T00:00:00Z`);
    last.setUTCDate(last.getUTCDate() + 1);
    to = last.toISOString().slice(0, 10);
    // At most MAX_REPORT_MONTHS months, the last ones chosen: the page shows the period it counted.
    const earliest = `${addMonths(q.to.slice(0, 7), 1 - MAX_REPORT_MONTHS)}-01`;
    from = q.from < earliest ? earliest : q.from;
  } else {
    const month = q.month ?? thisMonth;
    from = `${month}-01`;
    to = `${addMonths(month, 1)}-01`;
  }
  const months: string[] = [];
  for (let m = from.slice(0, 7); `${m}-01` < to && months.length < MAX_REPORT_MONTHS; m = addMonths(m, 1)) {
    months.push(m);
  }
  return { query: q, from, to, months };
}
