// Private calendar feeds: tokens, what each feed holds, and a cheap version of it for HTTP caching.
//
// Tokens are 256-bit random and stored only as their SHA-256, so the plain link is shown once,
// when it is made (see docs: "Calendar links are shown once"). Unknown, rotated and revoked tokens,
// and tokens of deactivated members or staff, all come back as undefined: nobody can tell them apart.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import { createHash } from "node:crypto";
import { visibleToMember } from "~/features/activities/member-activities.server";
import type { AppDatabase } from "../../../db/connection";
import type { Database } from "../../../db/schema";
import { writeTransaction } from "../../../db/transaction";
import { hashSecret, randomToken } from "~/platform/secrets.server";
import { FEED_FORMAT_VERSION, type FeedActivity, type MemberAnswer } from "./build-feed.server";
import { isLocale, DEFAULT_LOCALE, type Locale } from "~/i18n/config";
import { findActivityForMember } from "~/features/activities/member-activities.server";
import { newId } from "~/platform/ids.server";
import { recordAudit } from "~/features/audit/audit.server";

export type FeedOwner = { memberId: string } | { staffId: string; chapterId: string };

const DAY_MS = 24 * 60 * 60 * 1000;
/** Activities that took place stay this long, then leave the member's phone. */
export const FEED_KEEPS_PAST_DAYS = 7;
/** A cancelled activity stays as CANCELLED this long after it was cancelled, so calendars drop it. */
export const FEED_KEEPS_CANCELLED_DAYS = 30;

/** Our tokens are 43 base64url characters; anything else is not worth a query. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export async function createFeedToken(
  db: AppDatabase,
  owner: FeedOwner,
  now: Date = new Date()
): Promise<{ id: string; token: string; createdAt: string }> {
  const token = randomToken();
  const id = newId();
  const createdAt = now.toISOString();
  await db
    .insertInto("feed_tokens")
    .values({
      id,
      token_hash: hashSecret(token),
      member_id: "memberId" in owner ? owner.memberId : null,
      staff_id: "staffId" in owner ? owner.staffId : null,
      chapter_id: "staffId" in owner ? owner.chapterId : null,
      created_at: createdAt,
      revoked_at: null,
    })
    .execute();
  return { id, token, createdAt };
}

/**
 * Makes a new link and ends the old one (a member has one feed; staff one per chapter) in one
 * write transaction, so two clicks in a row leave exactly one working link: the last one made.
 */
export function rotateFeedToken(db: AppDatabase, owner: FeedOwner, now: Date = new Date()) {
  return writeTransaction(db, async (trx) => {
    let revoke = trx.updateTable("feed_tokens").set({ revoked_at: now.toISOString() }).where("revoked_at", "is", null);
    revoke =
      "memberId" in owner
        ? revoke.where("member_id", "=", owner.memberId)
        : revoke.where("staff_id", "=", owner.staffId).where("chapter_id", "=", owner.chapterId);
    await revoke.execute();
    return createFeedToken(trx, owner, now);
  });
}

/**
 * A staff member's new link for one chapter's feed (the old one ends). The feed holds every
 * activity of the chapter with addresses, so making a link is audited, in the same transaction.
 * The caller has checked that the chapter is in the staff member's scope.
 */
export function replaceStaffFeedLink(
  db: AppDatabase,
  staff: { id: string },
  { chapterId }: { chapterId: string },
  now: Date = new Date()
) {
  return writeTransaction(db, async (trx) => {
    const made = await rotateFeedToken(trx, { staffId: staff.id, chapterId }, now);
    await recordAudit(
      trx,
      { actorStaffId: staff.id, action: "calendar_feed.replace", objectType: "chapter", objectId: chapterId },
      now
    );
    return made;
  });
}

/** Ends every feed of a member or staff user (deactivation calls this). */
export async function revokeFeedTokensOf(
  db: AppDatabase,
  owner: { memberId: string } | { staffId: string },
  now: Date = new Date()
) {
  const revoke = db.updateTable("feed_tokens").set({ revoked_at: now.toISOString() }).where("revoked_at", "is", null);
  await ("memberId" in owner
    ? revoke.where("member_id", "=", owner.memberId)
    : revoke.where("staff_id", "=", owner.staffId)
  ).execute();
}

