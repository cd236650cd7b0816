// Admins: the staff accounts, and a new one with a first password shown once.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaff } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { ErrorSummary, TextField } from "~/components/forms";
import { joinCheckboxes } from "~/features/activities/activity-form";
import { staffAccountSchema } from "~/features/staff/staff-account-form";
import { listChaptersForStaff } from "~/features/chapters/staff-chapters.server";
import { createStaffAccount, deactivateStaffAccount, listStaffAccounts } from "~/features/staff/staff.server";
import { db } from "~/platform/db.server";
import { parseForm, type FieldErrors } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request, "admin");
  const [accounts, chapters] = await Promise.all([listStaffAccounts(db()), listChaptersForStaff(db(), viewer.staff)]);
  return { accounts, chapters, myId: viewer.staff.id };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireStaff(request, "admin");
  const form = await readFormData(request);
  if (form.get("intent") === "deactivate") {
    const staffId = String(form.get("staffId") ?? "").slice(0, 100);
    if (!(await deactivateStaffAccount(db(), viewer.staff, { staffId })))
      throw new Response("Not found", { status: 404 });
    return { errors: undefined, values: undefined, created: null };
  }
  const parsed = parseForm(joinCheckboxes(form, "chapterIds"), staffAccountSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, created: null }, { status: 400 });
  const result = await createStaffAccount(db(), viewer.staff, parsed.data);
  if (!result.ok) {
    const errors: FieldErrors = { email: "staff.emailTaken" };
    const values: Record<string, string> = {
      email: parsed.data.email,
      displayName: parsed.data.displayName,
      role: parsed.data.role,
    };
    return data({ errors, values, created: null }, { status: 400 });
  }
  // Shown once, from this response; only its hash is stored.
  return {
    errors: undefined,
    values: undefined,
    created: { email: parsed.data.email, initialPassword: result.initialPassword },
  };
}

export default function Accounts() {
  const { accounts, chapters, myId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const values: Record<string, string> = actionData?.values ?? { role: "coordinator" };
  return (
    <div className="stack">
      <section className="panel">
        <p>
          <Link to="/staff">{t("staff.backHome")}</Link>
        </p>
        <h1>{t("staff.accounts.title")}</h1>
        {actionData?.created ? (
          <div className="notice notice--warning" role="status">
            <h2>{t("staff.accounts.createdTitle")}</h2>
            <p>{actionData.created.email}</p>
            <p>
              {t("staff.accounts.initialPassword")}{" "}
              <strong className="staff-code">{actionData.created.initialPassword}</strong>
            </p>
            <p>{t("staff.accounts.initialPasswordOnce")}</p>
          </div>
        ) : null}
        <ul className="staff-answer-list">
          {accounts.map((a) => (
            <li key={a.id}>
              <p>
                <strong>{a.display_name}</strong> <span className="muted">{a.email}</span>
              </p>
              <p className="muted">
                {t(`staff.accounts.roles.${a.role}`)} ·{" "}
                {a.totpEnabled ? t("staff.accounts.totpOn") : t("staff.accounts.totpOff")}
                {a.deactivated_at ? ` · ${t("staff.accounts.deactivated")}` : ""}
                {a.role === "coordinator" && a.chapterIds.length > 0
                  ? ` · ${chapters
                      .filter((c) => a.chapterIds.includes(c.id))
                      .map((c) => c.name)
                      .join(", ")}`
                  : ""}
              </p>
              {!a.deactivated_at && a.id !== myId ? (
                <Form method="post">
                  <input type="hidden" name="staffId" value={a.id} />
                  <button type="submit" name="intent" value="deactivate" className="link-button">
                    {t("staff.accounts.deactivate")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="new-account">
        <h2 id="new-account">{t("staff.accounts.create")}</h2>
        <ErrorSummary errors={actionData?.errors} fieldOrder={["email", "displayName", "role", "chapterIds"]} />
        <Form method="post" className="form" noValidate>
          <TextField
            name="email"
            type="email"
            label={t("staff.accounts.email")}
            error={actionData?.errors?.email}
            defaultValue={values.email ?? ""}
            required
          />
          <TextField
            name="displayName"
            label={t("staff.accounts.displayName")}
            error={actionData?.errors?.displayName}
            defaultValue={values.displayName ?? ""}
            required
          />
          <fieldset id="field-role">
            <legend>{t("staff.accounts.role")}</legend>
            {(["coordinator", "admin"] as const).map((role) => (
              <label key={role} className="staff-checkbox">
                <input type="radio" name="role" value={role} defaultChecked={values.role === role} />
                <span>{t(`staff.accounts.roles.${role}`)}</span>
              </label>
            ))}
          </fieldset>
          <fieldset id="field-chapterIds">
            <legend>{t("staff.accounts.chapters")}</legend>
            {chapters.map((c) => (
              <label key={c.id} className="staff-checkbox">
                <input type="checkbox" name="chapterIds" value={c.id} />
                <span>{c.name}</span>
              </label>
            ))}
          </fieldset>
          <div>
            <button type="submit" className="button">
              {t("staff.accounts.submit")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staff.meta.accounts"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
