import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

/**
 * What a person reads when the database cannot save (a full disk, a failing disk: status 503).
 * Calm and true: nothing they sent was half-saved, and trying again later is the right thing.
 */
export function NotSavedMessage() {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="error-title">
      <h1 id="error-title">{t("errors.notSavedTitle")}</h1>
      <p>{t("errors.notSavedBody")}</p>
      <p>
        <Link className="button" to="/">
          {t("errors.goHome")}
        </Link>
      </p>
    </section>
  );
}
