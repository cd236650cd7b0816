// Admins: the log of every staff action, newest first.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaff } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { localeFromRequest } from "~/platform/locale.server";
import { loadAuditLog } from "~/features/audit/audit-log.server";
import { db } from "~/platform/db.server";
import { pageTitle } from "~/platform/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "admin");
  const params = new URL(request.url).searchParams;
  return loadAuditLog(
    db(),
    {
      after: params.get("after"),
      actorStaffId: params.get("staff"),
      chapterId: params.get("chapter"),
      kind: params.get("kind"),
    },
    localeFromRequest(request),
  );
}

export default function Audit() {
  const { entries, olderHref, filter, actors, chapters, kinds } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section className="panel">
      <p>
        <Link to="/staff">{t("staff.backHome")}</Link>
      </p>
      <h1>{t("staff.audit.title")}</h1>
      <p>{t("staff.audit.intro")}</p>
      <Form method="get" className="week-filter">
        <label className="field">
          <span className="field__label">{t("staffAudit.filterStaff")}</span>
          <select name="staff" defaultValue={filter.actorStaffId ?? ""} className="field__input">
            <option value="">{t("staffAudit.all")}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t("staffAudit.filterChapter")}</span>
          <select name="chapter" defaultValue={filter.chapterId ?? ""} className="field__input">
            <option value="">{t("staffAudit.all")}</option>
            {chapters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t("staffAudit.filterKind")}</span>
          <select name="kind" defaultValue={filter.kind ?? ""} className="field__input">
            <option value="">{t("staffAudit.all")}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`staffAudit.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="week-filter__actions">
          <button type="submit" className="button button--secondary">
            {t("staffAudit.show")}
          </button>
        </div>
      </Form>
      {entries.length === 0 ? (
        <p>{t("staff.audit.none")}</p>
      ) : (
        <ol className="audit-list">
          {entries.map((e) => (
            <li key={e.id}>
              <p className="muted">
                {e.when}
                {e.chapter ? ` · ${e.chapter}` : ""}
              </p>
              {e.sentences.map((sentence, i) => (
                <p key={i} className="audit-list__sentence">
                  {sentence}
                </p>
              ))}
            </li>
          ))}
        </ol>
      )}
      {olderHref ? (
        <p>
          <Link to={olderHref}>{t("staff.audit.older")}</Link>
        </p>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staff.meta.audit"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