export interface MemberFeed {
  kind: "member";
  id: string;
  createdAt: string;
  memberId: string;
  locale: Locale;
  discreetTitles: boolean;
  allActivities: boolean;
  /** members.updated_at: settings changes move Last-Modified */
  memberChangedAt: string;
}

export interface StaffFeed {
  kind: "staff";
  id: string;
  createdAt: string;
  staffId: string;
  chapterId: string;
}

export type Feed = MemberFeed | StaffFeed;

/** The live feed behind a token, or undefined (unknown, rotated, revoked, owner deactivated or out of scope). */
export async function findFeedByToken(db: AppDatabase, token: string): Promise<Feed | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const row = await db
    .selectFrom("feed_tokens")
    .leftJoin("members", "members.id", "feed_tokens.member_id")
    .leftJoin("staff_users", "staff_users.id", "feed_tokens.staff_id")
    .select((eb) => [
      "feed_tokens.id",
      "feed_tokens.created_at",
      "feed_tokens.member_id",
      "feed_tokens.staff_id",
      "feed_tokens.chapter_id",
      "members.deactivated_at as member_deactivated_at",
      "members.locale",
      "members.discreet_titles",
      "members.feed_all_group_activities",
      "members.updated_at as member_updated_at",
      "staff_users.deactivated_at as staff_deactivated_at",
      "staff_users.role",
      eb
        .exists(
          eb
            .selectFrom("staff_chapters")
            .select(sql`1`.as("one"))
            .whereRef("staff_chapters.staff_id", "=", "feed_tokens.staff_id")
            .whereRef("staff_chapters.chapter_id", "=", "feed_tokens.chapter_id")
        )
        .as("staff_covers_chapter"),
    ])
    .where("feed_tokens.token_hash", "=", hashSecret(token))
    .where("feed_tokens.revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;

  if (row.member_id && row.member_updated_at && row.member_deactivated_at === null) {
    return {
      kind: "member",
      id: row.id,
      createdAt: row.created_at,
      memberId: row.member_id,
      locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE,
      discreetTitles: row.discreet_titles === 1,
      allActivities: row.feed_all_group_activities === 1,
      memberChangedAt: row.member_updated_at,
    };
  }
  const staffInScope = row.role === "admin" || Boolean(row.staff_covers_chapter);
  if (row.staff_id && row.chapter_id && row.role && row.staff_deactivated_at === null && staffInScope) {
    return { kind: "staff", id: row.id, createdAt: row.created_at, staffId: row.staff_id, chapterId: row.chapter_id };
  }
  return undefined;
}


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
function memberFeedRows(db: AppDatabase, feed: MemberFeed, now: Date) {
  return db
    .selectFrom("activities")
    .leftJoin("rsvps as mine", (join) =>
      join.onRef("mine.activity_id", "=", "activities.id").on("mine.member_id", "=", feed.memberId)
    )
    .where(visibleToMember(feed.memberId))
    .where((eb) =>
      feed.allActivities
        ? eb.or([eb("mine.status", "in", ["going", "waitlisted"]), eb("mine.status", "is", null)])
        : eb("mine.status", "in", ["going", "waitlisted"])
    )
    .where(inFeedWindow(now));
}

/** Every activity of the chapter, for staff who work there (or admins). */
function staffFeedRows(db: AppDatabase, feed: StaffFeed, now: Date) {
  return db.selectFrom("activities").where("activities.chapter_id", "=", feed.chapterId).where(inFeedWindow(now));
}

const laterOf = (a: string, b: string | null | undefined) => (b && b > a ? b : a);

/** The activities a feed holds, ready for the calendar builder. */
export async function listFeedActivities(db: AppDatabase, feed: Feed, now: Date = new Date()): Promise<FeedActivity[]> {
  const common = [
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
  if (feed.kind === "staff") {
    const rows = await staffFeedRows(db, feed, now)
      .select([...common, "activities.address"])
      .execute();
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      description: row.description,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      area: row.area,
      address: row.address,
      status: row.status,
      sequence: row.sequence,
      changedAt: row.updated_at,
    }));
  }
  const rows = await memberFeedRows(db, feed, now)
    .select((eb) => [
      ...common,
      // The exact place is read only for activities the member is going to.
      eb.case().when("mine.status", "=", "going").then(eb.ref("activities.address")).else(null).end().as("address"),
      "mine.status as answer",
      "mine.updated_at as answer_changed_at",
    ])
    .execute();
  return rows.map((row) => ({
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
    answer: row.answer === "going" || row.answer === "waitlisted" ? row.answer : null,
  }));
}

