// The report for funders: activities in a period, in the staff member's scope, with who came.
// Only published (suppressed) figures leave this module; true small counts stay on the server.
import type { AppDatabase } from "../../../db/connection";
import { activityInScope } from "~/features/activities/activity-scope.server";
import { listChaptersForStaff } from "~/features/chapters/staff-chapters.server";
import { chapterFilter, type StaffScope } from "~/features/staff/staff.server";
import { formatOsloDateInput, osloLocalToUtc } from "~/platform/oslo-time";
import {
  computeReport,
  publishReport,
  readReportQuery,
  type ReportActivity,
  type ReportAudience,
  type PublishedReport,
} from "./report-figures";
import { DEFAULT_THRESHOLD } from "./suppression";
import { reportCsv } from "./report-csv";
import type { Locale } from "~/i18n/config";
import { tFor } from "~/i18n/catalogs.server";

export const NATIONAL = "national";

function utcStartOf(date: string): string {
  const result = osloLocalToUtc(date, "00:00");
  return result.ok ? result.utc : `${date}T00:00:00.000Z`;
}

export interface ReportView {
  from: string;
  /** the last day included */
  to: string;
  query: ReturnType<typeof readReportQuery>["query"];
  chapters: { id: string; name: string }[];
  groups: { id: string; name: string; chapterId: string | null }[];
  report: PublishedReport;
}

