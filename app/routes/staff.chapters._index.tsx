// Admins: every chapter, and a new one, so networks can start outside Oslo.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaff } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { ChapterForm } from "~/components/ChapterForm";
import { chapterSchema } from "~/features/chapters/chapter-form";
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
        <ChapterForm values={values} errors={actionData?.errors} submitLabel={t("staff.chapters.submitCreate")} />
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staff.meta.chapters"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
