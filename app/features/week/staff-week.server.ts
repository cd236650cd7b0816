// A week at a glance for staff: the activities of their chapters from Monday to Sunday (ISO weeks
// in Oslo), with what a coordinator needs before the door opens: going and places, the waitlist,
// places offered and held, unread notes and who asked to be met. Reads only the shown week's range of starts_at (an index
// covers it), so the cost stays flat however many activities a chapter has held.
import type { ExpressionBuilder } from "kysely";
import type { AppDatabase } from "../../../db/connection";
import type { Database, RsvpStatus } from "../../../db/schema";
import { activityInScope } from "~/features/activities/activity-scope.server";
import { listChaptersForStaff } from "~/features/chapters/staff-chapters.server";
import { listGroupsForStaff } from "~/features/groups/groups.server";
import type { StaffScope } from "~/features/staff/staff.server";
import {
  isoWeekKey,
  osloIsoWeekAt,
  osloIsoWeekRange,
  parseIsoWeekKey,
  shiftIsoWeek,
  type IsoWeek,
} from "~/platform/oslo-weeks";
import { formatOsloClock, formatOsloDateInput, formatOsloDay, formatOsloWeekday } from "~/platform/oslo-time";

export interface WeekFilter {
  /** an ISO week key ("2026-W51"); absent or unreadable: the week `now` falls in */
  weekKey?: string | null;
  chapterId?: string | null;
  groupId?: string | null;
}

function countAnswers(eb: ExpressionBuilder<Database, "activities">, status: RsvpStatus) {
  return eb
    .selectFrom("rsvps")
    .select((c) => c.fn.countAll<number>().as("n"))
    .whereRef("rsvps.activity_id", "=", "activities.id")
    .where("rsvps.status", "=", status);
}

/** Places offered and held for someone on the waitlist right now (she has until the offer runs out). */
function countOffers(eb: ExpressionBuilder<Database, "activities">) {
  return eb
    .selectFrom("rsvps")
    .select((c) => c.fn.countAll<number>().as("n"))
    .whereRef("rsvps.activity_id", "=", "activities.id")
    .where("rsvps.status", "=", "waitlisted")
    .where("rsvps.offer_expires_at", "is not", null);
}

function countUnreadNotes(eb: ExpressionBuilder<Database, "activities">) {
  return eb
    .selectFrom("rsvps")
    .select((c) => c.fn.countAll<number>().as("n"))
    .whereRef("rsvps.activity_id", "=", "activities.id")
    .where("rsvps.note", "is not", null)
    .where("rsvps.note_seen_at", "is", null);
}

/** The activities of one week in the staff member's scope, filtered by chapter and group, by start. */
export async function listWeekActivitiesForStaff(
  db: AppDatabase,
  scope: StaffScope,
  { week, chapterId, groupId }: { week: IsoWeek; chapterId?: string | null; groupId?: string | null },
) {
  const { start, end } = osloIsoWeekRange(week);
  const rows = await db
    .selectFrom("activities")
    .leftJoin("groups", "groups.id", "activities.group_id")
    .leftJoin("chapters", "chapters.id", "activities.chapter_id")
    .where(activityInScope(scope))
    .where("activities.starts_at", ">=", start.toISOString())
    .where("activities.starts_at", "<", end.toISOString())
    .$if(Boolean(chapterId), (q) => q.where("activities.chapter_id", "=", chapterId!))
    .$if(Boolean(groupId), (q) => q.where("activities.group_id", "=", groupId!))
    .select((eb) => [
      "activities.id",
      "activities.title",
      "activities.starts_at",
      "activities.ends_at",
      "activities.area",
      "activities.status",
      "activities.draft",
      "activities.capacity",
      "activities.chapter_id",
      "activities.group_id",
      "groups.name as group_name",
      "chapters.name as chapter_name",
      countAnswers(eb, "going").as("going_count"),
      countAnswers(eb, "waitlisted").as("waitlist_count"),
      countOffers(eb).as("offer_count"),
      countUnreadNotes(eb).as("unread_notes"),
    ])
    .orderBy("activities.starts_at")
    .orderBy("activities.id")
    .execute();
  const doors = await listDoorRequests(
    db,
    scope,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    /** the Oslo day it starts on, YYYY-MM-DD: the column it belongs to */
    day: formatOsloDateInput(r.starts_at),
    area: r.area,
    cancelled: r.status === "cancelled",
    draft: r.draft === 1,
    capacity: r.capacity,
    chapterName: r.chapter_name,
    groupName: r.group_name,
    goingCount: Number(r.going_count ?? 0),
    waitlistCount: Number(r.waitlist_count ?? 0),
    offerCount: Number(r.offer_count ?? 0),
    unreadNotes: Number(r.unread_notes ?? 0),
    doorRequests: doors.filter((d) => d.activityId === r.id),
  }));
}

/**
 * Who asked to be met at the door, per activity: only members still going, only activities in
 * the staff member's scope (the scope is in this query too, not only in the caller's).
 */
