// Activities as a member (or staff) sees them. Every query carries the viewer's scope in its WHERE
// clause, and each page is served by a fixed number of queries: counts and the viewer's own
// answer come from correlated subqueries and a left join over indexed columns, never a query per row.
import { countRows } from "../../../db/counts";
import { containsText } from "../../../db/dialect";
import { sql, type ExpressionBuilder, type SqlBool, type Expression } from "kysely";
import type { AppDatabase } from "../../../db/connection";
import type { Database, RsvpTable } from "../../../db/schema";
import { osloWeekRange, parseWeekOffset, WEEKS_OFFERED } from "~/platform/oslo-weeks";
import { answerBlock } from "./answer-window";
import { SPOKEN_LANGUAGE_CODES } from "./activity-form";
import { toActivitySummary, type ActivitySummary, type MemberActivity } from "./activity-row";
import { activityInScope } from "./activity-scope.server";
import type { StaffScope } from "~/features/staff/staff.server";

/** The member asking: every member query is scoped by both. */
export interface MemberScope {
  id: string;
  chapterId: string;
}

type Nullable<T> = { [K in keyof T]: T[K] | null };

/**
 * May this member see this activity? They may see:
 * - activities of groups they are an ACTIVE member of (a request to join shows nothing yet);
 * - activities open to their whole chapter (no group, the member's chapter);
 * - national activities (no chapter, no group). Decision: these are visible to every active
 *   member in every chapter — that is what "national" means to staff who publish them. An
 *   activity of a national group (a group without a chapter) is a group activity like any
 *   other and needs membership.
 * The member row is read in the same query, so a deactivated member sees nothing, and the
 * chapter comes from the database, not from what the caller believes. A draft (saved, not yet
 * published) is seen by nobody but staff: not in lists, pages, counts, answers or feeds.
 */
export function visibleToMember(memberId: string, chapterId?: string) {
  // Asked through CASE, so the planner checks it per row instead of turning its OR into index
  // lookups on group_id: lists then read activities in (starts_at, id) order from that index and
  // stop after a page, instead of reading every coming activity and sorting them (decision 039).
  return (eb: ExpressionBuilder<Database, "activities">): Expression<SqlBool> =>
    eb.and([
      eb("activities.draft", "=", 0),
      eb(
        eb
          .case()
          .when(memberMaySee(eb, memberId, chapterId))
          .then(1)
          .else(0)
          .end(),
        "=",
        1,
      ),
    ]);
}

/** The membership half of `visibleToMember`: the viewer's group, chapter or a national activity. */
function memberMaySee(eb: ExpressionBuilder<Database, "activities">, memberId: string, chapterId?: string) {
  return eb.exists(
    eb
      .selectFrom("members as viewer")
      .select(sql`1`.as("one"))
      .where("viewer.id", "=", memberId)
      .where("viewer.deactivated_at", "is", null)
      .$if(chapterId !== undefined, (q) => q.where("viewer.chapter_id", "=", chapterId!))
      .where((inner) =>
        inner.or([
          inner("activities.group_id", "in", (sub) =>
            sub
              .selectFrom("group_memberships")
              .select("group_memberships.group_id")
              .where("group_memberships.member_id", "=", memberId)
              .where("group_memberships.status", "=", "active"),
          ),
          inner.and([
            inner("activities.group_id", "is", null),
            inner.or([
              inner("activities.chapter_id", "is", null),
              inner("activities.chapter_id", "=", inner.ref("viewer.chapter_id")),
            ]),
          ]),
        ]),
      ),
  );
}

/** "going" answers to the outer activity, from the (activity_id, status, arrival) index. */
function goingCount(eb: ExpressionBuilder<Database, "activities">) {
  return eb
    .selectFrom("rsvps as going")
    .select(countRows().as("n"))
    .whereRef("going.activity_id", "=", "activities.id")
    .where("going.status", "=", "going");
}

/** Queries that left-join the viewer's own answer as "mine". */
type WithMyAnswer = Database & { mine: Nullable<RsvpTable> };

