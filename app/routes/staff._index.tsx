// The staff home: my chapters, this week's activities (by week, with filters), and (for admins)
// the national tools.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaff } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { LOCALE_TAGS } from "~/i18n/config";
import { localeFromRequest } from "~/platform/locale.server";
import { loadStaffDashboard } from "~/features/week/staff-week.server";
import { WeekFilterForm, WeekGrid, WeekNavigation } from "~/components/StaffWeek";
import { db } from "~/platform/db.server";
import { pageTitle } from "~/platform/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request);
  const params = new URL(request.url).searchParams;
  const { chapters, nationalGroups, week } = await loadStaffDashboard(
    db(),
    viewer.staff,
    { weekKey: params.get("week"), chapterId: params.get("chapter"), groupId: params.get("group") },
    { localeTag: LOCALE_TAGS[localeFromRequest(request)] },
  );
  return { isAdmin: viewer.staff.role === "admin", chapters, nationalGroups, week };
}

export default function StaffHome() {
  const { isAdmin, chapters, nationalGroups, week } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <section className="panel">
        <h1>{t("staff.home.title")}</h1>
        <div className="button-row">
          <Link className="button" to="/staff/activities/new">
            {t("staff.home.newActivity")}
          </Link>
          <Link className="button button--secondary" to="/staff/week">
            {t("staffWeek.openWeek")}
          </Link>
          {isAdmin ? (
            <>
              <Link className="button button--secondary" to="/staff/chapters">
                {t("staff.home.chapters")}
              </Link>
              <Link className="button button--secondary" to="/staff/accounts">
                {t("staff.home.accounts")}
              </Link>
              <Link className="button button--secondary" to="/staff/audit">
                {t("staff.home.audit")}
              </Link>
            </>
          ) : null}
          <Link className="button button--secondary" to="/staff/reports">
            {t("staffReports.open")}
          </Link>
          <Link className="button button--secondary" to="/staff/demand">
            {t("staffDemand.homeLink")}
          </Link>
          <Link className="button button--secondary" to="/staff/calendar">
            {t("staff.home.calendar")}
          </Link>
          <Link className="button button--secondary" to="/staff/sessions">
            {t("staff.home.sessions")}
          </Link>
        </div>
      </section>

      <section className="panel" aria-labelledby="my-chapters">
        <h2 id="my-chapters">{isAdmin ? t("staff.home.allChapters") : t("staff.home.myChapters")}</h2>
        {chapters.length === 0 ? (
          <p>{t("staff.home.noChapters")}</p>
        ) : (
          <ul className="staff-list">
            {chapters.map((c) => (
              <li key={c.id}>
                <Link to={`/staff/chapters/${c.id}`}>{c.name}</Link> <span className="muted">{c.region}</span>
              </li>
            ))}
          </ul>
        )}
        {isAdmin ? (
          <>
            <h3>{t("staff.home.nationalGroups")}</h3>
            <ul className="staff-list">
              {nationalGroups.map((g) => (
                <li key={g.id}>
                  <Link to={`/staff/groups/${g.id}`}>{g.name}</Link>{" "}
                  {g.request_count ? (
                    <span className="staff-badge">{t("staff.groups.requestCount", { count: g.request_count })}</span>
                  ) : null}
                </li>
              ))}
            </ul>
            <p>
              <Link to="/staff/groups/new">{t("staff.home.newNationalGroup")}</Link>
            </p>
          </>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="upcoming">
        <h2 id="upcoming">
          {t("staffWeek.title", { week: String(week.week.week) })}{" "}
          <span className="week-header__range">{t("staffWeek.range", { from: week.from, to: week.to })}</span>
        </h2>
        <WeekNavigation links={week.links} />
        <WeekFilterForm week={week} />
        {week.activities.length === 0 ? (
          <p>{t("staffWeek.noActivities")}</p>
        ) : (
          <WeekGrid days={week.days} activities={week.activities} compact />
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staff.meta.home"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
