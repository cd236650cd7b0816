// What each calendar feed holds: the rows of a member's or a chapter's feed, and one activity for
// the one-off download, ready for the calendar builder.
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { AppDatabase } from "../../../db/connection";
import type { Activity, Database, RsvpStatus } from "../../../db/schema";
import { isLocale, DEFAULT_LOCALE, type Locale } from "~/i18n/config";
import { activitiesSeenByMember } from "~/features/activities/member-activities.server";
import type { FeedActivity, MemberAnswer } from "./build-feed.server";
import type { Feed, MemberFeed, StaffFeed } from "./feed-tokens.server";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Activities that took place stay this long, then leave the member's phone. */
export const FEED_KEEPS_PAST_DAYS = 7;
/** A cancelled activity stays as CANCELLED this long after it was cancelled, so calendars drop it. */
export const FEED_KEEPS_CANCELLED_DAYS = 30;

/** Recent and coming activities; cancelled ones while they were cancelled recently. */
function inFeedWindow(now: Date) {
  const keepPast = new Date(now.getTime() - FEED_KEEPS_PAST_DAYS * DAY_MS).toISOString();
  const keepCancelled = new Date(now.getTime() - FEED_KEEPS_CANCELLED_DAYS * DAY_MS).toISOString();
  return (eb: ExpressionBuilder<Database, "activities">): Expression<SqlBool> =>
    eb.or([
      eb.and([eb("activities.status", "=", "scheduled"), eb("activities.ends_at", ">=", keepPast)]),
      eb.and([eb("activities.status", "=", "cancelled"), eb("activities.cancelled_at", ">=", keepCancelled)]),
    ]);
}

/**
 * The rows of a member's feed: what they are going to or waitlisted for and, if they asked for
 * it, everything else they may see that they have not answered. Decision: an activity the
 * member said "not going" to (or withdrew from) leaves the feed — subscribed calendars mirror
 * the feed, so it disappears from the phone, and nothing about it is left behind.
 */
export function memberFeedRows(db: AppDatabase, feed: MemberFeed, now: Date) {
  return activitiesSeenByMember(db, feed.memberId)
    .where((eb) =>
      feed.allActivities
        ? eb.or([eb("mine.status", "in", ["going", "waitlisted"]), eb("mine.status", "is", null)])
        : eb("mine.status", "in", ["going", "waitlisted"]),
    )
    .where(inFeedWindow(now));
}

/** Every published activity of the chapter, for staff who work there (or admins); drafts stay on the site. */
export function staffFeedRows(db: AppDatabase, feed: StaffFeed, now: Date) {
  return db
    .selectFrom("activities")
    .where("activities.chapter_id", "=", feed.chapterId)
    .where("activities.draft", "=", 0)
    .where(inFeedWindow(now));
}

export const laterOf = (a: string, b: string | null | undefined) => (b && b > a ? b : a);

/** The columns a calendar event is made of. */
const FEED_COLUMNS = [
  "activities.id",
  "activities.title",
  "activities.description",
  "activities.starts_at",
  "activities.ends_at",
  "activities.area",
  "activities.status",
  "activities.sequence",
  "activities.updated_at",
] as const;

type FeedRow = Pick<
  Activity,
  "id" | "title" | "description" | "starts_at" | "ends_at" | "area" | "address" | "status" | "sequence" | "updated_at"
>;

/** The member's own answer on a row of their feed; staff rows have none. */
type MyAnswerColumns = {
  answer: RsvpStatus | null;
  answer_changed_at: string | null;
  answer_offer_until?: string | null;
};

function toFeedActivity(row: FeedRow & Partial<MyAnswerColumns>): FeedActivity {
  const activity: FeedActivity = {
    id: row.id,
    title: row.title,
    description: row.description,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    area: row.area,
    address: row.address,
    status: row.status,
    sequence: row.sequence,
    // The member's own answer changes their event (status, address), so it counts as a change.
    changedAt: laterOf(row.updated_at, row.answer_changed_at),
  };
  if (row.answer === undefined) return activity;
  const answer: MemberAnswer =
    row.answer === "going"
      ? "going"
      : row.answer === "waitlisted"
        ? row.answer_offer_until
          ? "offered"
          : "waitlisted"
        : null;
  return { ...activity, answer };
}

/** The activities a feed holds, ready for the calendar builder. */
export async function listFeedActivities(db: AppDatabase, feed: Feed, now: Date = new Date()): Promise<FeedActivity[]> {
  if (feed.kind === "staff") {
    const rows = await staffFeedRows(db, feed, now)
      .select([...FEED_COLUMNS, "activities.address"])
      .execute();
    return rows.map(toFeedActivity);
  }
  const rows = await memberFeedRows(db, feed, now)
    .select((eb) => [
      ...FEED_COLUMNS,
      // The exact place is read only for activities the member is going to.
      eb.case().when("mine.status", "=", "going").then(eb.ref("activities.address")).else(null).end().as("address"),
      "mine.status as answer",
      "mine.updated_at as answer_changed_at",
      "mine.offer_expires_at as answer_offer_until",
    ])
    .execute();
  return rows.map(toFeedActivity);
}

/**
 * One activity for the one-off .ics download, scoped exactly like the member's activity page:
 * the address only when going (and not cancelled). Undefined when the member may not see it.
 */
export async function findActivityForCalendarDownload(
  db: AppDatabase,
  member: { id: string; chapterId: string },
  { activityId }: { activityId: string },
): Promise<{ activity: FeedActivity; locale: Locale; discreetTitles: boolean } | undefined> {
  const row = await activitiesSeenByMember(db, member.id, member.chapterId)
    .innerJoin("members", (join) => join.on("members.id", "=", member.id))
    .where("activities.id", "=", activityId)
    .select((eb) => [
      ...FEED_COLUMNS,
      eb
        .case()
        .when(eb.and([eb("mine.status", "=", "going"), eb("activities.status", "=", "scheduled")]))
        .then(eb.ref("activities.address"))
        .else(null)
        .end()
        .as("address"),
      "mine.status as answer",
      "mine.updated_at as answer_changed_at",
      "mine.offer_expires_at as answer_offer_until",
      "members.locale",
      "members.discreet_titles",
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    activity: toFeedActivity(row),
    locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE,
    discreetTitles: row.discreet_titles === 1,
  };
}
