// A new activity (or a weekly series), for a group or a whole chapter. `?from=<id>` duplicates
// an existing one into the form; `?target=group:<id>` preselects where it belongs.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { notFound } from "~/platform/responses";
import { requireStaff } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { StaffActivityForm, type TargetGroup } from "~/components/StaffActivityForm";
import {
  activityToFormValues,
  joinCheckboxes,
  languagesFromForm,
  newActivitySchema,
  publishChoicesSchema,
  typedActivityValues,
} from "~/features/activities/activity-form";
import { localeFromRequest } from "~/platform/locale.server";
import { listGroupsForStaff } from "~/features/groups/groups.server";
import { findActivityForEditing, publishActivities } from "~/features/activities/staff-activities.server";
import { listChaptersForStaff } from "~/features/chapters/staff-chapters.server";
import { db } from "~/platform/db.server";
import { parseForm } from "~/platform/forms";
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
    const original = await findActivityForEditing(db(), viewer.staff, { activityId: from });
    if (!original) notFound();
    values = {
      ...activityToFormValues(original),
      target: original.group_id
        ? `group:${original.group_id}`
        : original.chapter_id
          ? `chapter:${original.chapter_id}`
          : "national",
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

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireStaff(request);
  const form = joinCheckboxes(
    joinCheckboxes(languagesFromForm(await readFormData(request)), "skipDates"),
    "holidaysReviewed",
  );
  const parsed = parseForm(form, newActivitySchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, holidays: null }, { status: 400 });
  const choices = parseForm(form, publishChoicesSchema);
  const chosen = choices.ok ? choices.data : { intent: "save" as const, pastConfirmed: false };
  const published = await publishActivities(db(), viewer.staff, parsed.data, new Date(), {
    ...chosen,
    draft: chosen.intent === "draft",
    holidayLanguage: localeFromRequest(request) === "nb" ? "no" : "en",
  });
  if (!published.ok && published.error === "notFound") notFound();
  if (!published.ok && published.error === "holidays")
    return data(
      { errors: undefined, values: typedActivityValues(form), holidays: published.holidays },
      { status: 200 },
    );
  if (!published.ok)
    return data({ errors: published.errors, values: typedActivityValues(form), holidays: null }, { status: 400 });
  const draft = published.draft ? "&draft=1" : "";
  return redirect(`/staff/activities/${published.ids[0]}?created=${published.ids.length}${draft}`, { status: 303 });
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
      <h1 id="new-activity-title">
        {loaderData.duplicating ? t("staff.activity.duplicateTitle") : t("staff.activity.newTitle")}
      </h1>
      <StaffActivityForm
        mode="new"
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.errors}
        targets={targets}
        submitLabel={t("staff.activity.publish")}
        holidays={actionData?.holidays ?? undefined}
        allowDraft
      />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staff.meta.activity"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
