// One activity for staff: edit it (refused if someone else saved since the form was opened),
// cancel it with a reason (and undo that within a day), duplicate it, and see how many are going.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound } from "~/platform/responses";
import { requireStaff } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { StaffActivityForm } from "~/components/StaffActivityForm";
import { CheckboxField, ErrorSummary, TextField, translateError } from "~/components/forms";
import {
  activityToFormValues,
  CANCEL_REASON_MAX,
  cancelActivitySchema,
  editActivitySchema,
  languagesFromForm,
  overflowCount,
  resolveActivityTimes,
  typedActivityValues,
} from "~/features/activities/activity-form";
import { formatOsloDateTime } from "~/platform/oslo-time";
import { LOCALE_TAGS } from "~/i18n/config";
import { localeFromRequest } from "~/platform/locale.server";
import {
  canUndoCancellation,
  cancelActivity,
  findActivityForEditing,
  undoCancellation,
  updateActivity,
  UNDO_CANCEL_MS,
} from "~/features/activities/staff-activities.server";
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
  const undoable =
    activity.status === "cancelled" &&
    activity.undoable_since !== null &&
    canUndoCancellation({ cancelledAt: activity.undoable_since, startsAt: activity.starts_at });
  return {
    id: activity.id,
    sequence: activity.sequence,
    cancelled: activity.status === "cancelled",
    cancelledAt: activity.cancelled_at ? formatOsloDateTime(activity.cancelled_at, tag) : null,
    cancelReason: activity.status === "cancelled" ? activity.cancel_reason : null,
    undoUntil:
      undoable && activity.undoable_since
        ? formatOsloDateTime(
            new Date(
              Math.min(Date.parse(activity.undoable_since) + UNDO_CANCEL_MS, Date.parse(activity.starts_at)),
            ).toISOString(),
            tag,
          )
        : null,
    offerCount: activity.offer_count ?? 0,
    belongsTo: activity.group_name ?? activity.chapter_name,
    isSeries: activity.series_id !== null,
    goingCount: going,
    waitlistCount: activity.waitlist_count ?? 0,
    capacity: activity.capacity,
    overflow: overflowCount(activity.capacity, going),
    values: activityToFormValues(activity),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireStaff(request);
  const activityId = params.activityId ?? "";
  // Out of scope is 404 before anything in the form is looked at.
  if (!(await findActivityForEditing(db(), viewer.staff, { activityId }))) notFound();
  const form = languagesFromForm(await readFormData(request));

  if (form.get("intent") === "cancel") {
    const parsed = parseForm(form, cancelActivitySchema);
    if (!parsed.ok) {
      const cancel = { errors: parsed.errors, values: { reason: parsed.values.reason ?? "" } };
      return data({ errors: undefined, values: undefined, sequence: undefined, cancel }, { status: 400 });
    }
    const { sequence, reason } = parsed.data;
    const result = await cancelActivity(db(), viewer.staff, { activityId, expectedSequence: sequence, reason });
    if (!result.ok) {
      if (result.error === "notFound") notFound();
      const errors: FieldErrors = { form: "staff.changedSinceOpened" };
      return data({ errors, values: undefined, sequence: undefined, cancel: undefined }, { status: 409 });
    }
    return redirect(`/staff/activities/${activityId}?cancelled=1`, { status: 303 });
  }

  if (form.get("intent") === "undoCancel") {
    const result = await undoCancellation(db(), viewer.staff, { activityId });
    if (!result.ok) {
      if (result.error === "notFound") notFound();
      const errors: FieldErrors = {
        form: result.error === "tooLate" ? "staffNotices.tooLateToUndo" : "staff.changedSinceOpened",
      };
      return data({ errors, values: undefined, sequence: undefined, cancel: undefined }, { status: 409 });
    }
    return redirect(`/staff/activities/${activityId}?restored=1`, { status: 303 });
  }

  const parsed = parseForm(form, editActivitySchema);
  if (!parsed.ok)
    return data(
      { errors: parsed.errors, values: parsed.values, sequence: undefined, cancel: undefined },
      { status: 400 },
    );
  const input = parsed.data;
  const times = resolveActivityTimes(input);
  if (!times.ok)
    return data(
      { errors: times.errors, values: typedActivityValues(form), sequence: undefined, cancel: undefined },
      { status: 400 },
    );

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
    return data(
      { errors, values: typedActivityValues(form), sequence: result.currentSequence, cancel: undefined },
      { status: 409 },
    );
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
        <h1 id="activity-title">{t("staff.activity.editTitle")}</h1>
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
        {searchParams.get("restored") ? (
          <p className="notice notice--success" role="status">
            {t("staffNotices.restored")}
          </p>
        ) : null}
        {activity.cancelled ? (
          <div className="notice notice--warning" role="status">
            <p>{t("staff.activity.isCancelled", { when: activity.cancelledAt ?? "" })}</p>
            {activity.cancelReason ? (
              <p>
                {t("staffNotices.reasonShown")} <bdi>{activity.cancelReason}</bdi>
              </p>
            ) : null}
          </div>
        ) : null}
        <dl className="staff-facts">
          <dt>{t("staff.activity.belongsTo")}</dt>
          <dd>{activity.belongsTo ?? t("staff.activityForm.everyone")}</dd>
          <dt>{t("staff.activity.answers")}</dt>
          <dd>
            {t("staff.activity.counts", {
              going: String(activity.goingCount),
              capacity: String(activity.capacity ?? "∞"),
              waitlist: String(activity.waitlistCount),
            })}
          </dd>
          {activity.offerCount > 0 ? (
            <>
              <dt>{t("staffNotices.offersHeld")}</dt>
              <dd>{t("staffNotices.offersCount", { n: String(activity.offerCount) })}</dd>
            </>
          ) : null}
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

      {activity.cancelled ? (
        activity.undoUntil ? (
          <section className="panel" aria-labelledby="undo-title">
            <h2 id="undo-title">{t("staffNotices.undoHeading")}</h2>
            <p>{t("staffNotices.undoExplain", { until: activity.undoUntil })}</p>
            <Form method="post">
              <button type="submit" className="button" name="intent" value="undoCancel">
                {t("staffNotices.undo")}
              </button>
            </Form>
          </section>
        ) : null
      ) : (
        <section className="panel" aria-labelledby="cancel-title">
          <h2 id="cancel-title">{t("staff.activity.cancelHeading")}</h2>
          <p>{t("staffNotices.cancelExplain")}</p>
          <Form method="post" noValidate>
            <ErrorSummary errors={actionData?.cancel?.errors} fieldOrder={["reason", "confirm"]} />
            <input type="hidden" name="sequence" value={activity.sequence} />
            <TextField
              name="reason"
              label={t("staffNotices.reasonLabel")}
              hint={t("staffNotices.reasonHint", { max: String(CANCEL_REASON_MAX) })}
              error={actionData?.cancel?.errors.reason}
              defaultValue={actionData?.cancel?.values.reason ?? ""}
              maxLength={CANCEL_REASON_MAX}
              required
            />
            <CheckboxField name="confirm" value="yes" label={t("staffNotices.confirmLabel")} />
            {actionData?.cancel?.errors.confirm ? (
              <p className="field__error">{translateError(t, actionData.cancel.errors.confirm)}</p>
            ) : null}
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
