import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

/** On every page: the way to the safety tips. */
export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t("layout.footer")}</p>
      <p>
        <Link to="/safety">{t("safety.footer.safetyLink")}</Link>
      </p>
    </footer>
  );
}
