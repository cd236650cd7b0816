// /staff/calendar: one private calendar feed per chapter the staff member works in (admins: any
// chapter). The feed holds every activity of the chapter, with addresses, so making a link is
// audited, and a link stops working when its owner is deactivated or leaves the chapter.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireStaffChapter } from "~/features/chapters/chapter-access.server";
import { requireStaff } from "~/features/sessions/viewer.server";
import { useLocaleTag } from "~/components/ActivityTime";
import { NewLink, type NewCalendarLink } from "~/components/CalendarFeedSection";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { formatOsloDay } from "~/platform/oslo-time";
import { feedLinks } from "~/features/calendar/feed-links";
import { listStaffFeedChapters, replaceStaffFeedLink } from "~/features/calendar/staff-feed-links.server";
import { db } from "~/platform/db.server";
import { parseForm } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { staff } = await requireStaff(request);
  return { chapters: await listStaffFeedChapters(db(), staff) };
}

const linkSchema = z.object({ intent: z.literal("link"), chapterId: z.string().min(1).max(100) });

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(await readFormData(request), linkSchema);
  if (!parsed.ok) throw new Response("Not found", { status: 404 });
  // Outside the staff member's chapters: 404, as for a chapter that does not exist.
  const { viewer, chapter } = await requireStaffChapter(request, parsed.data.chapterId);
  const { token } = await replaceStaffFeedLink(db(), viewer.staff, { chapterId: chapter.id });
  const newLink: NewCalendarLink & { chapterId: string } = {
    chapterId: chapter.id,
    ...feedLinks(new URL(request.url).origin, token),
  };
  // The answer holds the new link: nothing may store it.
  return data({ newLink }, { headers: { "Cache-Control": "no-store" } });
}

export default function StaffCalendar() {
  const { chapters } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const localeTag = useLocaleTag();
  return (
    <div className="stack">
      <section className="panel stack" aria-labelledby="staff-calendar-title">
        <h1 id="staff-calendar-title">{t("calendar.staff.title")}</h1>
        <p>{t("calendar.staff.intro")}</p>
        {chapters.length === 0 ? (
          <p>{t("calendar.staff.noChapters")}</p>
        ) : (
          <ul className="calendar-chapters">
            {chapters.map((chapter) => (
              <li key={chapter.chapterId} className="stack">
                <h2>{chapter.name}</h2>
                {result?.newLink.chapterId === chapter.chapterId ? (
                  <NewLink link={result.newLink} title={t("calendar.staff.newLinkFor", { chapter: chapter.name })} />
                ) : (
                  <p>
                    {chapter.linkCreatedAt
                      ? t("calendar.staff.hasLink", { date: formatOsloDay(chapter.linkCreatedAt, localeTag) })
                      : t("calendar.staff.noLink")}
                  </p>
                )}
                <Form method="post">
                  <input type="hidden" name="intent" value="link" />
                  <input type="hidden" name="chapterId" value={chapter.chapterId} />
                  <button type="submit" className="button button--secondary" disabled={navigation.state !== "idle"}>
                    {chapter.linkCreatedAt ? t("calendar.section.replaceLink") : t("calendar.section.createLink")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/staff">{t("layout.staffHome")}</Link>
        </p>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("calendar.staff.metaTitle"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
