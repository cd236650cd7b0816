import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  type MetaFunction,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { RecoveryCodes } from "~/components/RecoveryCodes";
import { CodeField, OwnDeviceField, PassphraseField, PseudonymField } from "~/components/CredentialFields";
import { ErrorSummary } from "~/components/forms";
import { isCommonPassword } from "~/platform/common-passwords.server";
import { joinFromForm } from "~/features/members/member-account.server";
import { clientAddress, retryAfterHeaders } from "~/platform/rate-limit.server";
import { getViewer } from "~/features/sessions/viewer.server";
import { joinSchema } from "~/features/members/member-forms";
import { localeFromRequest } from "~/platform/locale.server";
import { db } from "~/platform/db.server";
import { parseForm, type FieldErrors } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer.kind === "member") throw redirect("/");
  // The QR code on an invite slip carries the code, so the person does not have to type it.
  const code = new URL(request.url).searchParams.get("code")?.slice(0, 100) ?? "";
  return { code };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const parsed = parseForm(form, joinSchema(isCommonPassword), ["passphrase"]);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, recoveryCodes: null }, { status: 400 });

  const result = await joinFromForm(
    db(),
    { client: clientAddress(context) },
    { ...parsed.data, locale: localeFromRequest(request) },
  );
  if (!result.ok) {
    if (result.error === "tooManyAttempts") {
      const values = {
        code: parsed.data.code,
        pseudonym: parsed.data.pseudonym,
        ownDevice: parsed.data.ownDevice ? "on" : "",
      };
      return data(
        { errors: { form: "members.tooManyAttempts" } as FieldErrors, values, recoveryCodes: null },
        { status: 429, headers: retryAfterHeaders(result.retryAfterSeconds) },
      );
    }
    const errors: FieldErrors =
      result.error === "pseudonymTaken" ? { pseudonym: "members.pseudonymTaken" } : { code: "members.codeUnusable" };
    const { passphrase: _secret, ...values } = { ...parsed.data, ownDevice: parsed.data.ownDevice ? "on" : "" };
    return data({ errors, values, recoveryCodes: null }, { status: 400 });
  }
  // The recovery codes are shown in this one response and never stored in plain text.
  return data(
    { errors: null, values: null, recoveryCodes: result.recoveryCodes },
    { headers: { "Set-Cookie": result.cookie } },
  );
}

export default function Join() {
  const { code } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();

  if (actionData?.recoveryCodes) return <RecoveryCodes codes={actionData.recoveryCodes} continueTo="/" />;

  const errors = actionData?.errors ?? undefined;
  const values: Record<string, string | boolean | undefined> = actionData?.values ?? {};
  const submitting = navigation.state === "submitting";
  return (
    <section className="panel stack" aria-labelledby="join-title">
      <h1 id="join-title">{t("join.title")}</h1>
      <p>{t("join.intro")}</p>
      <ErrorSummary errors={errors} fieldOrder={["code", "pseudonym", "passphrase"]} />
      <Form method="post" className="form" noValidate>
        <CodeField
          label={t("join.codeLabel")}
          hint={t("join.codeHint")}
          error={errors?.code}
          defaultValue={String(values.code ?? code)}
          autoComplete="off"
          maxLength={100}
        />
        <PseudonymField
          label={t("join.pseudonymLabel")}
          hint={t("join.pseudonymHint")}
          error={errors?.pseudonym}
          defaultValue={String(values.pseudonym ?? "")}
        />
        <PassphraseField
          purpose="new"
          label={t("join.passphraseLabel")}
          hint={t("join.passphraseHint")}
          error={errors?.passphrase}
        />
        <OwnDeviceField
          label={t("join.ownDeviceLabel")}
          hint={t("join.ownDeviceHint")}
          defaultChecked={values.ownDevice === "on" || values.ownDevice === true}
        />
        <div>
          <button type="submit" className="button" disabled={submitting}>
            {submitting ? t("join.submitting") : t("join.submit")}
          </button>
        </div>
      </Form>
      <p>
        {t("join.haveAccount")} <Link to="/login">{t("login.submit")}</Link>
      </p>
    </section>
  );
}

export { keepRetryAfter as headers } from "~/platform/rate-limit.server";

// After a successful join the session cookie makes the loader send the member to "/", which
// would take the recovery codes off the screen before they are read: don't reload this page then.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  actionResult,
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}) => {
  const joined = Boolean((actionResult as { recoveryCodes?: unknown } | undefined)?.recoveryCodes);
  if (joined && currentUrl.pathname === nextUrl.pathname) return false;
  return defaultShouldRevalidate;
};

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("join.metaTitle"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
