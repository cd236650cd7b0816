// Staff sign-in, step one: e-mail and password. The answer is the same for an unknown address and
// a wrong password; the next step is the TOTP code (or setting TOTP up, the first time).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { clientAddress, retryAfterHeaders } from "~/platform/rate-limit.server";
import { sessionTokenFrom } from "~/features/sessions/sessions.server";
import { signInStaffFromForm } from "~/features/staff/staff-sign-in.server";
import { getViewer } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PassphraseField } from "~/components/CredentialFields";
import { ErrorSummary, TextField } from "~/components/forms";
import { db } from "~/platform/db.server";
import { parseForm, type FieldErrors } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { safeRedirectPath } from "~/platform/redirect";
import { readFormData } from "~/platform/read-form.server";

const signInSchema = z.object({
  email: z.string({ required_error: "required" }).trim().min(1, "required").max(254, "tooLong"),
  password: z.string({ required_error: "required" }).min(1, "required").max(1000, "tooLong"),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer.kind === "staff") throw redirect("/staff");
  return {};
}

/** Where the second step goes, carrying the page the person first asked for. */
function nextStep(path: string, redirectTo: string | undefined) {
  const target = safeRedirectPath(redirectTo, "/staff");
  return target === "/staff" ? path : `${path}?redirectTo=${encodeURIComponent(target)}`;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const parsed = parseForm(form, signInSchema, ["password"]);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const { email, password, redirectTo } = parsed.data;
  const values = { email, redirectTo: redirectTo ?? "" };
  // Worked out before the password is checked, so nothing can fail after the half session exists.
  const next = { setup: nextStep("/staff/login/setup", redirectTo), totp: nextStep("/staff/login/totp", redirectTo) };

  const result = await signInStaffFromForm(
    db(),
    { client: clientAddress(context), previousSessionToken: sessionTokenFrom(request) },
    { email, password },
  );
  if (!result.ok) {
    if ("error" in result) {
      const errors: FieldErrors = { form: "staff.tooManyAttempts" };
      return data({ errors, values }, { status: 429, headers: retryAfterHeaders(result.retryAfterSeconds) });
    }
    const errors: FieldErrors = { form: "staff.signInFailed" };
    return data({ errors, values }, { status: 400 });
  }
  return redirect(result.needsTotpSetup ? next.setup : next.totp, {
    status: 303,
    headers: { "Set-Cookie": result.cookie },
  });
}

export default function StaffLogin() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const errors: FieldErrors | undefined = actionData?.errors;
  return (
    <section className="panel staff-narrow" aria-labelledby="staff-login-title">
      <h1 id="staff-login-title">{t("staff.login.title")}</h1>
      <p>{t("staff.login.intro")}</p>
      <ErrorSummary errors={errors} fieldOrder={["form", "email", "password"]} />
      <Form method="post" className="form" noValidate>
        <input
          type="hidden"
          name="redirectTo"
          value={actionData?.values.redirectTo ?? searchParams.get("redirectTo") ?? ""}
        />
        <TextField
          name="email"
          type="email"
          autoComplete="username"
          label={t("staff.login.email")}
          error={errors?.email}
          defaultValue={actionData?.values.email ?? ""}
          required
        />
        <PassphraseField
          name="password"
          purpose="current"
          label={t("staff.login.password")}
          error={errors?.password}
          required
        />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("staff.login.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export { keepRetryAfter as headers } from "~/platform/rate-limit.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staff.meta.login"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
