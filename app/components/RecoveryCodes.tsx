import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Shown once, right after the codes are made. */
export function RecoveryCodes({ codes, continueTo }: { codes: string[]; continueTo: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel stack" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t("recovery.title")}</h1>
      <p>{t("recovery.intro")}</p>
      <p className="notice notice--warning">{t("recovery.keepSafe")}</p>
      <ul className="code-list" aria-label={t("recovery.title")}>
        {codes.map((code) => (
          <li key={code} dir="ltr">
            {code}
          </li>
        ))}
      </ul>
      <p className="muted">{t("recovery.noEmail")}</p>
      <p>
        <Link className="button" to={continueTo}>
          {t("recovery.continue")}
        </Link>
      </p>
    </section>
  );
}