/** The viewer's place in the waitlist (1 = next), or null when they are not on it. */
function waitlistPosition(eb: ExpressionBuilder<WithMyAnswer, "activities" | "mine">) {
  return eb
    .case()
    .when("mine.status", "=", "waitlisted")
    .then(
      eb
        .selectFrom("rsvps as ahead")
        .select(countRows().as("n"))
        .whereRef("ahead.activity_id", "=", "activities.id")
        .where("ahead.status", "=", "waitlisted")
        .whereRef("ahead.arrival", "<=", "mine.arrival"),
    )
    .else(null)
    .end();
}

/**
 * The activities this member may see, each with their own answer joined as "mine". Every member
 * view (list, page, feed, download) starts here, so they cannot differ in what they let through.
 */
export function activitiesSeenByMember(db: AppDatabase, memberId: string, chapterId?: string) {
  return db
    .selectFrom("activities")
    .leftJoin("rsvps as mine", (join) =>
      join.onRef("mine.activity_id", "=", "activities.id").on("mine.member_id", "=", memberId),
    )
    .where(visibleToMember(memberId, chapterId));
}

/** What every activity summary reads (toActivitySummary), for members and staff alike. */
const SUMMARY_COLUMNS = [
  "activities.id",
  "activities.title",
  "activities.chapter_id",
  "activities.group_id",
  "groups.name as group_name",
  "activities.starts_at",
  "activities.ends_at",
  "activities.area",
  "activities.capacity",
  "activities.languages",
  "activities.interpreter_available",
  "activities.status",
] as const;

/** The shared part of list and detail: the activity, its group, its counts and the viewer's answer. */
function memberActivityQuery(db: AppDatabase, memberId: string, chapterId: string) {
  return activitiesSeenByMember(db, memberId, chapterId)
    .leftJoin("groups", "groups.id", "activities.group_id")
    .select(SUMMARY_COLUMNS)
    .select((eb) => [
      "mine.status as my_status",
      goingCount(eb).as("going_count"),
      waitlistPosition(eb).as("waitlist_position"),
    ]);
}

export interface ListUpcomingOptions {
  now: Date;
  /** only this group's activities */
  groupId?: string;
  /** only activities starting in [start, end) */
  week?: { start: Date; end: Date };
  /** only activities where this language (a code staff can tick) is spoken */
  language?: string;
  /** only activities where an interpreter can come */
  interpreterOnly?: boolean;
  /** only activities after this one in list order (starts_at, id): the key of the page before */
  after?: ActivityListKey;
  /** at most this many */
  limit?: number;
}

/** Where a page of the list starts: the (starts_at, id) of the last activity on the page before. */
export interface ActivityListKey {
  startsAt: string;
  id: string;
}

/**
 * The list reads activities that started at most this long ago (decision 039): the (starts_at, id)
 * index then reads only recent and coming rows, however long the network's history is. An activity
 * that lasts longer than this is no longer listed once that long has passed since it started.
 */
export const LONGEST_LISTED_ACTIVITY_DAYS = 31;
const DAY_MS = 86_400_000;

/**
 * The activities a member may see that have not ended yet, soonest first. Cancelled ones stay
 * listed (shown as cancelled) until they have passed, so nobody misses that they were called off.
 * One query, however many activities, groups or answers there are.
 */
export async function listUpcomingActivitiesForMember(
  db: AppDatabase,
  member: MemberScope,
  { now, groupId, week, language, interpreterOnly, after, limit }: ListUpcomingOptions,
): Promise<MemberActivity[]> {
  const rows = await memberActivityQuery(db, member.id, member.chapterId)
    .where("activities.ends_at", ">", now.toISOString())
    .where("activities.starts_at", ">=", new Date(now.getTime() - LONGEST_LISTED_ACTIVITY_DAYS * DAY_MS).toISOString())
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb("activities.starts_at", ">", after!.startsAt),
          eb.and([eb("activities.starts_at", "=", after!.startsAt), eb("activities.id", ">", after!.id)]),
        ]),
      ),
    )
    .$if(groupId !== undefined, (q) => q.where("activities.group_id", "=", groupId!))
    .$if(week !== undefined, (q) =>
      q
        .where("activities.starts_at", ">=", week!.start.toISOString())
        .where("activities.starts_at", "<", week!.end.toISOString()),
    )
    // languages is "nb,en": comma on both sides, so "so" never matches inside another code.
    .$if(language !== undefined, (q) =>
      q.where(containsText(db, sql<string>`',' || activities.languages || ','`, `,${language},`)),
    )
    .$if(interpreterOnly === true, (q) => q.where("activities.interpreter_available", "=", 1))
    .orderBy("activities.starts_at")
    .orderBy("activities.id")
    .$if(limit !== undefined, (q) => q.limit(limit!))
    .execute();
  return rows.map((row) => ({
    ...toActivitySummary(row),
    myStatus: row.my_status,
    waitlistPosition: row.waitlist_position,
  }));
}

