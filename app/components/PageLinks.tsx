// "Next page" and "to the first page" under a staff list paged by keys: plain links, so paging
// works without JavaScript.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

export function PageLinks({ next, first }: { next: string | null; first: string | null }) {
  const { t } = useTranslation();
  if (!next && !first) return null;
  return (
    <nav className="button-row" aria-label={t("staff.paging.label")}>
      {next ? (
        <Link className="button button--secondary" to={next}>
          {t("staff.paging.next")}
        </Link>
      ) : null}
      {first ? (
        <Link className="button button--secondary" to={first}>
          {t("staff.paging.first")}
        </Link>
      ) : null}
    </nav>
  );
}
