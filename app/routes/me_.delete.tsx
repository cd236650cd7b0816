// Deleting one's own account: a confirmation page, then everything goes at once (one transaction).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { clearSessionCookie } from "~/features/sessions/sessions.server";
import { getViewer, requireMember } from "~/features/sessions/viewer.server";
import { CheckboxField, ErrorSummary } from "~/components/forms";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { deleteOwnAccount } from "~/features/members/member-data.server";
import { db } from "~/platform/db.server";
import { parseForm } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  // After deleting, the person is signed out and lands here once more to read that it is done.
  if (new URL(request.url).searchParams.has("done") && (await getViewer(request)).kind === "anonymous") {
    return { deleted: true };
  }
  await requireMember(request);
  return { deleted: false };
}

const confirmSchema = z.object({
  confirm: z.literal("yes", { errorMap: () => ({ message: "safety.confirmDelete" }) }),
});

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireMember(request);
  const parsed = parseForm(await readFormData(request), confirmSchema);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  await deleteOwnAccount(db(), viewer.member);
  return redirect("/me/delete?done", { status: 303, headers: { "Set-Cookie": clearSessionCookie() } });
}

export default function DeleteAccount() {
  const { deleted } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  if (deleted) {
    return (
      <section className="panel" aria-labelledby="deleted-title">
        <h1 id="deleted-title">{t("safety.deleteAccount.deletedTitle")}</h1>
        <p>{t("safety.deleteAccount.deletedBody")}</p>
        <p>
          <Link className="button" to="/">
            {t("safety.deleteAccount.goHome")}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="panel stack" aria-labelledby="delete-title">
      <ErrorSummary errors={result?.errors} />
      <h1 id="delete-title">{t("safety.deleteAccount.title")}</h1>
      <p className="lead">{t("safety.deleteAccount.intro")}</p>
      <p>{t("safety.deleteAccount.whatGoes")}</p>
      <p>{t("safety.deleteAccount.whatStays")}</p>
      <p>
        {t("safety.deleteAccount.download")}{" "}
        <a href="/me/data" download>
          {t("safety.deleteAccount.downloadLink")}
        </a>
      </p>
      <Form method="post" className="form">
        <CheckboxField name="confirm" value="yes" label={t("safety.deleteAccount.confirmLabel")} />
        <div className="button-row">
          <button type="submit" className="button button--danger">
            {t("safety.deleteAccount.submit")}
          </button>
          <Link className="button button--secondary" to="/me">
            {t("safety.deleteAccount.cancel")}
          </Link>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("safety.meta.deleteAccount"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
