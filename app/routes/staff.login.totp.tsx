// Staff sign-in, step two: a code from the authenticator app, or one of the recovery codes.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useSearchParams, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { retryAfterHeaders } from "~/platform/rate-limit.server";
import { completeStaffSecondFactorFromForm } from "~/features/staff/staff-sign-in.server";
import { getViewer, type PendingStaffViewer } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { CodeField } from "~/components/CredentialFields";
import { ErrorSummary } from "~/components/forms";
import { findStaffSecondFactor } from "~/features/staff/staff.server";
import { db } from "~/platform/db.server";
import { parseForm, type FieldErrors } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { safeRedirectPath } from "~/platform/redirect";
import { readFormData } from "~/platform/read-form.server";

const codeSchema = z.object({
  code: z.string({ required_error: "required" }).trim().min(1, "required").max(64, "staff.codeFailed"),
  redirectTo: z.string().optional(),
});

/** Only a half-signed-in staff member belongs here; everyone else is sent on. */
async function requirePendingStaff(request: Request): Promise<PendingStaffViewer> {
  const viewer = await getViewer(request);
  if (viewer.kind === "staff-pending") return viewer;
  throw redirect(viewer.kind === "staff" ? "/staff" : "/staff/login");
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePendingStaff(request);
  const staff = await findStaffSecondFactor(db(), viewer.staffId);
  if (!staff?.totp_secret) throw redirect(`/staff/login/setup${new URL(request.url).search}`);
  return {};
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePendingStaff(request);
  const parsed = parseForm(await readFormData(request), codeSchema, ["code"]);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  // Worked out before the code is used: a code must never be spent on an answer that then fails.
  const redirectTo = safeRedirectPath(parsed.data.redirectTo, "/staff");

  const result = await completeStaffSecondFactorFromForm(db(), viewer, parsed.data);
  if (!result.ok) {
    if ("error" in result) {
      const errors: FieldErrors = { form: "staff.tooManyAttempts" };
      return data({ errors }, { status: 429, headers: retryAfterHeaders(result.retryAfterSeconds) });
    }
    const errors: FieldErrors = { code: "staff.codeFailed" };
    return data({ errors }, { status: 400 });
  }
  return redirect(redirectTo, {
    status: 303,
    headers: { "Set-Cookie": result.cookie },
  });
}

export default function StaffLoginTotp() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const errors: FieldErrors | undefined = actionData?.errors;
  return (
    <section className="panel staff-narrow" aria-labelledby="staff-totp-title">
      <h1 id="staff-totp-title">{t("staff.totp.title")}</h1>
      <p>{t("staff.totp.intro")}</p>
      <ErrorSummary errors={errors} />
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <CodeField
          label={t("staff.totp.code")}
          hint={t("staff.totp.codeHint")}
          error={errors?.code}
          inputMode="text"
          required
        />
        <div>
          <button type="submit" className="button">
            {t("staff.totp.submit")}
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
