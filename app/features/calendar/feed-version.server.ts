// A cheap version of a feed for HTTP caching (ETag, Last-Modified), and the memory that lets a
// calendar app asking again be answered with one trivial query.
import { sql, type ExpressionBuilder } from "kysely";
import { createHash } from "node:crypto";
import type { AppDatabase } from "../../../db/connection";
import { databaseGeneration, joinedInOrder } from "../../../db/dialect";
import type { Database } from "../../../db/schema";
import { hashSecret } from "~/platform/secrets.server";
import { FEED_FORMAT_VERSION } from "./build-feed.server";
import { findFeedByToken, TOKEN_SHAPE, type Feed } from "./feed-tokens.server";
import { laterOf, memberFeedRows, staffFeedRows } from "./feed-activities.server";

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
 * fingerprints which rows there are with their sequences (their ids, sorted, so one row leaving and
 * another arriving still changes it), their newest change and, for members,
 * the member's answer on each row (a withdrawn answer is deleted and leaves no change time) and
 * their feed settings.
 */
export async function feedVersion(
  db: AppDatabase,
  feed: Feed,
  calendarName: string,
  now: Date = new Date(),
): Promise<FeedVersion> {
  // Which rows, each with its sequence: one text, sorted, so the same rows give the same text.
  const aggregates = (eb: ExpressionBuilder<Database, "activities">) => [
    joinedInOrder(db, sql<string>`activities.id || ':' || cast(activities.sequence as text)`, ",").as("rows"),
    eb.fn.max("activities.updated_at").as("changed_at"),
  ];
  let parts: Array<string | number | boolean | null>;
  let times: Array<string | null>;
  if (feed.kind === "staff") {
    const row = await staffFeedRows(db, feed, now).select(aggregates).executeTakeFirstOrThrow();
    parts = ["staff", feed.chapterId, row.rows, row.changed_at];
    times = [feed.createdAt, row.changed_at];
  } else {
    const row = await memberFeedRows(db, feed, now)
      .select((eb) => [
        ...aggregates(eb),
        joinedInOrder(db, sql<string>`activities.id || ':' || coalesce(mine.status, '')`, ",").as("answers"),
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
      row.rows,
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

/**
 * Runs a write that cannot change any feed (the feed's own rate-limit count) without forgetting
 * this token's remembered version: otherwise every full answer would make the next request
 * compute the version again. Kept only (on SQLite; on PostgreSQL the generation is a WAL position
 * and the version is simply computed again) when the generation moved by exactly the rows that write
 * reports, so a write by anyone else in between still makes it forgotten.
 */
export async function writeKeepingFeedVersion<T>(
  db: AppDatabase,
  token: string,
  write: (written: { rows: number }) => Promise<T>,
): Promise<T> {
  const before = await databaseGeneration(db);
  const written = { rows: 0 };
  const result = await write(written);
  const known = remembered.get(hashSecret(token));
  if (known?.generation === before) {
    const after = await databaseGeneration(db);
    const [version, changes] = before.split(":").map(Number) as [number, number];
    if (after === `${version}:${changes + written.rows}`) known.generation = after;
  }
  return result;
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
 * remembered until anything is written to the database, by any instance (databaseGeneration), or a
 * minute has passed: a calendar app
 * asking again finds its answer with one trivial query. Every write that could matter — a new
 * answer, an edit, a rotated or revoked token, a deactivation — is a write, so nothing stale
 * survives it. Unknown tokens are never remembered.
 */
export async function findFeedAndVersion(
  db: AppDatabase,
  token: string,
  calendarName: string,
  now: Date = new Date(),
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