/** The published report for the search params of /staff/reports. */
export async function loadReportForStaff(
  db: AppDatabase,
  scope: StaffScope,
  { params, threshold = DEFAULT_THRESHOLD }: { params: URLSearchParams; threshold?: number },
  now = new Date(),
): Promise<ReportView> {
  const { query, from, to, months } = readReportQuery(params, formatOsloDateInput(now.toISOString()));
  const chaptersInScope = await listChaptersForStaff(db, scope);
  const only = chapterFilter(scope);
  let groupQuery = db.selectFrom("groups").select(["id", "name", "chapter_id"]).orderBy("name");
  if (only) groupQuery = groupQuery.where("chapter_id", "in", only);
  const groups = (await groupQuery.execute()).map((g) => ({ id: g.id, name: g.name, chapterId: g.chapter_id }));
  const chosenChapters = query.chapter.filter((id) => chaptersInScope.some((c) => c.id === id));
  const chosenGroups = query.group.filter((id) => groups.some((g) => g.id === id));

  let activityQuery = db
    .selectFrom("activities")
    .leftJoin("groups", "groups.id", "activities.group_id")
    .select([
      "activities.id",
      "activities.chapter_id",
      "activities.starts_at",
      "activities.status",
      "groups.audience",
      (eb) =>
        eb
          .selectFrom("rsvps")
          .select((e) => e.fn.countAll().as("n"))
          .whereRef("rsvps.activity_id", "=", "activities.id")
          .where("rsvps.status", "=", "going")
          .as("going"),
      (eb) =>
        eb
          .selectFrom("check_ins")
          .innerJoin("rsvps", (j) =>
            j
              .onRef("rsvps.activity_id", "=", "check_ins.activity_id")
              .onRef("rsvps.member_id", "=", "check_ins.member_id"),
          )
          .select((e) => e.fn.countAll().as("n"))
          .whereRef("check_ins.activity_id", "=", "activities.id")
          .where("rsvps.status", "=", "going")
          .as("came_of_going"),
      (eb) =>
        eb
          .selectFrom("check_ins")
          .select((e) => e.fn.countAll().as("n"))
          .whereRef("check_ins.activity_id", "=", "activities.id")
          .as("checked_in"),
      (eb) =>
        eb
          .selectFrom("walk_in_counts")
          .select("count")
          .whereRef("walk_in_counts.activity_id", "=", "activities.id")
          .as("walk_ins"),
      (eb) =>
        eb
          .selectFrom("anonymous_attendance")
          .select("going_count")
          .whereRef("anonymous_attendance.activity_id", "=", "activities.id")
          .as("anon_going"),
      (eb) =>
        eb
          .selectFrom("anonymous_attendance")
          .select("came_count")
          .whereRef("anonymous_attendance.activity_id", "=", "activities.id")
          .as("anon_came"),
      (eb) =>
        eb
          .selectFrom("anonymous_attendance")
          .select("came_of_going_count")
          .whereRef("anonymous_attendance.activity_id", "=", "activities.id")
          .as("anon_came_of_going"),
    ])
    .where(activityInScope(scope))
    .where("activities.starts_at", ">=", utcStartOf(from))
    .where("activities.starts_at", "<", utcStartOf(to));
  if (chosenChapters.length > 0) activityQuery = activityQuery.where("activities.chapter_id", "in", chosenChapters);
  if (chosenGroups.length > 0) activityQuery = activityQuery.where("activities.group_id", "in", chosenGroups);
  const rows = await activityQuery.execute();

  const nowIso = now.toISOString();
  const activities: ReportActivity[] = rows.map((r) => ({
    id: r.id,
    chapterId: r.chapter_id ?? NATIONAL,
    audience: (r.audience ?? "everyone") as ReportAudience,
    month: formatOsloDateInput(r.starts_at).slice(0, 7),
    cancelled: r.status === "cancelled",
    held: r.starts_at <= nowIso,
    saidYes: Number(r.going ?? 0) + Number(r.anon_going ?? 0),
    cameOfYes: Number(r.came_of_going ?? 0) + Number(r.anon_came_of_going ?? 0),
    attendances: Number(r.checked_in ?? 0) + Number(r.walk_ins ?? 0) + Number(r.anon_came ?? 0),
  }));
  const ids = activities.map((a) => a.id);
  const checkIns =
    ids.length === 0
      ? []
      : await db.selectFrom("check_ins").select(["activity_id", "member_id"]).where("activity_id", "in", ids).execute();
  const people = [...new Set(checkIns.map((c) => c.member_id))];
  const seenBefore =
    people.length === 0
      ? []
      : await db
          .selectFrom("check_ins")
          .innerJoin("activities", "activities.id", "check_ins.activity_id")
          .select("check_ins.member_id")
          .where("check_ins.member_id", "in", people)
          .where("activities.starts_at", "<", utcStartOf(from))
          .where("activities.status", "=", "scheduled")
          .groupBy("check_ins.member_id")
          .execute();

  const chapterRows = chaptersInScope
    .filter((c) => chosenChapters.length === 0 || chosenChapters.includes(c.id))
    .map((c) => ({ id: c.id, name: c.name }));
  if (activities.some((a) => a.chapterId === NATIONAL)) chapterRows.push({ id: NATIONAL, name: "" });
  const computed = computeReport({
    activities,
    checkIns: checkIns.map((c) => ({ activityId: c.activity_id, memberId: c.member_id })),
    seenBefore: new Set(seenBefore.map((s) => s.member_id)),
    months,
    chapters: chapterRows,
  });
  const lastDay = new Date(`${to}T00:00:00Z`);
  lastDay.setUTCDate(lastDay.getUTCDate() - 1);
  return {
    from,
    to: lastDay.toISOString().slice(0, 10),
    query,
    chapters: chaptersInScope.map((c) => ({ id: c.id, name: c.name })),
    groups,
    report: publishReport(computed, months, threshold),
  };
}

/** The CSV export: the same published figures, labelled in the staff member's language. */
export async function reportCsvForStaff(
  db: AppDatabase,
  scope: StaffScope,
  { params, locale, threshold }: { params: URLSearchParams; locale: Locale; threshold?: number },
  now = new Date(),
): Promise<string> {
  const view = await loadReportForStaff(db, scope, { params, threshold }, now);
  const t = tFor(locale) as unknown as (key: string, options?: Record<string, unknown>) => string;
  // A byte-order mark so spreadsheet programs read the file as UTF-8 (Ø, Å, Arabic script).
  return `\uFEFF${reportCsv(view.report, {
    t,
    from: view.from,
    to: view.to,
    chapterName: (id, name) => (id === NATIONAL ? t("staffReports.national") : name),
  })}`;
}
