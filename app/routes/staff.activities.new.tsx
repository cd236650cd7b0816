// A new activity (or a weekly series), for a group or a whole chapter. `?from=<id>` duplicates
// an existing one into the form; `?target=group:<id>` preselects where it belongs.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound } from "~/features/staff/staff-access.server";
import { requireStaff, type StaffViewer } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { StaffActivityForm, type TargetGroup } from "~/components/StaffActivityForm";
import {
  activityToFormValues,
  languagesFromForm,
  newActivitySchema,
  parseTarget,
  planOccurrences,
  typedActivityValues,
} from "~/features/activities/activity-form";
import { recordAudit } from "~/features/audit/audit.server";
import { findGroupForStaff, listGroupsForStaff } from "~/features/groups/groups.server";
import { createActivities, findActivityForEditing } from "~/features/activities/staff-activities.server";
import { findChapterForStaff, listChaptersForStaff } from "~/features/chapters/staff-chapters.server";
import { db } from "~/platform/db.server";
import { parseForm, type FieldErrors } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request);
  const url = new URL(request.url);
  const [chapters, groups] = await Promise.all([
    listChaptersForStaff(db(), viewer.staff),
    listGroupsForStaff(db(), viewer.staff),
  ]);
  let values: Record<string, string> = { languages: "nb" };
  const from = url.searchParams.get("from");
  if (from) {
    const original = await findActivityForEditing(db(), viewer.staff, from);
    if (!original) notFound();
    values = {
      ...activityToFormValues(original),
      target: original.group_id ? `group:${original.group_id}` : original.chapter_id ? `chapter:${original.chapter_id}` : "national",
    };
  }
  const target = url.searchParams.get("target");
  if (target) values.target = target;
  return {
    values,
    duplicating: Boolean(from),
    isAdmin: viewer.staff.role === "admin",
    chapters: chapters.map((c) => ({ id: c.id, name: c.name })),
    groups: groups.map((g) => ({ id: g.id, name: g.name, chapterId: g.chapter_id, audience: g.audience })),
  };
}

/** Where the activity belongs, checked against the staff member's scope; 404 when outside it. */
async function resolveTarget(viewer: StaffViewer, target: string) {
  const parsed = parseTarget(target);
  if (parsed.kind === "national") {
    if (viewer.staff.role !== "admin") notFound();
    return { chapterId: null, groupId: null };
  }
  if (parsed.kind === "chapter") {
    const chapter = await findChapterForStaff(db(), viewer.staff, { chapterId: parsed.id });
    if (!chapter) notFound();
    return { chapterId: chapter.id, groupId: null };
  }
  const group = await findGroupForStaff(db(), viewer.staff, { groupId: parsed.id });
  if (!group) notFound();
  return { chapterId: group.chapter_id, groupId: group.id };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireStaff(request);
  const form = languagesFromForm(await readFormData(request));
  const parsed = parseForm(form, newActivitySchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const input = parsed.data;
  const where = await resolveTarget(viewer, input.target);

  const plan = planOccurrences(input);
  if (!plan.ok || !plan.occurrences) {
    const errors: FieldErrors = plan.ok ? {} : plan.errors;
    return data({ errors, values: typedActivityValues(form) }, { status: 400 });
  }

  const created = await createActivities(db(), {
    ...where,
    title: input.title,
    description: input.description,
    area: input.area,
    address: input.address,
    capacity: input.capacity,
    languages: input.languages,
    interpreterAvailable: input.interpreter,
    createdByStaffId: viewer.staff.id,
    occurrences: plan.occurrences,
  });
  if (!created.duplicate) {
    await recordAudit(db(), {
      actorStaffId: viewer.staff.id,
      action: "activity.create",
      objectType: "activity",
      objectId: created.ids[0] ?? null,
      details: {
        chapterId: where.chapterId,
        groupId: where.groupId,
        occurrences: created.ids.length,
        seriesId: created.seriesId,
      },
    });
  }
  return redirect(`/staff/activities/${created.ids[0]}?created=${created.ids.length}`, { status: 303 });
}

export default function NewActivity() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const targets: TargetGroup[] = loaderData.chapters.map((chapter) => ({
    label: chapter.name,
    options: [
      { value: `chapter:${chapter.id}`, label: t("staff.activityForm.wholeChapter", { chapter: chapter.name }) },
      ...loaderData.groups
        .filter((g) => g.chapterId === chapter.id)
        .map((g) => ({ value: `group:${g.id}`, label: `${g.name} (${t(`staff.audience.${g.audience}`)})` })),
    ],
  }));
  if (loaderData.isAdmin) {
    targets.push({
      label: t("staff.activityForm.national"),
      options: [
        { value: "national", label: t("staff.activityForm.everyone") },
        ...loaderData.groups
          .filter((g) => g.chapterId === null)
          .map((g) => ({ value: `group:${g.id}`, label: `${g.name} (${t(`staff.audience.${g.audience}`)})` })),
      ],
    });
  }
  return (
    <section className="panel" aria-labelledby="new-activity-title">
      <p>
        <Link to="/staff">{t("staff.backHome")}</Link>
      </p>
      <h1 id="new-activity-title">{loaderData.duplicating ? t("staff.activity.duplicateTitle") : t("staff.activity.newTitle")}</h1>
      <StaffActivityForm
        mode="new"
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.errors}
        targets={targets}
        submitLabel={t("staff.activity.publish")}
      />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staff.meta.activity"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
