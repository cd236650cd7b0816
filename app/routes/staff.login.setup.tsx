// First staff sign-in: set up the authenticator app (QR code or manual key), confirm with a code,
// then see the recovery codes once.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { retryAfterHeaders } from "~/platform/rate-limit.server";
import { sessionTokenFrom } from "~/features/sessions/sessions.server";
import { finishTotpSetupFromForm, pendingTotpSecret } from "~/features/staff/staff-sign-in.server";
import { totpUri } from "~/platform/totp.server";
import { getViewer } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { CodeField } from "~/components/CredentialFields";
import { ErrorSummary } from "~/components/forms";
import { RecoveryCodeList } from "~/components/RecoveryCodes";
import { findStaffSecondFactor } from "~/features/staff/staff.server";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { parseForm, type FieldErrors } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { qrCodeDataUrl } from "~/platform/qr-code.server";
import { readFormData } from "~/platform/read-form.server";

const confirmSchema = z.object({
  code: z.string({ required_error: "required" }).trim().min(1, "required").max(16, "staff.codeFailed"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  // Signed in fully: set-up is done (the recovery codes, if just made, come with the action).
  if (viewer.kind === "staff") return { done: true as const };
  if (viewer.kind !== "staff-pending") throw redirect("/staff/login");
  const staff = await findStaffSecondFactor(db(), viewer.staffId);
  const token = sessionTokenFrom(request);
  if (!staff || !token) throw redirect("/staff/login");
  if (staff.totp_secret) throw redirect(`/staff/login/totp${new URL(request.url).search}`);
  const secret = pendingTotpSecret(token);
  const uri = totpUri({ secret, label: staff.email, issuer: env().SITE_NAME });
  return {
    done: false as const,
    qrCode: await qrCodeDataUrl(uri),
    // Groups of four are easier to type into an app by hand.
    manualKey: secret.match(/.{1,4}/g)!.join(" "),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await getViewer(request);
  const token = sessionTokenFrom(request);
  if (viewer.kind !== "staff-pending" || !token) throw redirect("/staff/login");
  const parsed = parseForm(await readFormData(request), confirmSchema, ["code"]);
  if (!parsed.ok) return data({ errors: parsed.errors, recoveryCodes: null }, { status: 400 });

  const result = await finishTotpSetupFromForm(db(), { ...viewer, sessionToken: token }, parsed.data);
  if (!result.ok) {
    if (result.error === "tooManyAttempts") {
      const errors: FieldErrors = { form: "staff.tooManyAttempts" };
      return data(
        { errors, recoveryCodes: null },
        { status: 429, headers: retryAfterHeaders(result.retryAfterSeconds) },
      );
    }
    if (result.error === "alreadySetUp") throw redirect("/staff/login/totp");
    const errors: FieldErrors = { code: "staff.codeFailed" };
    return data({ errors, recoveryCodes: null }, { status: 400 });
  }
  // Shown once, from this response; only their hashes are stored.
  return data({ errors: undefined, recoveryCodes: result.recoveryCodes }, { headers: { "Set-Cookie": result.cookie } });
}

export default function StaffLoginSetup() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: FieldErrors | undefined = actionData?.errors;

  if (actionData?.recoveryCodes) {
    return (
      <section className="panel staff-narrow" aria-labelledby="staff-setup-title">
        <h1 id="staff-setup-title">{t("staff.setup.doneTitle")}</h1>
        <p>{t("staff.setup.recoveryIntro")}</p>
        <p className="notice notice--warning">{t("staff.setup.recoveryOnce")}</p>
        <RecoveryCodeList codes={actionData.recoveryCodes} label={t("staff.setup.doneTitle")} />
        <p>
          <Link className="button" to="/staff">
            {t("staff.setup.continue")}
          </Link>
        </p>
      </section>
    );
  }
  if (loaderData.done) {
    return (
      <section className="panel staff-narrow">
        <h1>{t("staff.setup.alreadyDone")}</h1>
        <p>
          <Link className="button" to="/staff">
            {t("staff.setup.continue")}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="panel staff-narrow" aria-labelledby="staff-setup-title">
      <h1 id="staff-setup-title">{t("staff.setup.title")}</h1>
      <p>{t("staff.setup.intro")}</p>
      <ErrorSummary errors={errors} />
      <ol className="staff-steps">
        <li>
          <p>{t("staff.setup.scan")}</p>
          <img className="staff-qr" src={loaderData.qrCode} alt={t("staff.setup.qrAlt")} width={220} height={220} />
        </li>
        <li>
          <p>{t("staff.setup.manual")}</p>
          <p className="staff-key">
            <code>{loaderData.manualKey}</code>
          </p>
        </li>
        <li>
          <Form method="post" className="form" noValidate>
            <CodeField label={t("staff.setup.code")} error={errors?.code} inputMode="numeric" required />
            <div>
              <button type="submit" className="button">
                {t("staff.setup.submit")}
              </button>
            </div>
          </Form>
        </li>
      </ol>
    </section>
  );
}

export { keepRetryAfter as headers } from "~/platform/rate-limit.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staff.meta.login"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
