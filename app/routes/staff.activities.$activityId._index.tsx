// One activity for staff: edit it, or its series from this date on (refused if someone else saved
// since the form was opened), skip dates, cancel it or the rest of its series, copy it to another
// date, publish a draft, send a message to those going, and see how many are going. Cancelling
// asks for a reason (members are told it) and can be undone within a day.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useLocation,
  useSearchParams,
  type MetaFunction,
} from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { notFound } from "~/platform/responses";
import { requireStaff } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { StaffActivityForm } from "~/components/StaffActivityForm";
import { CheckboxField, ErrorSummary, TextAreaField, TextField, translateError } from "~/components/forms";
import { GoingCount } from "~/components/StaffWeek";
import {
  activityToFormValues,
  CANCEL_REASON_MAX,
  cancelActivitySchema,
  cancelRestSchema,
  editActivitySchema,
  formatSequences,
  joinCheckboxes,
  languagesFromForm,
  overflowCount,
  parseSequences,
  skipReasonSchema,
  typedActivityValues,
} from "~/features/activities/activity-form";
import { addDaysToDateInput, formatOsloDateInput, formatOsloDateTime, formatOsloDay } from "~/platform/oslo-time";
import { useLocaleTag } from "~/components/ActivityTime";
import { LOCALE_TAGS } from "~/i18n/config";
import { localeFromRequest } from "~/platform/locale.server";
import {
  canUndoCancellation,
  cancelActivity,
  cancelRestOfSeries,
  copyActivity,
  findActivityForEditing,
  hasStarted,
  listCancelledTogether,
  listSeriesOccurrences,
  publishDraft,
  skipOccurrences,
  undoCancellation,
  undoCancelledTogether,
  UNDO_CANCEL_MS,
  updateSeries,
} from "~/features/activities/staff-activities.server";
import { MESSAGE_MAX, staffMessageSchema } from "~/features/staff-messages/staff-message-rules";
import { sendStaffMessage } from "~/features/staff-messages/staff-messages.server";
import { db } from "~/platform/db.server";
import { parseForm, type FieldErrors, type ValidationCode } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request);
  const activity = await findActivityForEditing(db(), viewer.staff, { activityId: params.activityId ?? "" });
  if (!activity) notFound();
  const going = activity.going_count ?? 0;
  const occurrences =
    activity.series_id === null ? [] : await listSeriesOccurrences(db(), viewer.staff, { activityId: activity.id });
  const tag = LOCALE_TAGS[localeFromRequest(request)];
  const undoable =
    activity.status === "cancelled" &&
    activity.undoable_since !== null &&
    canUndoCancellation({ cancelledAt: activity.undoable_since, startsAt: activity.starts_at });
  // The dates "cancel the rest" would cancel (this one included), and those cancelled with this one.
  const restCount = occurrences.filter(
    (o) => o.status === "scheduled" && o.startsAt >= activity.starts_at && !hasStarted(o.startsAt),
  ).length;
  const cancelledTogether = undoable
    ? (await listCancelledTogether(db(), viewer.staff, { activityId: activity.id })).length
    : 0;
  return {
    id: activity.id,
    title: activity.title,
    when: formatOsloDateTime(activity.starts_at, tag),
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
    offerCount: Number(activity.offer_count ?? 0),
    belongsTo: activity.group_name ?? activity.chapter_name,
    isSeries: activity.series_id !== null,
    draft: activity.draft === 1,
    day: formatOsloDateInput(activity.starts_at),
    // A date that has started cannot be skipped (its box is greyed out).
    occurrences: occurrences.map((o) => ({ ...o, started: hasStarted(o.startsAt) })),
    seriesSequences: formatSequences(occurrences),
    restCount,
    cancelledTogether,
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

const sequencesSchema = z.object({
  seriesSequences: z
    .string()
    .optional()
    .transform((v) => parseSequences(v ?? "")),
  skip: z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(",").filter(Boolean).slice(0, 400)),
  copyDate: z.string().optional().default(""),
  pastConfirmed: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

const notSaved = (sequence?: number) =>
  data(
    { errors: { form: "staff.changedSinceOpened" } as FieldErrors, values: undefined, sequence, notice: undefined },
    { status: 409 },
  );

/**
 * Refused cancel input: the errors go next to the fields in the cancel form, and the typed reason
 * and tick stay. A conflict (someone changed a date meanwhile) is said there too, with a 409.
 */
function cancelRefused(errors: FieldErrors, form: FormData, status = 400) {
  const typed = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const cancel = { errors, values: { reason: typed("reason"), confirm: typed("confirm") } };
  return data({ errors: undefined, values: undefined, sequence: undefined, notice: undefined, cancel }, { status });
}

/**
 * Cancel, skip and undo refused because a date changed meanwhile: nothing was done. Remix reads the
 * page's data again after the action (also after a 409), so a second try uses the dates as they are
 * now (tests/e2e/staff-programme.test.ts tries it).
 */
const CHANGED: FieldErrors = { form: "staffSeries.changedMeanwhile" };

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireStaff(request);
  const activityId = params.activityId ?? "";
  // Out of scope is 404 before anything in the form is looked at.
  if (!(await findActivityForEditing(db(), viewer.staff, { activityId }))) notFound();
  const form = joinCheckboxes(languagesFromForm(await readFormData(request)), "skip");
  const intent = form.get("intent");
  const extra = parseForm(form, sequencesSchema);
  const { seriesSequences, skip, copyDate, pastConfirmed } = extra.ok
    ? extra.data
    : { seriesSequences: {}, skip: [], copyDate: "", pastConfirmed: false };

  if (intent === "cancel") {
    const parsed = parseForm(form, cancelActivitySchema);
    if (!parsed.ok) return cancelRefused(parsed.errors, form);
    const { sequence, reason } = parsed.data;
    const result = await cancelActivity(db(), viewer.staff, { activityId, expectedSequence: sequence, reason });
    if (!result.ok) {
      if (result.error === "notFound") notFound();
      return cancelRefused(CHANGED, form, 409);
    }
    return redirect(`/staff/activities/${activityId}?cancelled=1`, { status: 303 });
  }

  // The same form's other button: the same reason and tick, for every date from this one on.
  if (intent === "cancelRest") {
    const parsed = parseForm(form, cancelRestSchema);
    if (!parsed.ok) return cancelRefused(parsed.errors, form);
    const result = await cancelRestOfSeries(db(), viewer.staff, {
      activityId,
      expectedSequences: seriesSequences,
      reason: parsed.data.reason,
    });
    if (!result.ok) {
      if (result.error === "notFound") notFound();
      return cancelRefused(CHANGED, form, 409);
    }
    // Shown on a cancelled date, where the undo is: this one, unless it had started (then it stays).
    const landing = result.changedIds.includes(activityId) ? activityId : (result.changedIds[0] ?? activityId);
    return redirect(`/staff/activities/${landing}?cancelledRest=${result.changedIds.length}`, { status: 303 });
  }

  if (intent === "message") {
    const parsed = parseForm(form, staffMessageSchema);
    if (!parsed.ok) {
      const message = {
        errors: parsed.errors,
        values: { body: String(form.get("body") ?? ""), includeWaitlist: form.get("includeWaitlist") === "on" },
      };
      return data(
        { errors: undefined, values: undefined, sequence: undefined, notice: undefined, message },
        { status: 400 },
      );
    }
    const result = await sendStaffMessage(db(), viewer.staff, { activityId, ...parsed.data });
    if (!result.ok) notFound();
    return redirect(`/staff/activities/${activityId}?messaged=${result.recipients}`, { status: 303 });
  }

  if (intent === "undoCancel" || intent === "undoTogether") {
    const result =
      intent === "undoTogether"
        ? await undoCancelledTogether(db(), viewer.staff, { activityId })
        : await undoCancellation(db(), viewer.staff, { activityId });
    if (!result.ok) {
      if (result.error === "notFound") notFound();
      // Shown at the top of the page: a refused undo must not hide inside the edit form.
      const undoError: ValidationCode =
        result.error === "tooLate" ? "staffNotices.tooLateToUndo" : "staffSeries.changedMeanwhile";
      return data(
        { errors: undefined, values: undefined, sequence: undefined, notice: undefined, undoError },
        {
          status: 409,
        },
      );
    }
    const restored = "restored" in result ? result.restored : 1;
    return redirect(`/staff/activities/${activityId}?restored=${restored}`, { status: 303 });
  }

  if (intent === "skip") {
    const reason = parseForm(form, skipReasonSchema);
    const refused = (errors: FieldErrors, status = 400) => {
      const typed = form.get("skipReason");
      const skipForm = { errors, values: { skipReason: typeof typed === "string" ? typed : "", skip } };
      return data(
        { errors: undefined, values: undefined, sequence: undefined, notice: undefined, skipForm },
        { status },
      );
    };
    if (!reason.ok) return refused(reason.errors);
    const result = await skipOccurrences(db(), viewer.staff, {
      activityId,
      skipIds: skip,
      expectedSequences: seriesSequences,
      reason: reason.data.skipReason,
    });
    if (!result.ok) {
      if (result.error === "notFound") notFound();
      if (result.error === "invalid") return refused(result.errors);
      return refused(CHANGED, 409);
    }
    // The page itself may have been removed: then the first remaining date is shown.
    const remaining = await listSeriesOccurrences(db(), viewer.staff, { activityId });
    const stay = remaining.find((o) => o.id === activityId)?.id ?? remaining[0]?.id;
    const counts = `skipped=1&removed=${result.removed ?? 0}&skippedCancelled=${result.cancelled ?? 0}`;
    return redirect(stay ? `/staff/activities/${stay}?${counts}` : "/staff", { status: 303 });
  }

  if (intent === "copyNextWeek" || intent === "copyDate") {
    const result = await copyActivity(db(), viewer.staff, {
      activityId,
      toDate: intent === "copyNextWeek" ? "nextWeek" : copyDate,
      pastConfirmed,
    });
    if (!result.ok) {
      if (result.error === "notFound") notFound();
      return data(
        { errors: result.errors, values: undefined, sequence: undefined, notice: undefined },
        { status: 400 },
      );
    }
    return redirect(`/staff/activities/${result.id}?copied=1`, { status: 303 });
  }

  if (intent === "publish" || intent === "publishSeries") {
    const parsed = parseForm(form, cancelSchema);
    const result = parsed.ok
      ? await publishDraft(db(), viewer.staff, {
          activityId,
          expectedSequence: parsed.data.sequence,
          wholeSeries: intent === "publishSeries",
        })
      : ({ ok: false, error: "changedSinceOpened" } as const);
    if (!result.ok) {
      if (result.error === "notFound") notFound();
      return notSaved();
    }
    return redirect(`/staff/activities/${activityId}?published=1`, { status: 303 });
  }

  const parsed = parseForm(form, editActivitySchema);
  if (!parsed.ok)
    return data(
      { errors: parsed.errors, values: parsed.values, sequence: undefined, notice: undefined },
      { status: 400 },
    );
  const input = parsed.data;
  const result = await updateSeries(db(), viewer.staff, {
    activityId,
    scope: input.scope,
    times: input,
    expectedSequences: { ...input.seriesSequences, [activityId]: input.sequence },
    pastConfirmed: input.pastConfirmed,
    title: input.title,
    description: input.description,
    area: input.area,
    address: input.address,
    capacity: input.capacity,
    languages: input.languages,
    interpreterAvailable: input.interpreter,
  });
  if (!result.ok) {
    if (result.error === "notFound") notFound();
    if (result.error === "invalid")
      return data(
        { errors: result.errors, values: typedActivityValues(form), sequence: undefined, notice: undefined },
        { status: 400 },
      );
    // Nothing was written; what this person typed stays in the form so it is not lost. Saving
    // again now is a deliberate choice to overwrite, so the form takes the current sequence.
    const errors: FieldErrors = { form: "staff.changedSinceOpened" };
    return data(
      { errors, values: typedActivityValues(form), sequence: result.currentSequence, notice: undefined },
      { status: 409 },
    );
  }
  return redirect(`/staff/activities/${activityId}?saved=${result.changedIds.length}`, { status: 303 });
}

export default function EditActivity() {
  const activity = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const cancelForm = actionData && "cancel" in actionData ? actionData.cancel : undefined;
  const messageForm = actionData && "message" in actionData ? actionData.message : undefined;
  const skipForm = actionData && "skipForm" in actionData ? actionData.skipForm : undefined;
  const undoError = actionData && "undoError" in actionData ? actionData.undoError : undefined;
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const localeTag = useLocaleTag();
  const created = Number(searchParams.get("created") ?? 0);
  const saved = Number(searchParams.get("saved") ?? 0);
  const copyErrors = actionData?.errors?.copyDate;
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
        {created > 0 && !activity.draft ? (
          <p className="notice notice--success" role="status">
            {t("staff.activity.created", { count: created })}
          </p>
        ) : null}
        {searchParams.get("draft") && activity.draft ? (
          <p className="notice notice--success" role="status">
            {t("staffSeries.draftSaved")}
          </p>
        ) : null}
        {saved > 0 ? (
          <p className="notice notice--success" role="status">
            {saved > 1 ? t("staffSeries.savedDates", { count: saved }) : t("staff.activity.saved")}
          </p>
        ) : null}
        {searchParams.get("skipped") ? (
          <p className="notice notice--success" role="status">
            {t("staffSeries.skipped", {
              removed: searchParams.get("removed") ?? "0",
              cancelled: searchParams.get("skippedCancelled") ?? "0",
            })}
          </p>
        ) : null}
        {searchParams.get("cancelledRest") ? (
          <p className="notice notice--success" role="status">
            {t("staffSeries.cancelledRest", { count: Number(searchParams.get("cancelledRest") ?? 0) })}
          </p>
        ) : null}
        {searchParams.get("copied") ? (
          <p className="notice notice--success" role="status">
            {t("staffSeries.copied")}
          </p>
        ) : null}
        {searchParams.get("published") ? (
          <p className="notice notice--success" role="status">
            {t("staffSeries.published")}
          </p>
        ) : null}
        {searchParams.get("messaged") ? (
          <p className="notice notice--success" role="status">
            {t("staffNotices.messageSent", { n: searchParams.get("messaged") ?? "0" })}
          </p>
        ) : null}
        {searchParams.get("restored") ? (
          <p className="notice notice--success" role="status">
            {Number(searchParams.get("restored")) > 1
              ? t("staffNotices.restoredTogether", { count: Number(searchParams.get("restored")) })
              : t("staffNotices.restored")}
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
        {activity.draft ? <p className="notice notice--warning">{t("staffSeries.draftNotice")}</p> : null}
        <dl className="staff-facts">
          <dt>{t("staff.activity.belongsTo")}</dt>
          <dd>{activity.belongsTo ?? t("staff.activityForm.everyone")}</dd>
          <dt>{t("staff.activity.answers")}</dt>
          <dd>
            <GoingCount goingCount={activity.goingCount} capacity={activity.capacity} />
            {activity.waitlistCount > 0 ? ` · ${t("staffWeek.waitlist", { n: String(activity.waitlistCount) })}` : null}
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
          <Link className="button button--secondary" to={`/staff/activities/${activity.id}/preview`}>
            {t("staffSeries.preview")}
          </Link>
          <Link className="button button--secondary" to={`/staff/activities/${activity.id}/check-in`}>
            {t("staffAttendance.openCheckIn")}
          </Link>
          <Link className="button button--secondary" to={`/staff/activities/new?from=${activity.id}`}>
            {t("staff.activity.duplicate")}
          </Link>
        </div>
      </section>

      {undoError ? (
        <p className="notice notice--warning" role="alert">
          {translateError(t, undoError)}
        </p>
      ) : null}
      {/* Right after cancelling, the way back comes first, not below the edit form. */}
      {activity.cancelled && activity.undoUntil ? (
        <section className="panel" aria-labelledby="undo-title">
          <h2 id="undo-title">{t("staffNotices.undoHeading")}</h2>
          <p>{t("staffNotices.undoExplain", { until: activity.undoUntil })}</p>
          {/* Dates cancelled in one step (the rest of a series) come back in one step too. */}
          <Form method="post" className="button-row">
            {activity.cancelledTogether > 1 ? (
              <>
                <button type="submit" className="button" name="intent" value="undoTogether">
                  {t("staffNotices.undoTogether", { count: activity.cancelledTogether })}
                </button>
                <button type="submit" className="button button--secondary" name="intent" value="undoCancel">
                  {t("staffNotices.undoThisOnly")}
                </button>
              </>
            ) : (
              <button type="submit" className="button" name="intent" value="undoCancel">
                {t("staffNotices.undo")}
              </button>
            )}
          </Form>
        </section>
      ) : null}

      {activity.draft ? (
        <section className="panel" aria-labelledby="publish-title">
          <h2 id="publish-title">{t("staffSeries.publishHeading")}</h2>
          <p>{t("staffSeries.publishExplain")}</p>
          <Form method="post" className="button-row">
            <input type="hidden" name="sequence" value={activity.sequence} />
            <button type="submit" className="button" name="intent" value="publish">
              {t("staffSeries.publishNow")}
            </button>
            {activity.isSeries ? (
              <button type="submit" className="button button--secondary" name="intent" value="publishSeries">
                {t("staffSeries.publishSeries")}
              </button>
            ) : null}
          </Form>
        </section>
      ) : null}

      {activity.cancelled || activity.draft ? null : (
        <section className="panel" aria-labelledby="message-title">
          <h2 id="message-title">{t("staffNotices.messageHeading")}</h2>
          <p>{t("staffNotices.messageExplain")}</p>
          {/* A new key after each send empties the form; after refused input the typed text stays. */}
          <Form method="post" className="form" noValidate key={location.key}>
            <ErrorSummary errors={messageForm?.errors} fieldOrder={["body"]} />
            <TextAreaField
              name="body"
              label={t("staffNotices.messageLabel")}
              hint={t("staffNotices.messageHint", { max: String(MESSAGE_MAX) })}
              error={messageForm?.errors.body}
              defaultValue={messageForm?.values.body ?? ""}
              maxLength={MESSAGE_MAX}
              required
            />
            <CheckboxField
              name="includeWaitlist"
              label={t("staffNotices.messageIncludeWaitlist")}
              defaultChecked={messageForm?.values.includeWaitlist ?? false}
            />
            <div className="button-row">
              <button type="submit" className="button" name="intent" value="message">
                {t("staffNotices.messageSend")}
              </button>
            </div>
          </Form>
        </section>
      )}

      <section className="panel" aria-labelledby="edit-title">
        <h2 id="edit-title">{t("staff.activity.editHeading")}</h2>
        <StaffActivityForm
          mode="edit"
          values={actionData?.values ?? activity.values}
          errors={copyErrors ? undefined : actionData?.errors}
          submitLabel={t("staff.activity.save")}
          seriesDate={activity.isSeries ? activity.day : undefined}
        >
          <input type="hidden" name="sequence" value={actionData?.sequence ?? activity.sequence} />
          <input type="hidden" name="seriesSequences" value={activity.seriesSequences} />
        </StaffActivityForm>
      </section>

      {activity.isSeries ? (
        <section className="panel" aria-labelledby="series-title">
          <h2 id="series-title">{t("staffSeries.seriesHeading")}</h2>
          <p>{t("staffSeries.seriesIntro")}</p>
          {/* Keyed by the series' state: after a skip the ticks start empty, not on the dates just skipped. */}
          <Form method="post" className="form" noValidate key={activity.seriesSequences}>
            <ErrorSummary errors={skipForm?.errors} fieldOrder={["skipReason"]} />
            <input type="hidden" name="seriesSequences" value={activity.seriesSequences} />
            <ul className="staff-series-list">
              {activity.occurrences.map((o) => (
                <li key={o.id}>
                  <label className="staff-checkbox">
                    <input
                      type="checkbox"
                      name="skip"
                      value={o.id}
                      disabled={o.status === "cancelled" || o.started}
                      defaultChecked={skipForm?.values.skip.includes(o.id) ?? false}
                    />
                    <span>
                      {o.id === activity.id ? (
                        <strong>{formatOsloDateTime(o.startsAt, localeTag)}</strong>
                      ) : (
                        formatOsloDateTime(o.startsAt, localeTag)
                      )}
                      {" · "}
                      {o.status === "cancelled"
                        ? t("staffSeries.cancelledDate")
                        : t("staffSeries.occurrence", {
                            going: String(o.goingCount),
                            waitlist: String(o.waitlistCount),
                          })}
                      {o.draft ? ` · ${t("staffSeries.draftDate")}` : ""}
                    </span>
                  </label>{" "}
                  {o.id === activity.id ? (
                    <span className="muted">({t("staffSeries.thisPage")})</span>
                  ) : (
                    <Link to={`/staff/activities/${o.id}`}>{t("staff.activity.editHeading")}</Link>
                  )}
                </li>
              ))}
            </ul>
            <p className="field__hint">{t("staffSeries.skipExplain")}</p>
            <TextField
              name="skipReason"
              label={t("staffSeries.skipReasonLabel")}
              hint={t("staffNotices.reasonHint", { max: String(CANCEL_REASON_MAX) })}
              error={skipForm?.errors.skipReason}
              defaultValue={skipForm?.values.skipReason ?? ""}
              maxLength={CANCEL_REASON_MAX}
            />
            <div className="button-row">
              <button type="submit" className="button button--secondary" name="intent" value="skip">
                {t("staffSeries.skip")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="copy-title">
        <h2 id="copy-title">{t("staffSeries.copyHeading")}</h2>
        <p>{t("staffSeries.copyExplain")}</p>
        <Form method="post" className="form" noValidate>
          <div className="button-row">
            <button type="submit" className="button button--secondary" name="intent" value="copyNextWeek">
              {t("staffSeries.copyNextWeek", { date: formatOsloDay(addDaysToDateInput(activity.day, 7), localeTag) })}
            </button>
          </div>
          <div className={`field${copyErrors ? " field--error" : ""}`}>
            <label htmlFor="field-copyDate" className="field__label">
              {t("staffSeries.copyDate")}
            </label>
            {copyErrors ? (
              <p id="field-copyDate-error" className="field__error">
                {translateError(t, copyErrors)}
              </p>
            ) : null}
            <input
              id="field-copyDate"
              type="date"
              name="copyDate"
              className="field__input"
              aria-invalid={copyErrors ? true : undefined}
              aria-describedby={copyErrors ? "field-copyDate-error" : undefined}
            />
          </div>
          {copyErrors === "staffSeries.startInPast" ? (
            <label className="staff-checkbox">
              <input type="checkbox" name="pastConfirmed" />
              <span>{t("staffSeries.pastConfirm")}</span>
            </label>
          ) : null}
          <div className="button-row">
            <button type="submit" className="button button--secondary" name="intent" value="copyDate">
              {t("staffSeries.copyToDate")}
            </button>
          </div>
        </Form>
      </section>

      {activity.cancelled ? null : (
        <section className="panel" aria-labelledby="cancel-title">
          <h2 id="cancel-title">{t("staff.activity.cancelHeading")}</h2>
          <p>{t("staffNotices.cancelExplain")}</p>
          <Form method="post" className="form" noValidate>
            <ErrorSummary errors={cancelForm?.errors} fieldOrder={["reason", "confirm"]} />
            <TextField
              name="reason"
              label={t("staffNotices.reasonLabel")}
              hint={t("staffNotices.reasonHint", { max: String(CANCEL_REASON_MAX) })}
              error={cancelForm?.errors.reason}
              defaultValue={cancelForm?.values.reason ?? ""}
              maxLength={CANCEL_REASON_MAX}
              required
            />
            <CheckboxField
              name="confirm"
              value="yes"
              label={t("staffNotices.confirmLabel")}
              defaultChecked={cancelForm?.values.confirm === "yes"}
            />
            {cancelForm?.errors.confirm ? (
              <p className="field__error">{translateError(t, cancelForm.errors.confirm)}</p>
            ) : null}
            <input type="hidden" name="sequence" value={activity.sequence} />
            <div className="button-row">
              <button type="submit" className="button button--danger" name="intent" value="cancel">
                {activity.restCount > 1 ? t("staffSeries.cancelThisOnly") : t("staff.activity.cancel")}
              </button>
            </div>
            {/* The rest of the series shares the reason and the tick above: one careful step, not a click. */}
            {activity.restCount > 1 ? (
              <>
                <h3 className="staff-cancel-rest">{t("staffSeries.cancelRestHeading")}</h3>
                <p>{t("staffSeries.cancelRestExplain", { count: activity.restCount })}</p>
                <input type="hidden" name="seriesSequences" value={activity.seriesSequences} />
                <div className="button-row">
                  <button type="submit" className="button button--danger" name="intent" value="cancelRest">
                    {t("staffSeries.cancelRest", { count: activity.restCount })}
                  </button>
                </div>
              </>
            ) : null}
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
