// GET/HEAD /calendar/<token>.ics — a private calendar feed, for calendar apps (no session).
// A resource route: no component and no ErrorBoundary, so Remix answers with this Response alone.
//
// The token is a secret in the path: the request log redacts /calendar/<anything>, robots.txt
// disallows /calendar/, and Referrer-Policy: no-referrer is on every response.
//
// Order of work, cheapest first: find the feed and its version (remembered until the next write
// to the database; otherwise one indexed read and one aggregate read), answer 304 when the
// client's copy is current — nothing is built and nothing written. Only a full answer counts
// against the feed's rate limit, and only an unknown token against the client address: a 304
// costs less than the limiter's own write would.
import type { LoaderFunctionArgs } from "@remix-run/node";
import type { AppDatabase } from "../../db/connection";
import { clientAddress, hitRateLimit, tooManyRequests } from "~/platform/rate-limit.server";
import { buildFeedCalendar, feedCache, feedChangeClock } from "~/features/calendar/build-feed.server";
import { findFeedAndVersion, type FeedVersion } from "~/features/calendar/feed-version.server";
import { listFeedActivities } from "~/features/calendar/feed-activities.server";
import { type Feed } from "~/features/calendar/feed-tokens.server";
import { DEFAULT_LOCALE } from "~/i18n/config";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";

/** Full answers per feed per hour: calendar apps ask about hourly; a few devices per member. */
const FULL_ANSWERS_PER_HOUR = 120;
/** Unknown tokens per client address per 10 minutes. */
const UNKNOWN_TOKENS_PER_10_MINUTES = 30;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const now = new Date();
  const database = db();
  const calendarName = env().CALENDAR_NAME;
  const found = await findFeedAndVersion(database, params.token ?? "", calendarName, now);
  if (!found) {
    const limit = await hitRateLimit(database, {
      bucket: "feed",
      subject: `unknown-token:${clientAddress(context)}`,
      limit: UNKNOWN_TOKENS_PER_10_MINUTES,
      windowSeconds: 10 * 60,
    });
    return limit.ok ? notFound() : tooManyRequests(limit.retryAfterSeconds);
  }

  const { feed, version } = found;
  const lastModified = feedChangeClock.lastModified(feed.id, version.key, version.dataChangedAt, now);
  const headers = {
    ETag: version.etag,
    "Last-Modified": lastModified.toUTCString(),
    // Clients may keep a copy but must ask (cheaply, with the validators) before using it.
    "Cache-Control": "private, no-cache",
  };
  if (clientCopyIsCurrent(request, version.etag, lastModified)) return new Response(null, { status: 304, headers });

  const limit = await hitRateLimit(database, {
    bucket: "feed",
    subject: `feed:${feed.id}`,
    limit: FULL_ANSWERS_PER_HOUR,
    windowSeconds: 60 * 60,
  });
  if (!limit.ok) return tooManyRequests(limit.retryAfterSeconds);

  const body = await calendarText(database, feed, version, calendarName, now);
  return new Response(body, { headers: { ...headers, "Content-Type": "text/calendar; charset=utf-8" } });
}

/** Unknown, rotated, revoked and deactivated all look exactly like this. */
function notFound() {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * RFC 9110 §13.1: If-None-Match (weak comparison) decides when present; otherwise
 * If-Modified-Since, at the one-second precision of HTTP dates.
 */
function clientCopyIsCurrent(request: Request, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = request.headers.get("If-None-Match");
  if (ifNoneMatch !== null) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
    const current = opaque(etag);
    return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === current);
  }
  const ifModifiedSince = request.headers.get("If-Modified-Since");
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  return Number.isFinite(since) && lastModified.getTime() <= since;
}

async function calendarText(database: AppDatabase, feed: Feed, version: FeedVersion, calendarName: string, now: Date) {
  const cached = feedCache.get(version.key);
  if (cached !== undefined) return cached;
  const activities = await listFeedActivities(database, feed, now);
  const text = buildFeedCalendar(activities, {
    audience: feed.kind,
    locale: feed.kind === "member" ? feed.locale : DEFAULT_LOCALE,
    discreetTitles: feed.kind === "member" && feed.discreetTitles,
    calendarName,
  });
  feedCache.set(version.key, text);
  return text;
}