export interface FeedVersion {
  /** the same for the same calendar text; different (with overwhelming likelihood) otherwise */
  key: string;
  /** a weak ETag made of the key */
  etag: string;
  /** the newest change time among the feed's rows, answers, settings and token */
  dataChangedAt: string;
}

/**
 * One aggregate query over the same rows the feed is built from — no calendar is built. It
 * fingerprints which rows there are (count and sums of row ids, so one row leaving and another
 * arriving still changes it), their newest change, the sum of their sequences and, for members,
 * the member's answer on each row (a withdrawn answer is deleted and leaves no change time) and
 * their feed settings.
 */
export async function feedVersion(
  db: AppDatabase,
  feed: Feed,
  calendarName: string,
  now: Date = new Date()
): Promise<FeedVersion> {
  const aggregates = (eb: ExpressionBuilder<Database, "activities">) => [
    eb.fn.countAll<number>().as("n"),
    sql<number>`total(activities.rowid)`.as("ids"),
    sql<number>`total(activities.rowid * activities.rowid)`.as("ids_squared"),
    sql<number>`total(activities.sequence)`.as("sequences"),
    eb.fn.max("activities.updated_at").as("changed_at"),
  ];
  let parts: Array<string | number | boolean | null>;
  let times: Array<string | null>;
  if (feed.kind === "staff") {
    const row = await staffFeedRows(db, feed, now).select(aggregates).executeTakeFirstOrThrow();
    parts = ["staff", feed.chapterId, row.n, row.ids, row.ids_squared, row.sequences, row.changed_at];
    times = [feed.createdAt, row.changed_at];
  } else {
    const row = await memberFeedRows(db, feed, now)
      .select((eb) => [
        ...aggregates(eb),
        sql<number>`total(activities.rowid * (case mine.status when 'going' then 1 when 'waitlisted' then 2 else 3 end))`.as(
          "answers"
        ),
        eb
          .selectFrom("rsvps")
          .select((s) => s.fn.max("rsvps.updated_at").as("at"))
          .where("rsvps.member_id", "=", feed.memberId)
          .as("any_answer_changed_at"),
      ])
      .executeTakeFirstOrThrow();
    parts = [
      "member",
      feed.locale,
      feed.discreetTitles,
      feed.allActivities,
      row.n,
      row.ids,
      row.ids_squared,
      row.sequences,
      row.answers,
      row.changed_at,
      row.any_answer_changed_at,
    ];
    times = [feed.createdAt, feed.memberChangedAt, row.changed_at, row.any_answer_changed_at];
  }
  const key = createHash("sha256")
    .update(JSON.stringify([FEED_FORMAT_VERSION, calendarName, feed.id, ...parts]))
    .digest("base64url")
    .slice(0, 27);
  return { key, etag: `W/"${key}"`, dataChangedAt: times.reduce<string>((a, b) => laterOf(a, b), feed.createdAt) };
}

/** Changes whenever anything is written: by this connection (total_changes) or another (data_version). */
async function databaseGeneration(db: AppDatabase): Promise<string> {
  const { rows } = await sql<{ changes: number; version: number }>`
    select total_changes() as changes, (select data_version from pragma_data_version) as version`.execute(db);
  return `${rows[0]!.version}:${rows[0]!.changes}`;
}

/** Versions are re-read at least this often, so activities ageing out of the window are noticed. */
const LOOKUP_TTL_MS = 60_000;
const MAX_REMEMBERED_FEEDS = 50_000;
const remembered = new Map<
  string,
  { generation: string; until: number; calendarName: string; feed: Feed; version: FeedVersion }
>();

/**
 * The feed behind a token and its version, as findFeedByToken and feedVersion give them, but
 * remembered until anything is written to the database (or a minute has passed): a calendar app
 * asking again finds its answer with one trivial query. Every write that could matter — a new
 * answer, an edit, a rotated or revoked token, a deactivation — is a write, so nothing stale
 * survives it. Unknown tokens are never remembered.
 */
