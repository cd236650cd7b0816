// GET /activities/<id>/calendar.ics — one activity as a calendar file, for the signed-in member
// who may see it (the same scope as the activity page; anything else is 404). The same rules as
// the feed: the address only when going, discreet titles when the member chose them, the same UID.
// A cancelled activity answers 404 (the feed is what tells calendars about a cancellation).
// A resource route: no component and no ErrorBoundary.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/features/sessions/viewer.server";
import { buildFeedCalendar } from "~/features/calendar/build-feed.server";
import { tFor } from "~/i18n/catalogs.server";
import { findActivityForCalendarDownload } from "~/features/calendar/feed-activities.server";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireMember(request);
  const found = await findActivityForCalendarDownload(db(), member, { activityId: params.activityId ?? "" });
  // A cancelled activity has no file to offer: the same 404 as an unknown one, so a download
  // never adds an entry (or a trace) to the calendar for a meeting that will not happen.
  if (!found || found.activity.status === "cancelled") {
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const text = buildFeedCalendar([found.activity], {
    audience: "member",
    locale: found.locale,
    discreetTitles: found.discreetTitles,
    calendarName: env().CALENDAR_NAME,
  });
  // A neutral file name in the member's language (it stays in the downloads folder), with an
  // ASCII one for browsers that do not read RFC 6266 filename*.
  const fileName = tFor(found.locale)("calendar.download.fileName");
  const asciiName = /^[A-Za-z0-9_-]+$/.test(fileName) ? fileName : "calendar";
  return new Response(text, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${asciiName}.ics"; filename*=UTF-8''${encodeURIComponent(
        fileName,
      )}.ics`,
      "Cache-Control": "private, no-store",
    },
  });
}
