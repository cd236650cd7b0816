import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { OwnDeviceField, PassphraseField, PseudonymField } from "~/components/CredentialFields";
import { ErrorSummary } from "~/components/forms";
import { signInMemberFromForm } from "~/features/members/member-account.server";
import { clientAddress, retryAfterHeaders } from "~/platform/rate-limit.server";
import { sessionTokenFrom } from "~/features/sessions/sessions.server";
import { getViewer } from "~/features/sessions/viewer.server";
import { loginSchema } from "~/features/members/member-forms";
import { isLocale } from "~/i18n/config";
import { languageCookie } from "~/platform/locale.server";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { parseForm, type FieldErrors } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { safeRedirectPath } from "~/platform/redirect";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer.kind === "member") throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Worked out before anything is checked or used, so it cannot fail after the sign-in.
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  const form = await readFormData(request);
  const parsed = parseForm(form, loginSchema, ["passphrase"]);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });

  const result = await signInMemberFromForm(
    db(),
    { client: clientAddress(context), previousSessionToken: sessionTokenFrom(request) },
    parsed.data,
  );
  if (!result.ok) {
    const values = { pseudonym: parsed.data.pseudonym, ownDevice: parsed.data.ownDevice ? "on" : "" };
    if ("error" in result) {
      return data(
        { errors: { form: "members.tooManyAttempts" } as FieldErrors, values },
        { status: 429, headers: retryAfterHeaders(result.retryAfterSeconds) },
      );
    }
    return data({ errors: { form: "members.signInFailed" } as FieldErrors, values }, { status: 400 });
  }
  const headers = new Headers({ "Set-Cookie": result.cookie });
  // The language the member chose before, on any device, follows them here.
  if (isLocale(result.locale)) headers.append("Set-Cookie", languageCookie(result.locale, env().SECURE_COOKIES));
  return redirect(redirectTo, { status: 303, headers });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const values: Record<string, string> = actionData?.values ?? {};
  const redirectTo = params.get("redirectTo");
  return (
    <section className="panel stack" aria-labelledby="login-title">
      <h1 id="login-title">{t("login.title")}</h1>
      <ErrorSummary errors={errors} fieldOrder={["form", "pseudonym", "passphrase"]} />
      <Form
        method="post"
        action={redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login"}
        className="form"
        noValidate
      >
        <PseudonymField
          label={t("login.pseudonymLabel")}
          error={errors?.pseudonym}
          defaultValue={values.pseudonym ?? ""}
        />
        <PassphraseField purpose="current" label={t("login.passphraseLabel")} error={errors?.passphrase} />
        <OwnDeviceField
          label={t("login.ownDeviceLabel")}
          hint={t("login.ownDeviceHint")}
          defaultChecked={values.ownDevice === "on"}
        />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("login.submit")}
          </button>
        </div>
      </Form>
      <ul className="link-list">
        <li>
          <Link to="/reset">{t("login.forgot")}</Link>
        </li>
        <li>
          {t("login.noAccount")} <Link to="/join">{t("join.title")}</Link>
        </li>
        <li>
          <Link to="/staff/login">{t("login.staffLink")}</Link>
        </li>
      </ul>
    </section>
  );
}

export { keepRetryAfter as headers } from "~/platform/rate-limit.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("login.metaTitle"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
