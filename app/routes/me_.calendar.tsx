// /me/calendar: the member's calendar feed — make or replace the link, and the feed settings.
// /me embeds the same section; its forms post here. Without JavaScript the answer is this page,
// showing the new link once; with JavaScript the forms post through fetchers and stay on /me.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireMember } from "~/features/sessions/viewer.server";
import { CalendarFeedSection, type CalendarActionData } from "~/components/CalendarFeedSection";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { feedLinks } from "~/features/calendar/feed-links";
import {
  loadCalendarSection,
  replaceMemberFeedLink,
  updateFeedSettings,
} from "~/features/calendar/member-calendar.server";
import { db } from "~/platform/db.server";
import { parseForm } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { member } = await requireMember(request);
  return { section: await loadCalendarSection(db(), member) };
}

const checkbox = z
  .literal("on")
  .optional()
  .transform((v) => v === "on");
const calendarFormSchema = z.object({
  intent: z.enum(["link", "settings"]),
  discreetTitles: checkbox,
  allActivities: checkbox,
});

// The answer may hold the new link: it must not be stored by the browser or anything between.
const NO_STORE = { "Cache-Control": "no-store" };

export async function action({ request }: ActionFunctionArgs) {
  const { member } = await requireMember(request);
  const parsed = parseForm(await readFormData(request), calendarFormSchema);
  if (!parsed.ok) return data<CalendarActionData>({ intent: "invalid" }, { status: 400, headers: NO_STORE });

  if (parsed.data.intent === "link") {
    // Replacing ends the old link at once; two clicks in a row leave the last link made.
    const { token } = await replaceMemberFeedLink(db(), member);
    const newLink = feedLinks(new URL(request.url).origin, token);
    return data<CalendarActionData>({ intent: "link", newLink }, { headers: NO_STORE });
  }
  await updateFeedSettings(db(), member, {
    discreetTitles: parsed.data.discreetTitles,
    allActivities: parsed.data.allActivities,
  });
  return data<CalendarActionData>({ intent: "settings", saved: true }, { headers: NO_STORE });
}

export default function MyCalendar() {
  const { section } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <CalendarFeedSection section={section} result={result} headingLevel="h1" />
      <p>
        <Link to="/me">{t("layout.myPage")}</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("calendar.metaTitle"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