/** The groups a member belongs to (active memberships), for the group filter. */
export function listActiveGroupsForMember(db: AppDatabase, member: { id: string }) {
  return db
    .selectFrom("group_memberships")
    .innerJoin("groups", "groups.id", "group_memberships.group_id")
    .select(["groups.id", "groups.name"])
    .where("group_memberships.member_id", "=", member.id)
    .where("group_memberships.status", "=", "active")
    .orderBy("groups.name")
    .execute();
}

/**
 * Pseudonyms of those going who chose to show theirs, in arrival order. Unscoped by itself: call
 * it only for an activity the viewer has just been allowed to see (as the find functions do).
 */
export async function listGoingPseudonyms(db: AppDatabase, { activityId }: { activityId: string }): Promise<string[]> {
  const rows = await db
    .selectFrom("rsvps")
    .innerJoin("members", "members.id", "rsvps.member_id")
    .select("members.pseudonym")
    .where("rsvps.activity_id", "=", activityId)
    .where("rsvps.status", "=", "going")
    .where("rsvps.show_pseudonym", "=", 1)
    .where("members.deactivated_at", "is", null)
    .orderBy("rsvps.arrival")
    .execute();
  return rows.map((r) => r.pseudonym);
}

export interface ActivityDetail extends ActivitySummary {
  description: string;
  rsvpDeadline: string | null;
  /** the exact place: null unless the viewer is going (or is staff) */
  address: string | null;
  waitlistCount: number;
  shownPseudonyms: string[];
}

export interface MemberActivityDetail extends ActivityDetail, MemberActivity {
  myNote: string | null;
  myShowPseudonym: boolean;
  /** she asked to be met at the door, where (her words), and whether someone from staff is assigned */
  myMeetAtDoor: boolean;
  myMeetPlace: string | null;
  myMeetAssigned: boolean;
  /** while a freed place is offered to her: until when she may take it */
  myOfferExpiresAt: string | null;
  /** staff's reason, when the activity is cancelled */
  cancelReason: string | null;
}

function waitlistCount(eb: ExpressionBuilder<Database, "activities">) {
  return eb
    .selectFrom("rsvps as waiting")
    .select(countRows().as("n"))
    .whereRef("waiting.activity_id", "=", "activities.id")
    .where("waiting.status", "=", "waitlisted");
}

/**
 * One activity as this member may see it, or undefined when they may not (or it does not exist:
 * the caller cannot tell the two apart, and neither can the member). The address is selected
 * only when the member's own answer is "going" and the activity is not cancelled. Two queries.
 */
