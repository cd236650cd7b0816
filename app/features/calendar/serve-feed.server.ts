// Answering a calendar app that asks for a feed, cheapest first: find the feed and its version
// (remembered until the next write to the database; otherwise one indexed read and one aggregate
// read), and say "not modified" when the client's copy is current — nothing is built and nothing
// written. Only a full answer counts against the feed's rate limit, and only an unknown token
// against the client address: a 304 costs less than the limiter's own write would.
import type { AppDatabase } from "../../../db/connection";
import { hitRateLimit } from "~/platform/rate-limit.server";
import { DEFAULT_LOCALE } from "~/i18n/config";
import { buildFeedCalendar, feedCache, feedChangeClock } from "./build-feed.server";
import { listFeedActivities } from "./feed-activities.server";
import type { Feed } from "./feed-tokens.server";
import { findFeedAndVersion, writeKeepingFeedVersion, type FeedVersion } from "./feed-version.server";

/** Full answers per feed per hour: calendar apps ask about hourly; a few devices per member. */
const FULL_ANSWERS_PER_HOUR = 120;
/** Unknown tokens per client address per 10 minutes. */
const UNKNOWN_TOKENS_PER_10_MINUTES = 30;

export interface FeedRequest {
  token: string;
  clientAddress: string;
  calendarName: string;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
}

export type FeedAnswer =
  /** unknown, rotated, revoked and deactivated all look exactly like this */
  | { kind: "notFound" }
  | { kind: "tooManyRequests"; retryAfterSeconds: number }
  | { kind: "notModified"; etag: string; lastModified: Date }
  | { kind: "calendar"; etag: string; lastModified: Date; body: string };

export async function answerFeedRequest(
  db: AppDatabase,
  request: FeedRequest,
  now: Date = new Date(),
): Promise<FeedAnswer> {
  const found = await findFeedAndVersion(db, request.token, request.calendarName, now);
  if (!found) {
    const limit = await hitRateLimit(db, {
      bucket: "feed",
      subject: `unknown-token:${request.clientAddress}`,
      limit: UNKNOWN_TOKENS_PER_10_MINUTES,
      windowSeconds: 10 * 60,
    });
    return limit.ok ? { kind: "notFound" } : { kind: "tooManyRequests", retryAfterSeconds: limit.retryAfterSeconds };
  }

  const { feed, version } = found;
  const lastModified = feedChangeClock.lastModified(feed.id, version.key, version.dataChangedAt, now);
  if (clientCopyIsCurrent(request, version.etag, lastModified))
    return { kind: "notModified", etag: version.etag, lastModified };

  const limit = await writeKeepingFeedVersion(db, request.token, (written) =>
    hitRateLimit(db, {
      bucket: "feed",
      subject: `feed:${feed.id}`,
      limit: FULL_ANSWERS_PER_HOUR,
      windowSeconds: 60 * 60,
      written,
    }),
  );
  if (!limit.ok) return { kind: "tooManyRequests", retryAfterSeconds: limit.retryAfterSeconds };

  const body = await calendarText(db, feed, version, request.calendarName, now);
  return { kind: "calendar", etag: version.etag, lastModified, body };
}

/**
 * RFC 9110 §13.1: If-None-Match (weak comparison) decides when present; otherwise
 * If-Modified-Since, at the one-second precision of HTTP dates.
 */
function clientCopyIsCurrent(
  { ifNoneMatch, ifModifiedSince }: Pick<FeedRequest, "ifNoneMatch" | "ifModifiedSince">,
  etag: string,
  lastModified: Date,
): boolean {
  if (ifNoneMatch !== null) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
    const current = opaque(etag);
    return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === current);
  }
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  return Number.isFinite(since) && lastModified.getTime() <= since;
}

async function calendarText(db: AppDatabase, feed: Feed, version: FeedVersion, calendarName: string, now: Date) {
  const cached = feedCache.get(version.key);
  if (cached !== undefined) return cached;
  const activities = await listFeedActivities(db, feed, now);
  const text = buildFeedCalendar(activities, {
    audience: feed.kind,
    locale: feed.kind === "member" ? feed.locale : DEFAULT_LOCALE,
    discreetTitles: feed.kind === "member" && feed.discreetTitles,
    calendarName,
  });
  feedCache.set(version.key, text);
  return text;
}
