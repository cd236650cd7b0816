import { data, type ActionFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { CodeField, PassphraseField, PseudonymField } from "~/components/CredentialFields";
import { ErrorSummary } from "~/components/forms";
import { isCommonPassword } from "~/platform/common-passwords.server";
import { resetPassphraseFromForm } from "~/features/members/member-account.server";
import { clientAddress, retryAfterHeaders } from "~/platform/rate-limit.server";
import { resetSchema } from "~/features/members/member-forms";
import { db } from "~/platform/db.server";
import { parseForm, type FieldErrors } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const parsed = parseForm(form, resetSchema(isCommonPassword), ["passphrase", "code"]);
  if (!parsed.ok) return data({ done: false, errors: parsed.errors, values: parsed.values }, { status: 400 });

  const result = await resetPassphraseFromForm(db(), { client: clientAddress(context) }, parsed.data);
  if (!result.ok) {
    const values = { pseudonym: parsed.data.pseudonym };
    if ("error" in result) {
      return data(
        { done: false, errors: { form: "members.tooManyAttempts" } as FieldErrors, values },
        { status: 429, headers: retryAfterHeaders(result.retryAfterSeconds) },
      );
    }
    return data({ done: false, errors: { form: "members.resetFailed" } as FieldErrors, values }, { status: 400 });
  }
  return { done: true, errors: null, values: null };
}

export default function Reset() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  if (actionData?.done) {
    return (
      <section className="panel stack" aria-labelledby="reset-title">
        <h1 id="reset-title">{t("reset.title")}</h1>
        <p className="notice notice--success" role="status">
          {t("reset.done")}
        </p>
        <p>
          <Link className="button" to="/login">
            {t("login.submit")}
          </Link>
        </p>
      </section>
    );
  }
  const errors = actionData?.errors ?? undefined;
  const values: Record<string, string> = actionData?.values ?? {};
  return (
    <section className="panel stack" aria-labelledby="reset-title">
      <h1 id="reset-title">{t("reset.title")}</h1>
      <p>{t("reset.intro")}</p>
      <ErrorSummary errors={errors} fieldOrder={["form", "pseudonym", "code", "passphrase"]} />
      <Form method="post" className="form" noValidate>
        <PseudonymField
          label={t("reset.pseudonymLabel")}
          error={errors?.pseudonym}
          defaultValue={values.pseudonym ?? ""}
        />
        <CodeField label={t("reset.codeLabel")} error={errors?.code} maxLength={100} />
        <PassphraseField
          purpose="new"
          label={t("reset.passphraseLabel")}
          hint={t("join.passphraseHint")}
          error={errors?.passphrase}
        />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("reset.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export { keepRetryAfter as headers } from "~/platform/rate-limit.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("reset.metaTitle"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
