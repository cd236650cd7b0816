// Where someone is signed in, with a way to end each other session or all of them at once.
// Used by members (/me/sessions) and staff (/staff/sessions); the forms post to that page.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { useLocaleTag } from "./ActivityTime";
import type { EndedSessions, ListedSession } from "~/features/sessions/listed-session";
import { formatOsloDateTime } from "~/platform/oslo-time";

export function SessionList({ sessions }: { sessions: ListedSession[] }) {
  const { t } = useTranslation();
  const tag = useLocaleTag();
  const others = sessions.filter((s) => !s.thisDevice);
  return (
    <>
      <ul className="session-list">
        {sessions.map((session) => (
          <li key={session.id}>
            <dl>
              <dt>{t("safety.sessions.signedIn")}</dt>
              <dd>
                <time dateTime={session.createdAt}>{formatOsloDateTime(session.createdAt, tag)}</time>
              </dd>
              <dt>{t("safety.sessions.lastSeen")}</dt>
              <dd>
                <time dateTime={session.lastSeenAt}>{formatOsloDateTime(session.lastSeenAt, tag)}</time>
              </dd>
            </dl>
            <p className="muted">
              {session.thisDevice ? <span className="badge">{t("safety.sessions.thisDevice")}</span> : null}{" "}
              {session.ownDevice ? t("safety.sessions.ownDevice") : t("safety.sessions.sharedDevice")}
            </p>
            {session.thisDevice ? null : (
              <Form method="post">
                <input type="hidden" name="intent" value="end" />
                <input type="hidden" name="sessionId" value={session.id} />
                <button type="submit" className="button button--small button--secondary">
                  {t("safety.sessions.end")}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="end-others" />
          <button type="submit" className="button">
            {t("safety.sessions.endOthers")}
          </button>
        </Form>
      ) : (
        <p>{t("safety.sessions.onlyThis")}</p>
      )}
    </>
  );
}

/** The whole page: title, what just happened, the list, and a way back (`children`). */
export function SessionsPanel({
  sessions,
  done,
  children,
}: {
  sessions: ListedSession[];
  done: EndedSessions | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel stack" aria-labelledby="sessions-title">
      <h1 id="sessions-title">{t("safety.sessions.title")}</h1>
      {done ? (
        <p className="notice notice--success" role="status">
          {t(`safety.sessions.${done}`)}
        </p>
      ) : null}
      <p>{t("safety.sessions.intro")}</p>
      <SessionList sessions={sessions} />
      <p>{children}</p>
    </section>
  );
}
