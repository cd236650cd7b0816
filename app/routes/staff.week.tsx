// A week at a glance: the staff member's chapters' activities from Monday to Sunday, filtered by
// chapter and group, with previous/next week links that work without JavaScript, and printable.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaff } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PrintButton } from "~/components/PrintButton";
import { WeekFilterForm, WeekGrid, WeekNavigation } from "~/components/StaffWeek";
import { loadStaffWeekForDisplay } from "~/features/week/staff-week.server";
import { LOCALE_TAGS } from "~/i18n/config";
import { db } from "~/platform/db.server";
import { localeFromRequest } from "~/platform/locale.server";
import { pageTitle } from "~/platform/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request);
  const params = new URL(request.url).searchParams;
  return loadStaffWeekForDisplay(
    db(),
    viewer.staff,
    { weekKey: params.get("week"), chapterId: params.get("chapter"), groupId: params.get("group") },
    { path: "/staff/week", localeTag: LOCALE_TAGS[localeFromRequest(request)] },
  );
}

export default function StaffWeekPage() {
  const week = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack staff-week">
      <section className="panel week-header">
        <p className="staff-print-hide">
          <Link to="/staff">{t("staff.backHome")}</Link>
        </p>
        <h1>
          {t("staffWeek.title", { week: String(week.week.week) })}{" "}
          <span className="week-header__range">{t("staffWeek.range", { from: week.from, to: week.to })}</span>
        </h1>
        {week.filterLabel ? <p className="lead">{week.filterLabel}</p> : null}
        <WeekNavigation links={week.links} />
        <WeekFilterForm week={week}>
          <PrintButton label={t("staffWeek.print")} />
        </WeekFilterForm>
      </section>
      {week.activities.length === 0 ? <p className="panel">{t("staffWeek.noActivities")}</p> : null}
      <WeekGrid days={week.days} activities={week.activities} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staffWeek.meta"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
