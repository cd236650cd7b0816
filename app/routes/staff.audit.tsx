// Admins: the log of every staff action, newest first.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaff } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { formatOsloDateTime } from "~/platform/oslo-time";
import { LOCALE_TAGS } from "~/i18n/config";
import { localeFromRequest } from "~/platform/locale.server";
import { AUDIT_PAGE_SIZE, listAuditEntries } from "~/features/audit/audit.server";
import { db } from "~/platform/db.server";
import { pageTitle } from "~/platform/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "admin");
  const before = new URL(request.url).searchParams.get("before");
  const validBefore = before && !Number.isNaN(Date.parse(before)) ? new Date(before).toISOString() : undefined;
  const tag = LOCALE_TAGS[localeFromRequest(request)];
  const entries = await listAuditEntries(db(), { before: validBefore });
  return {
    entries: entries.map((e) => ({
      id: e.id,
      at: e.at,
      when: formatOsloDateTime(e.at, tag),
      actor: e.actor_name,
      action: e.action,
      object: `${e.object_type}${e.object_id ? ` ${e.object_id}` : ""}`,
      details: e.details,
    })),
    hasMore: entries.length === AUDIT_PAGE_SIZE,
  };
}

export default function Audit() {
  const { entries, hasMore } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const last = entries[entries.length - 1];
  return (
    <section className="panel">
      <p>
        <Link to="/staff">{t("staff.backHome")}</Link>
      </p>
      <h1>{t("staff.audit.title")}</h1>
      <p>{t("staff.audit.intro")}</p>
      {entries.length === 0 ? (
        <p>{t("staff.audit.none")}</p>
      ) : (
        <div className="staff-table-wrap">
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">{t("staff.audit.at")}</th>
                <th scope="col">{t("staff.audit.actor")}</th>
                <th scope="col">{t("staff.audit.action")}</th>
                <th scope="col">{t("staff.audit.object")}</th>
                <th scope="col">{t("staff.audit.details")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{e.when}</td>
                  <td>{e.actor ?? "—"}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    <code>{e.object}</code>
                  </td>
                  <td>
                    <code>{e.details ?? ""}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasMore && last ? (
        <p>
          <Link to={`/staff/audit?before=${encodeURIComponent(last.at)}`}>{t("staff.audit.older")}</Link>
        </p>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staff.meta.audit"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