export async function findActivityForMember(
  db: AppDatabase,
  member: MemberScope,
  { activityId }: { activityId: string },
): Promise<MemberActivityDetail | undefined> {
  const row = await memberActivityQuery(db, member.id, member.chapterId)
    .where("activities.id", "=", activityId)
    .select((eb) => [
      "activities.description",
      "activities.rsvp_deadline",
      "mine.note as my_note",
      "mine.show_pseudonym as my_show_pseudonym",
      "mine.meet_at_door as my_meet_at_door",
      "mine.meet_place as my_meet_place",
      "mine.meet_staff_id as my_meet_staff_id",
      "mine.offer_expires_at as my_offer_expires_at",
      "activities.cancel_reason",
      eb
        .case()
        .when(eb.and([eb("mine.status", "=", "going"), eb("activities.status", "=", "scheduled")]))
        .then(eb.ref("activities.address"))
        .else(null)
        .end()
        .as("address"),
      waitlistCount(eb).as("waitlist_count"),
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...(await toActivityDetail(db, row)),
    myStatus: row.my_status,
    waitlistPosition: row.waitlist_position,
    myNote: row.my_note,
    myShowPseudonym: row.my_show_pseudonym === 1,
    myMeetAtDoor: row.my_meet_at_door === 1,
    myMeetPlace: row.my_meet_place ?? null,
    // Only that someone is assigned, never who: the member needs to know she will be met.
    myMeetAssigned: row.my_meet_staff_id !== null && row.my_meet_staff_id !== undefined,
    myOfferExpiresAt: row.my_status === "waitlisted" ? row.my_offer_expires_at : null,
    cancelReason: row.status === "cancelled" ? row.cancel_reason : null,
  };
}

/**
 * One activity with its address, for staff whose scope covers it: admins see every activity,
 * coordinators those of their chapters (national ones are the admins'). Two queries.
 */
export async function findActivityForStaff(
  db: AppDatabase,
  staff: StaffScope,
  { activityId }: { activityId: string },
): Promise<ActivityDetail | undefined> {
  const row = await db
    .selectFrom("activities")
    .leftJoin("groups", "groups.id", "activities.group_id")
    .where("activities.id", "=", activityId)
    .where(activityInScope(staff))
    .select(SUMMARY_COLUMNS)
    .select((eb) => [
      "activities.address",
      "activities.description",
      "activities.rsvp_deadline",
      goingCount(eb).as("going_count"),
      waitlistCount(eb).as("waitlist_count"),
    ])
    .executeTakeFirst();
  return row ? toActivityDetail(db, row) : undefined;
}

/** The page's facts of one activity, the same for members and staff (plus who shows as going). */
async function toActivityDetail(
  db: AppDatabase,
  row: Parameters<typeof toActivitySummary>[0] & {
    description: string;
    rsvp_deadline: string | null;
    address: string | null;
    waitlist_count: number | null;
  },
): Promise<ActivityDetail> {
  return {
    ...toActivitySummary(row),
    description: row.description,
    rsvpDeadline: row.rsvp_deadline,
    address: row.address,
    waitlistCount: row.waitlist_count ?? 0,
    shownPseudonyms: await listGoingPseudonyms(db, { activityId: row.id }),
  };
}

/**
 * A member's own answers to activities that have not ended, soonest first, for their page.
 * Activities they can no longer see (they left the group) drop out, like everywhere else.
 */
export async function listUpcomingRsvpsForMember(db: AppDatabase, member: { id: string }, { now }: { now: Date }) {
  const rows = await db
    .selectFrom("activities")
    .innerJoin("rsvps as mine", (join) =>
      join.onRef("mine.activity_id", "=", "activities.id").on("mine.member_id", "=", member.id),
    )
    .where(visibleToMember(member.id))
    .where("activities.ends_at", ">", now.toISOString())
    .select((eb) => [
      "activities.id",
      "activities.title",
      "activities.starts_at",
      "activities.status as activity_status",
      "mine.status",
      waitlistPosition(eb).as("waitlist_position"),
    ])
    .orderBy("activities.starts_at")
    .orderBy("activities.id")
    .execute();
  return rows.map((row) => ({
    activityId: row.id,
    title: row.title,
    startsAt: row.starts_at,
    activityStatus: row.activity_status,
    status: row.status,
    waitlistPosition: row.waitlist_position,
  }));
}

/** The facts the answer rules need, for an activity this member may see; for the RSVP transaction. */
export function findAnswerableActivity(db: AppDatabase, member: MemberScope, { activityId }: { activityId: string }) {
  return db
    .selectFrom("activities")
    .select([
      "activities.id",
      "activities.capacity",
      "activities.status",
      "activities.starts_at",
      "activities.rsvp_deadline",
    ])
    .where("activities.id", "=", activityId)
    .where(visibleToMember(member.id, member.chapterId))
    .executeTakeFirst();
}

/** The list filters as the search parameters give them (null when absent). */
export interface MemberHomeFilter {
  group: string | null;
  week: string | null;
  language: string | null;
  interpreter: string | null;
  /** the key of the page before, as the "later activities" link writes it */
  after?: string | null;
}

/** Activities per page of the member's list. */
export const ACTIVITY_PAGE_SIZE = 20;

/** "2026-12-01T17:00:00.000Z~<uuid>": the key of the last activity on a page, for the next page's link. */
export function formatActivityListKey(key: ActivityListKey): string {
  return `${key.startsAt}~${key.id}`;
}

/** Reads a page key from a link; anything else reads as none (the first page). */
export function parseActivityListKey(value: string | null | undefined): ActivityListKey | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~([0-9a-f-]{36})$/.exec(value ?? "");
  return match ? { startsAt: match[1]!, id: match[2]! } : undefined;
}

