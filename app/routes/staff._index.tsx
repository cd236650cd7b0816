// The staff home: my chapters, upcoming activities, and (for admins) the national tools.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaff } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { formatOsloDateTime } from "~/platform/oslo-time";
import { LOCALE_TAGS } from "~/i18n/config";
import { localeFromRequest } from "~/platform/locale.server";
import { loadStaffHome } from "~/features/activities/staff-activities.server";
import { db } from "~/platform/db.server";
import { pageTitle } from "~/platform/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request);
  const tag = LOCALE_TAGS[localeFromRequest(request)];
  const { chapters, activities, nationalGroups } = await loadStaffHome(db(), viewer.staff);
  return {
    isAdmin: viewer.staff.role === "admin",
    chapters,
    nationalGroups,
    activities: activities.map((a) => ({
      id: a.id,
      title: a.title,
      when: formatOsloDateTime(a.starts_at, tag),
      cancelled: a.status === "cancelled",
      draft: a.draft === 1,
      where: a.group_name ?? a.chapter_name ?? null,
      goingCount: a.going_count ?? 0,
      waitlistCount: a.waitlist_count ?? 0,
      capacity: a.capacity,
    })),
  };
}

export default function StaffHome() {
  const { isAdmin, chapters, nationalGroups, activities } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <section className="panel">
        <h1>{t("staff.home.title")}</h1>
        <div className="button-row">
          <Link className="button" to="/staff/activities/new">
            {t("staff.home.newActivity")}
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
        <h2 id="upcoming">{t("staff.home.upcoming")}</h2>
        {activities.length === 0 ? (
          <p>{t("staff.home.noActivities")}</p>
        ) : (
          <ul className="staff-activity-list">
            {activities.map((a) => (
              <li key={a.id} className={a.cancelled ? "is-cancelled" : undefined}>
                <Link to={`/staff/activities/${a.id}`}>{a.title}</Link>
                {a.draft ? <span className="badge">{t("staffSeries.draftLabel")}</span> : null}
                <span className="muted">
                  {a.when}
                  {a.where ? ` · ${a.where}` : ""}
                </span>
                <span>
                  {a.cancelled
                    ? t("staff.activity.cancelledBadge")
                    : t("staff.activity.counts", {
                        going: String(a.goingCount),
                        capacity: String(a.capacity ?? "∞"),
                        waitlist: String(a.waitlistCount),
                      })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staff.meta.home"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
