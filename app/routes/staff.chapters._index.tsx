// Admins: every chapter, and a new one, so networks can start outside Oslo.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { ErrorSummary, TextField } from "~/components/forms";
import { chapterSchema } from "~/features/staff/staff-forms";
import { createChapter, listChaptersForStaff } from "~/features/chapters/staff-chapters.server";
import { db } from "~/platform/db.server";
import { parseForm, type FieldErrors } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request, "admin");
  return { chapters: await listChaptersForStaff(db(), viewer.staff) };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireStaff(request, "admin");
  const parsed = parseForm(await readFormData(request), chapterSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await createChapter(db(), viewer.staff, parsed.data);
  if (!result.ok) {
    const errors: FieldErrors = { slug: "staff.slugTaken" };
    return data({ errors, values: parsed.data }, { status: 400 });
  }
  return redirect(`/staff/chapters/${result.chapterId}?created=1`, { status: 303 });
}

export default function Chapters() {
  const { chapters } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const values: Record<string, string> = actionData?.values ?? {};
  return (
    <div className="stack">
      <section className="panel">
        <p>
          <Link to="/staff">{t("staff.backHome")}</Link>
        </p>
        <h1>{t("staff.chapters.title")}</h1>
        <ul className="staff-list">
          {chapters.map((c) => (
            <li key={c.id}>
              <Link to={`/staff/chapters/${c.id}`}>{c.name}</Link> <span className="muted">{c.region}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="new-chapter">
        <h2 id="new-chapter">{t("staff.chapters.create")}</h2>
        <ErrorSummary errors={actionData?.errors} fieldOrder={["name", "slug", "region"]} />
        <Form method="post" className="form" noValidate>
          <TextField name="name" label={t("staff.chapters.name")} error={actionData?.errors.name} defaultValue={values.name ?? ""} required />
          <TextField
            name="slug"
            label={t("staff.chapters.slug")}
            hint={t("staff.chapters.slugHint")}
            error={actionData?.errors.slug}
            defaultValue={values.slug ?? ""}
            required
          />
          <TextField name="region" label={t("staff.chapters.region")} error={actionData?.errors.region} defaultValue={values.region ?? ""} required />
          <div>
            <button type="submit" className="button">
              {t("staff.chapters.submitCreate")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staff.meta.chapters"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