export async function listDoorRequests(db: AppDatabase, scope: StaffScope, activityIds: string[]) {
  if (activityIds.length === 0) return [];
  const rows = await db
    .selectFrom("rsvps")
    .innerJoin("activities", "activities.id", "rsvps.activity_id")
    .innerJoin("members", "members.id", "rsvps.member_id")
    .leftJoin("staff_users", "staff_users.id", "rsvps.meet_staff_id")
    .where(activityInScope(scope))
    .where("rsvps.activity_id", "in", activityIds)
    .where("rsvps.meet_at_door", "=", 1)
    .where("rsvps.status", "=", "going")
    .select([
      "rsvps.activity_id",
      "rsvps.member_id",
      "members.pseudonym",
      "rsvps.meet_place",
      "staff_users.display_name as meet_staff_name",
    ])
    .orderBy("rsvps.arrival")
    .execute();
  return rows.map((r) => ({
    activityId: r.activity_id,
    memberId: r.member_id,
    pseudonym: r.pseudonym,
    place: r.meet_place,
    meetStaffName: r.meet_staff_name,
  }));
}

/** Everything /staff/week (and the dashboard) shows: the week, its neighbours, the filters and activities. */
export async function loadStaffWeek(db: AppDatabase, scope: StaffScope, filter: WeekFilter, now = new Date()) {
  const week = parseIsoWeekKey(filter.weekKey ?? null) ?? osloIsoWeekAt(now);
  const [chapters, groups] = await Promise.all([listChaptersForStaff(db, scope), listGroupsForStaff(db, scope)]);
  // Filters outside the scope are ignored rather than trusted (the query is scoped anyway).
  const chapterId = chapters.some((c) => c.id === filter.chapterId) ? filter.chapterId! : null;
  const groupId = groups.some((g) => g.id === filter.groupId && (!chapterId || g.chapter_id === chapterId))
    ? filter.groupId!
    : null;
  const activities = await listWeekActivitiesForStaff(db, scope, { week, chapterId, groupId });
  return {
    week,
    weekKey: isoWeekKey(week),
    thisWeekKey: isoWeekKey(osloIsoWeekAt(now)),
    previousWeekKey: isoWeekKey(shiftIsoWeek(week, -1)),
    nextWeekKey: isoWeekKey(shiftIsoWeek(week, 1)),
    days: osloIsoWeekRange(week).days,
    chapters: chapters.map((c) => ({ id: c.id, name: c.name })),
    groups: groups.map((g) => ({ id: g.id, name: g.name, chapterId: g.chapter_id, chapterName: g.chapter_name })),
    chapterId,
    groupId,
    activities,
  };
}

/** The week as the page shows it: labels in the reader's language, and links that keep the filters. */
export async function loadStaffWeekForDisplay(
  db: AppDatabase,
  scope: StaffScope,
  filter: WeekFilter,
  { path, localeTag }: { path: string; localeTag: string },
  now = new Date(),
) {
  const week = await loadStaffWeek(db, scope, filter, now);
  const today = formatOsloDateInput(now.toISOString());
  const href = (weekKey: string) => {
    const query = new URLSearchParams({ week: weekKey });
    if (week.chapterId) query.set("chapter", week.chapterId);
    if (week.groupId) query.set("group", week.groupId);
    return `${path}?${query.toString()}`;
  };
  const chapterName = week.chapters.find((c) => c.id === week.chapterId)?.name;
  const groupName = week.groups.find((g) => g.id === week.groupId)?.name;
  return {
    week: week.week,
    weekKey: week.weekKey,
    from: formatOsloDay(week.days[0]!, localeTag),
    to: formatOsloDay(week.days[6]!, localeTag),
    links: {
      previous: href(week.previousWeekKey),
      next: href(week.nextWeekKey),
      thisWeek: week.weekKey === week.thisWeekKey ? null : href(week.thisWeekKey),
    },
    /** on paper the filters are gone, so the page says what it shows */
    filterLabel: [chapterName, groupName].filter(Boolean).join(" · "),
    chapters: week.chapters,
    groups: week.groups,
    chapterId: week.chapterId,
    groupId: week.groupId,
    days: week.days.map((date) => ({ date, label: formatOsloWeekday(date, localeTag), isToday: date === today })),
    activities: week.activities.map((a) => ({
      id: a.id,
      title: a.title,
      day: a.day,
      time: `${formatOsloClock(a.startsAt, localeTag)}–${formatOsloClock(a.endsAt, localeTag)}`,
      area: a.area,
      cancelled: a.cancelled,
      draft: a.draft,
      capacity: a.capacity,
      where: a.groupName ?? a.chapterName ?? null,
      goingCount: a.goingCount,
      waitlistCount: a.waitlistCount,
      offerCount: a.offerCount,
      unreadNotes: a.unreadNotes,
      doorRequests: a.doorRequests.map((d) => ({
        memberId: d.memberId,
        pseudonym: d.pseudonym,
        place: d.place,
        meetStaffName: d.meetStaffName,
      })),
    })),
  };
}

/**
 * The staff home: their chapters, the national groups (admins' tools) and one week of activities
 * with the same filters and week links as /staff/week.
 */
export async function loadStaffDashboard(
  db: AppDatabase,
  scope: StaffScope,
  filter: WeekFilter,
  { localeTag }: { localeTag: string },
  now = new Date(),
) {
  const [chapters, groups, week] = await Promise.all([
    listChaptersForStaff(db, scope),
    listGroupsForStaff(db, scope),
    loadStaffWeekForDisplay(db, scope, filter, { path: "/staff", localeTag }, now),
  ]);
  return { chapters, nationalGroups: groups.filter((g) => g.chapter_id === null), week };
}
