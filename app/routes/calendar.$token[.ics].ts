// GET/HEAD /calendar/<token>.ics — a private calendar feed, for calendar apps (no session).
// A resource route: no component and no ErrorBoundary, so Remix answers with this Response alone.
//
// The token is a secret in the path: the request log redacts /calendar/<anything>, robots.txt
// disallows /calendar/, and Referrer-Policy: no-referrer is on every response. What is looked
// up, counted and built, and in which order, is answerFeedRequest's.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientAddress, tooManyRequests } from "~/platform/rate-limit.server";
import { answerFeedRequest } from "~/features/calendar/serve-feed.server";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const answer = await answerFeedRequest(db(), {
    token: params.token ?? "",
    clientAddress: clientAddress(context),
    calendarName: env().CALENDAR_NAME,
    ifNoneMatch: request.headers.get("If-None-Match"),
    ifModifiedSince: request.headers.get("If-Modified-Since"),
  });
  if (answer.kind === "notFound") {
    return new Response("Not found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  if (answer.kind === "tooManyRequests") return tooManyRequests(answer.retryAfterSeconds);
  const headers = {
    ETag: answer.etag,
    "Last-Modified": answer.lastModified.toUTCString(),
    // Clients may keep a copy but must ask (cheaply, with the validators) before using it.
    "Cache-Control": "private, no-cache",
  };
  if (answer.kind === "notModified") return new Response(null, { status: 304, headers });
  return new Response(answer.body, { headers: { ...headers, "Content-Type": "text/calendar; charset=utf-8" } });
}
