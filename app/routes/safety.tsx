// Honest safety tips: what quick exit does and does not do, history, private windows, shared
// phones, calendars and notifications. The same for everyone; nothing about the viewer.
import type { MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { useRootData } from "~/root";
import { pageTitle } from "~/platform/meta";

const SECTIONS = [
  { id: "quick-exit", title: "quickExitTitle", items: ["quickExit1", "quickExit2"] },
  { id: "limits", title: "limitsTitle", items: ["limits1", "limits2", "limits3"] },
  { id: "history", title: "historyTitle", items: ["history1", "historyAndroid", "historyIphone", "historyComputer"] },
  { id: "private", title: "privateTitle", items: ["private1", "private2", "private3"] },
  { id: "shared", title: "sharedTitle", items: ["shared1", "shared2", "shared3"] },
  {
    id: "calendar",
    title: "calendarTitle",
    items: ["calendar1", "calendar2", "calendarGoogle", "calendarApple", "calendarOutlook"],
  },
  { id: "notifications", title: "notificationsTitle", items: ["notifications1", "notifications2"] },
  { id: "files", title: "filesTitle", items: ["files1", "files2"] },
] as const;

export default function Safety() {
  const { t } = useTranslation();
  const siteName = useRootData()?.siteName ?? "";
  return (
    <div className="stack safety">
      <section className="panel">
        <h1>{t("safety.page.title")}</h1>
        <p className="lead">{t("safety.page.intro")}</p>
        <div className="notice notice--warning" role="note">
          <p>
            <strong>{t("safety.page.dangerTitle")}</strong> {t("safety.page.danger")}
          </p>
        </div>
      </section>
      {SECTIONS.map((section) => (
        <section key={section.id} className="panel" aria-labelledby={`safety-${section.id}`}>
          <h2 id={`safety-${section.id}`}>{t(`safety.page.${section.title}`)}</h2>
          <ul className="safety__list">
            {section.items.map((item) => (
              <li key={item}>{t(`safety.page.${item}`, { siteName })}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("safety.meta.page"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
