// One activity for staff: edit it (refused if someone else saved since the form was opened),
// cancel it, duplicate it, and see how many are going.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { notFound } from "~/platform/responses";
import { requireStaff } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { StaffActivityForm } from "~/components/StaffActivityForm";
import { GoingCount } from "~/components/StaffWeek";
import {
  activityToFormValues,
  editActivitySchema,
  languagesFromForm,
  overflowCount,
  resolveActivityTimes,
  typedActivityValues,
} from "~/features/activities/activity-form";
import { formatOsloDateTime } from "~/platform/oslo-time";
import { LOCALE_TAGS } from "~/i18n/config";
import { localeFromRequest } from "~/platform/locale.server";
import { cancelActivity, findActivityForEditing, updateActivity } from "~/features/activities/staff-activities.server";
import { db } from "~/platform/db.server";
import { parseForm, type FieldErrors } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request);
  const activity = await findActivityForEditing(db(), viewer.staff, { activityId: params.activityId ?? "" });
  if (!activity) notFound();
  const going = activity.going_count ?? 0;
  const tag = LOCALE_TAGS[localeFromRequest(request)];
  return {
    id: activity.id,
    title: activity.title,
    when: formatOsloDateTime(activity.starts_at, tag),
    sequence: activity.sequence,
    cancelled: activity.status === "cancelled",
    cancelledAt: activity.cancelled_at ? formatOsloDateTime(activity.cancelled_at, tag) : null,
    belongsTo: activity.group_name ?? activity.chapter_name,
    isSeries: activity.series_id !== null,
    goingCount: going,
    waitlistCount: activity.waitlist_count ?? 0,
    capacity: activity.capacity,
    overflow: overflowCount(activity.capacity, going),
    values: activityToFormValues(activity),
  };
}

const cancelSchema = z.object({
  sequence: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireStaff(request);
  const activityId = params.activityId ?? "";
  // Out of scope is 404 before anything in the form is looked at.
  if (!(await findActivityForEditing(db(), viewer.staff, { activityId }))) notFound();
  const form = languagesFromForm(await readFormData(request));

  if (form.get("intent") === "cancel") {
    const parsed = parseForm(form, cancelSchema);
    const result = parsed.ok
      ? await cancelActivity(db(), viewer.staff, { activityId, expectedSequence: parsed.data.sequence })
      : ({ ok: false, error: "changedSinceOpened" } as const);
    if (!result.ok) {
      if (result.error === "notFound") notFound();
      const errors: FieldErrors = { form: "staff.changedSinceOpened" };
      return data({ errors, values: undefined, sequence: undefined }, { status: 409 });
    }
    return redirect(`/staff/activities/${activityId}?cancelled=1`, { status: 303 });
  }

  const parsed = parseForm(form, editActivitySchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, sequence: undefined }, { status: 400 });
  const input = parsed.data;
  const times = resolveActivityTimes(input);
  if (!times.ok)
    return data({ errors: times.errors, values: typedActivityValues(form), sequence: undefined }, { status: 400 });

  const result = await updateActivity(db(), viewer.staff, {
    activityId,
    expectedSequence: input.sequence,
    title: input.title,
    description: input.description,
    area: input.area,
    address: input.address,
    capacity: input.capacity,
    languages: input.languages,
    interpreterAvailable: input.interpreter,
    ...times.times,
  });
  if (!result.ok) {
    if (result.error === "notFound") notFound();
    // Nothing was written; what this person typed stays in the form so it is not lost. Saving
    // again now is a deliberate choice to overwrite, so the form takes the current sequence.
    const errors: FieldErrors = { form: "staff.changedSinceOpened" };
    return data({ errors, values: typedActivityValues(form), sequence: result.currentSequence }, { status: 409 });
  }
  return redirect(`/staff/activities/${activityId}?saved=1`, { status: 303 });
}

export default function EditActivity() {
  const activity = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const created = Number(searchParams.get("created") ?? 0);
  return (
    <div className="stack">
      <section className="panel" aria-labelledby="activity-title">
        <p>
          <Link to="/staff">{t("staff.backHome")}</Link>
        </p>
        {/* Headed with what it is and when, so a coordinator with three tabs open knows which is which. */}
        <h1 id="activity-title" className="staff-activity-title">
          {activity.title}
        </h1>
        <p className="lead">{activity.when}</p>
        {created > 0 ? (
          <p className="notice notice--success" role="status">
            {t("staff.activity.created", { count: created })}
          </p>
        ) : null}
        {searchParams.get("saved") ? (
          <p className="notice notice--success" role="status">
            {t("staff.activity.saved")}
          </p>
        ) : null}
        {activity.cancelled ? (
          <p className="notice notice--warning" role="status">
            {t("staff.activity.isCancelled", { when: activity.cancelledAt ?? "" })}
          </p>
        ) : null}
        <dl className="staff-facts">
          <dt>{t("staff.activity.belongsTo")}</dt>
          <dd>{activity.belongsTo ?? t("staff.activityForm.everyone")}</dd>
          <dt>{t("staff.activity.answers")}</dt>
          <dd>
            <GoingCount goingCount={activity.goingCount} capacity={activity.capacity} />
            {activity.waitlistCount > 0 ? ` · ${t("staffWeek.waitlist", { n: String(activity.waitlistCount) })}` : null}
          </dd>
        </dl>
        {activity.overflow > 0 ? (
          <p className="notice notice--warning">{t("staff.activity.overflow", { count: activity.overflow })}</p>
        ) : null}
        {activity.isSeries ? <p className="muted">{t("staff.activity.partOfSeries")}</p> : null}
        <div className="button-row">
          <Link className="button button--secondary" to={`/staff/activities/${activity.id}/answers`}>
            {t("staff.activity.seeAnswers")}
          </Link>
          <Link className="button button--secondary" to={`/staff/activities/new?from=${activity.id}`}>
            {t("staff.activity.duplicate")}
          </Link>
        </div>
      </section>

      <section className="panel" aria-labelledby="edit-title">
        <h2 id="edit-title">{t("staff.activity.editHeading")}</h2>
        <StaffActivityForm
          mode="edit"
          values={actionData?.values ?? activity.values}
          errors={actionData?.errors}
          submitLabel={t("staff.activity.save")}
        >
          <input type="hidden" name="sequence" value={actionData?.sequence ?? activity.sequence} />
        </StaffActivityForm>
      </section>

      {activity.cancelled ? null : (
        <section className="panel" aria-labelledby="cancel-title">
          <h2 id="cancel-title">{t("staff.activity.cancelHeading")}</h2>
          <p>{t("staff.activity.cancelExplain")}</p>
          <Form method="post">
            <input type="hidden" name="sequence" value={activity.sequence} />
            <button type="submit" className="button button--danger" name="intent" value="cancel">
              {t("staff.activity.cancel")}
            </button>
          </Form>
        </section>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staff.meta.activity"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
