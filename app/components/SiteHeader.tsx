import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LOCALE_NAMES, LOCALES } from "~/i18n/config";

export function SiteHeader({ siteName }: { siteName: string }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const returnTo = location.pathname + location.search;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("layout.skipToContent")}
      </a>
      <div className="site-header__bar">
        <Link to="/" className="site-header__name">
          {siteName}
        </Link>
        <Form method="post" action="/language" className="language-switch">
          <input type="hidden" name="returnTo" value={returnTo} />
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
      </div>
    </header>
  );
}
