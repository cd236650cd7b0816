import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { NotSavedMessage } from "./NotSavedMessage";

/**
 * The one error boundary every route uses. Expected failures are thrown Responses (404, 403, …);
 * anything else is a 500 that shows no details: the server has logged them.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;

  if (status === 403) {
    // A staff page for admins only (requireStaff) says so; any other refusal says no access.
    const adminOnly =
      isRouteErrorResponse(error) && (error.data as { reason?: unknown } | null)?.reason === "adminOnly";
    return (
      <section className="panel" aria-labelledby="error-title">
        <h1 id="error-title">{adminOnly ? t("errors.adminOnlyTitle") : t("errors.forbiddenTitle")}</h1>
        <p>{adminOnly ? t("errors.adminOnlyBody") : t("errors.forbiddenBody")}</p>
        <p>
          <Link className="button" to={adminOnly ? "/staff" : "/"}>
            {adminOnly ? t("errors.backToStaff") : t("errors.goHome")}
          </Link>
        </p>
      </section>
    );
  }
  if (status === 503) return <NotSavedMessage />;
  if (status === 404) {
    return (
      <section className="panel" aria-labelledby="error-title">
        <h1 id="error-title">{t("errors.notFoundTitle")}</h1>
        <p>{t("errors.notFoundBody")}</p>
        <p>{t("errors.notFoundHelp")}</p>
        <p>
          <Link className="button" to="/">
            {t("errors.goHome")}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="error-title">
      <h1 id="error-title">
        {status >= 500 ? t("errors.errorTitle") : t("errors.statusTitle", { status: String(status) })}
      </h1>
      <p>{t("errors.errorBody")}</p>
      <p>
        <Link className="button" to="/">
          {t("errors.goHome")}
        </Link>
      </p>
    </section>
  );
}
