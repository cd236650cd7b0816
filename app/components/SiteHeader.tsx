import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { LOCALE_NAMES, LOCALES } from "~/i18n/config";

export type Who =
  { kind: "anonymous" } | { kind: "member"; name: string; unreadNotices: number } | { kind: "staff"; name: string };

export function SiteHeader({ siteName, who }: { siteName: string; who: Who }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("layout.skipToContent")}
      </a>
      <div className="site-header__bar">
        <Link to={who.kind === "staff" ? "/staff" : "/"} className="site-header__name">
          {siteName}
        </Link>
        <LanguageSwitch />
      </div>
      {who.kind !== "anonymous" ? (
        <nav className="site-nav" aria-label={t("layout.mainNav")}>
          <ul>
            {who.kind === "member" ? (
              <>
                <li>
                  <NavLink to="/" end>
                    {t("layout.activities")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/notices">
                    {t("notices.headerLink")}
                    {who.unreadNotices > 0 ? (
                      <>
                        {" "}
                        <span className="count-badge" aria-hidden="true">
                          {who.unreadNotices}
                        </span>
                        <span className="visually-hidden">
                          {", "}
                          {t("notices.headerUnread", { n: String(who.unreadNotices) })}
                        </span>
                      </>
                    ) : null}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/me">{t("layout.myPage")}</NavLink>
                </li>
              </>
            ) : (
              <li>
                <NavLink to="/staff">{t("layout.staffHome")}</NavLink>
              </li>
            )}
            <li>
              <Form method="post" action={who.kind === "staff" ? "/staff/logout" : "/logout"}>
                <button type="submit" className="link-button">
                  {t("layout.signOut")}
                </button>
              </Form>
            </li>
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="language-switch">
      <input type="hidden" name="returnTo" value={location.pathname + location.search} />
      <label htmlFor="language-select" className="visually-hidden">
        {t("layout.language")}
      </label>
      <select id="language-select" name="lang" defaultValue={i18n.language}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--small button--secondary">
        {t("layout.changeLanguage")}
      </button>
    </Form>
  );
}
