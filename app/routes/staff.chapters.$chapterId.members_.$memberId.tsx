// One member of a chapter, for staff of that chapter only: pseudonym, groups, status and her
// attendance history (came, did not come, walk-in). Unknown, deleted or another chapter's: 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaffChapter } from "~/features/chapters/chapter-access.server";
import { ATTENDANCE_HISTORY_MAX } from "~/features/attendance/attendance.server";
import { loadMemberForStaff } from "~/features/attendance/member-history.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { LOCALE_TAGS } from "~/i18n/config";
import { db } from "~/platform/db.server";
import { localeFromRequest } from "~/platform/locale.server";
import { formatOsloDay } from "~/platform/oslo-time";
import { pageTitle } from "~/platform/meta";
import { notFound } from "~/platform/responses";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, chapter } = await requireStaffChapter(request, params.chapterId);
  const member = await loadMemberForStaff(db(), viewer.staff, {
    chapterId: chapter.id,
    memberId: params.memberId ?? "",
  });
  if (!member) notFound();
  const tag = LOCALE_TAGS[localeFromRequest(request)];
  return {
    chapter,
    historyMax: ATTENDANCE_HISTORY_MAX,
    member: {
      pseudonym: member.pseudonym,
      deactivated: member.deactivated,
      lastActive: member.lastActiveOn ? formatOsloDay(member.lastActiveOn, tag) : null,
      groups: member.groups.map((g) => g.name),
    },
    history: member.history.map((h) => ({
      activityId: h.activityId,
      title: h.title,
      date: formatOsloDay(h.startsAt, tag),
      outcome: h.outcome,
    })),
  };
}

export default function StaffMember() {
  const { chapter, member, history, historyMax } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <section className="panel">
        <p>
          <Link to={`/staff/chapters/${chapter.id}/members`}>{t("staffMember.back")}</Link>
        </p>
        <h1>
          <bdi>{member.pseudonym}</bdi>
        </h1>
        <dl className="staff-facts">
          <dt>{t("staffMember.status")}</dt>
          <dd>{member.deactivated ? t("staffMember.deactivated") : t("staffMember.active")}</dd>
          <dt>{t("staffMember.groups")}</dt>
          <dd>{member.groups.length > 0 ? <bdi>{member.groups.join(", ")}</bdi> : t("staffMember.noGroups")}</dd>
          <dt>{t("staff.members.lastActive")}</dt>
          <dd>{member.lastActive ?? t("staff.members.never")}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">{t("staffMember.history")}</h2>
        <p className="muted">{t("staffMember.historyIntro", { max: String(historyMax) })}</p>
        {history.length === 0 ? (
          <p>{t("staffMember.historyNone")}</p>
        ) : (
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">{t("staffMember.activity")}</th>
                <th scope="col">{t("staffMember.date")}</th>
                <th scope="col">{t("staffMember.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.activityId}>
                  <td>
                    <Link to={`/staff/activities/${h.activityId}`}>
                      <bdi>{h.title}</bdi>
                    </Link>
                  </td>
                  <td>{h.date}</td>
                  <td>{t(`staffMember.${h.outcome}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staffMember.meta"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
