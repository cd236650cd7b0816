// A new group in one of the staff member's chapters, or (admins) a national/online group.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { notFound } from "~/platform/responses";
import { requireStaff } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { StaffGroupForm } from "~/components/StaffGroupForm";
import { newGroupSchema } from "~/features/groups/group-form";
import { createGroup } from "~/features/groups/groups.server";
import { listChaptersForStaff } from "~/features/chapters/staff-chapters.server";
import { db } from "~/platform/db.server";
import { parseForm } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request);
  const chapters = await listChaptersForStaff(db(), viewer.staff);
  return { chapters: chapters.map((c) => ({ id: c.id, name: c.name })), isAdmin: viewer.staff.role === "admin" };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireStaff(request);
  const parsed = parseForm(await readFormData(request), newGroupSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const groupId = await createGroup(db(), viewer.staff, parsed.data);
  if (!groupId) notFound();
  return redirect(`/staff/groups/${groupId}?created=1`, { status: 303 });
}

export default function NewGroup() {
  const { chapters, isAdmin } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const values: Record<string, string> = actionData?.values ?? {
    chapter: searchParams.get("chapter") ?? (chapters.length === 0 && isAdmin ? "national" : ""),
    audience: "everyone",
    joinPolicy: "approval",
  };
  return (
    <section className="panel">
      <p>
        <Link to="/staff">{t("staff.backHome")}</Link>
      </p>
      <h1>{t("staff.groups.newTitle")}</h1>
      <StaffGroupForm
        values={values}
        errors={actionData?.errors}
        chapters={[
          ...chapters.map((c) => ({ value: c.id, label: c.name })),
          ...(isAdmin ? [{ value: "national", label: t("staff.groups.nationalOption") }] : []),
        ]}
        submitLabel={t("staff.groups.submitCreate")}
      />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staff.meta.group"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