/**
 * The member's home: their coming activities, filtered, and what the filters offer. A filter
 * value the member cannot use (a group they are not in, a week out of range, a language staff
 * cannot tick) is ignored, not an error: the filter simply does not apply.
 */
export async function loadMemberHome(db: AppDatabase, member: MemberScope, filter: MemberHomeFilter, now = new Date()) {
  const groups = await listActiveGroupsForMember(db, member);
  const groupId = groups.find((g) => g.id === filter.group)?.id;
  const week = parseWeekOffset(filter.week);
  const language = SPOKEN_LANGUAGE_CODES.find((code) => code === filter.language);
  const interpreterOnly = filter.interpreter === "1";
  const after = parseActivityListKey(filter.after);
  // One more than a page: whether there is a next page comes from the same query.
  const found = await listUpcomingActivitiesForMember(db, member, {
    now,
    groupId,
    week: week === undefined ? undefined : osloWeekRange(now, week),
    language,
    interpreterOnly,
    after,
    limit: ACTIVITY_PAGE_SIZE + 1,
  });
  const activities = found.slice(0, ACTIVITY_PAGE_SIZE);
  const last = activities[activities.length - 1];
  return {
    activities,
    /** the key for the "later activities" link, when there are more */
    nextPage:
      found.length > ACTIVITY_PAGE_SIZE && last
        ? formatActivityListKey({ startsAt: last.startsAt, id: last.id })
        : null,
    /** true on any page but the first, for the "back to the soonest" link */
    laterPage: after !== undefined,
    groups,
    weekStarts: Array.from({ length: WEEKS_OFFERED }, (_, offset) => osloWeekRange(now, offset).start.toISOString()),
    filter: {
      group: groupId ?? "",
      week: week === undefined ? "" : String(week),
      language: language ?? "",
      interpreterOnly,
    },
  };
}

/**
 * The activity page for a member: the activity, their own answer apart, and why they cannot
 * answer now (cancelled, closed) if so. Undefined when they may not see it.
 */
export async function findActivityPageForMember(
  db: AppDatabase,
  member: MemberScope,
  { activityId }: { activityId: string },
  now = new Date(),
) {
  const activity = await findActivityForMember(db, member, { activityId });
  if (!activity) return undefined;
  const {
    myStatus,
    waitlistPosition,
    myNote,
    myShowPseudonym,
    myMeetAtDoor,
    myMeetPlace,
    myMeetAssigned,
    myOfferExpiresAt,
    ...shared
  } = activity;
  return {
    activity: shared,
    answer: {
      myStatus,
      waitlistPosition,
      myNote,
      myShowPseudonym,
      myMeetAtDoor,
      myMeetPlace,
      myMeetAssigned,
      myOfferExpiresAt,
    },
    block: answerBlock(
      { status: activity.status, starts_at: activity.startsAt, rsvp_deadline: activity.rsvpDeadline },
      now,
    ),
  };
}

/**
 * An activity (a draft or not) as a member of its group who has not answered yet would see it,
 * for staff whose scope covers it: the same facts, no address (a member sees it only once going),
 * nobody's answer. Undefined when it does not exist or is outside the staff member's scope.
 */
export async function findActivityPreviewForStaff(
  db: AppDatabase,
  staff: StaffScope,
  { activityId }: { activityId: string },
) {
  const activity = await findActivityForStaff(db, staff, { activityId });
  if (!activity) return undefined;
  const draft = await db.selectFrom("activities").select("draft").where("id", "=", activity.id).executeTakeFirst();
  return { activity: { ...activity, address: null }, draft: draft?.draft === 1 };
}