export async function findFeedAndVersion(
  db: AppDatabase,
  token: string,
  calendarName: string,
  now: Date = new Date()
): Promise<{ feed: Feed; version: FeedVersion } | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const key = hashSecret(token);
  const generation = await databaseGeneration(db);
  const known = remembered.get(key);
  if (known && known.generation === generation && known.calendarName === calendarName && now.getTime() < known.until) {
    return known;
  }
  remembered.delete(key);
  const feed = await findFeedByToken(db, token);
  if (!feed) return undefined;
  const version = await feedVersion(db, feed, calendarName, now);
  // Read again: a write while we read must not be remembered as the state after it.
  if ((await databaseGeneration(db)) === generation) {
    remembered.set(key, { generation, until: now.getTime() + LOOKUP_TTL_MS, calendarName, feed, version });
    if (remembered.size > MAX_REMEMBERED_FEEDS) remembered.delete(remembered.keys().next().value!);
  }
  return { feed, version };
}

export interface CalendarSectionData {
  /** when the member's current link was made; null when they have none */
  linkCreatedAt: string | null;
  discreetTitles: boolean;
  allActivities: boolean;
}

/** What the calendar section of /me needs. The link itself cannot be shown again: it is stored hashed. */
export async function loadCalendarSection(db: AppDatabase, memberId: string): Promise<CalendarSectionData> {
  const member = await db
    .selectFrom("members")
    .select(["discreet_titles", "feed_all_group_activities"])
    .where("id", "=", memberId)
    .executeTakeFirstOrThrow();
  const link = await db
    .selectFrom("feed_tokens")
    .select("created_at")
    .where("member_id", "=", memberId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  return {
    linkCreatedAt: link?.created_at ?? null,
    discreetTitles: member.discreet_titles === 1,
    allActivities: member.feed_all_group_activities === 1,
  };
}

/** The https and webcal:// forms of a feed link (webcal:// opens the calendar app on phones). */
export function feedLinks(origin: string, token: string) {
  const https = `${origin}/calendar/${token}.ics`;
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}

/** Sets (not toggles) both feed settings, so a repeated submit changes nothing more. */
export async function updateFeedSettings(
  db: AppDatabase,
  memberId: string,
  settings: { discreetTitles: boolean; allActivities: boolean },
  now: Date = new Date()
) {
  await db
    .updateTable("members")
    .set({
      discreet_titles: settings.discreetTitles ? 1 : 0,
      feed_all_group_activities: settings.allActivities ? 1 : 0,
      updated_at: now.toISOString(),
    })
    .where("id", "=", memberId)
    .execute();
}

/** When each of a staff user's live chapter links was made, by chapter id. */
export async function listStaffFeedLinkDates(db: AppDatabase, staffId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("feed_tokens")
    .select(["chapter_id", "created_at"])
    .where("staff_id", "=", staffId)
    .where("revoked_at", "is", null)
    .orderBy("created_at")
    .execute();
  return new Map(rows.flatMap((r) => (r.chapter_id ? [[r.chapter_id, r.created_at] as const] : [])));
}

/**
 * One activity for the one-off .ics download, scoped exactly like the member's activity page
 * (findActivityForMember): the address only when going. Undefined when the member may not see it.
 */
export async function findActivityForCalendarDownload(
  db: AppDatabase,
  { activityId, memberId, chapterId }: { activityId: string; memberId: string; chapterId: string }
): Promise<{ activity: FeedActivity; locale: Locale; discreetTitles: boolean } | undefined> {
  const seen = await findActivityForMember(db, { activityId, memberId, chapterId });
  if (!seen) return undefined;
  const row = await db
    .selectFrom(["activities", "members"])
    .leftJoin("rsvps as mine", (join) =>
      join.onRef("mine.activity_id", "=", "activities.id").on("mine.member_id", "=", memberId)
    )
    .select([
      "activities.sequence",
      "activities.updated_at",
      "mine.updated_at as answer_changed_at",
      "members.locale",
      "members.discreet_titles",
    ])
    .where("activities.id", "=", seen.id)
    .where("members.id", "=", memberId)
    .executeTakeFirst();
  if (!row) return undefined;
  const answer: MemberAnswer = seen.myStatus === "going" || seen.myStatus === "waitlisted" ? seen.myStatus : null;
  return {
    activity: {
      id: seen.id,
      title: seen.title,
      description: seen.description,
      startsAt: seen.startsAt,
      endsAt: seen.endsAt,
      area: seen.area,
      address: seen.address,
      status: seen.status,
      sequence: row.sequence,
      changedAt: laterOf(row.updated_at, row.answer_changed_at),
      answer,
    },
    locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE,
    discreetTitles: row.discreet_titles === 1,
  };
}
