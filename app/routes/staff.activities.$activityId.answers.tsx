// The answers to one activity: who is going, the waitlist in order, who said no. Staff can move
// someone up from the waitlist or take them off, with a reason from a fixed list.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound } from "~/platform/responses";
import { requireStaff } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { ErrorSummary } from "~/components/forms";
import { ANSWER_CHANGE_REASONS, answerChangeSchema, overflowCount } from "~/features/activities/activity-form";
import { formatOsloDateTime } from "~/platform/oslo-time";
import { LOCALE_TAGS } from "~/i18n/config";
import { localeFromRequest } from "~/platform/locale.server";
import { findActivityForEditing } from "~/features/activities/staff-activities.server";
import { changeAnswer, findActivityAnswersForStaff } from "~/features/answers/staff-answers.server";
import { db } from "~/platform/db.server";
import { parseForm } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request);
  const found = await findActivityAnswersForStaff(db(), viewer.staff, { activityId: params.activityId ?? "" });
  if (!found) notFound();
  const { activity, answers } = found;
  const going = answers.filter((a) => a.status === "going").length;
  return {
    id: activity.id,
    title: activity.title,
    when: formatOsloDateTime(activity.starts_at, LOCALE_TAGS[localeFromRequest(request)]),
    cancelled: activity.status === "cancelled",
    capacity: activity.capacity,
    overflow: overflowCount(activity.capacity, going),
    answers: answers.map((a) => ({
      memberId: a.member_id,
      pseudonym: a.pseudonym,
      deactivated: a.deactivated_at !== null,
      status: a.status,
      note: a.note,
      offeredUntil:
        a.status === "waitlisted" && a.offer_expires_at
          ? formatOsloDateTime(a.offer_expires_at, LOCALE_TAGS[localeFromRequest(request)])
          : null,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireStaff(request);
  const activityId = params.activityId ?? "";
  // Out of scope is 404 before anything in the form is looked at.
  if (!(await findActivityForEditing(db(), viewer.staff, { activityId }))) notFound();
  const parsed = parseForm(await readFormData(request), answerChangeSchema);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const { intent, memberId, reason } = parsed.data;
  const result = await changeAnswer(db(), viewer.staff, { activityId, memberId, change: intent, reason });
  if (!result.ok) notFound();
  return redirect(`/staff/activities/${activityId}/answers`, { status: 303 });
}

type Answer = ReturnType<typeof useLoaderData<typeof loader>>["answers"][number];

export default function ActivityAnswers() {
  const activity = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const going = activity.answers.filter((a) => a.status === "going");
  const waitlist = activity.answers.filter((a) => a.status === "waitlisted");
  const notGoing = activity.answers.filter((a) => a.status === "not_going");
  return (
    <div className="stack">
      <section className="panel">
        <p>
          <Link to={`/staff/activities/${activity.id}`}>{t("staff.activity.backToActivity")}</Link>
        </p>
        <h1>{t("staff.answers.title")}</h1>
        <p className="lead">
          {activity.title} <span className="muted">· {activity.when}</span>
        </p>
        {activity.cancelled ? <p className="notice notice--warning">{t("staff.answers.cancelled")}</p> : null}
        {activity.overflow > 0 ? (
          <p className="notice notice--warning">{t("staff.activity.overflow", { count: activity.overflow })}</p>
        ) : null}
        <ErrorSummary errors={actionData?.errors} />
        <p className="muted">{t("staff.answers.notesPrivate")}</p>
      </section>
      <AnswerList title={t("staff.answers.going", { count: going.length })} answers={going} action="remove" />
      <AnswerList
        title={t("staff.answers.waitlist", { count: waitlist.length })}
        answers={waitlist}
        action="promote"
        ordered
      />
      <AnswerList title={t("staff.answers.notGoing", { count: notGoing.length })} answers={notGoing} />
    </div>
  );
}

function AnswerList({
  title,
  answers,
  action,
  ordered = false,
}: {
  title: string;
  answers: Answer[];
  action?: "promote" | "remove";
  ordered?: boolean;
}) {
  const { t } = useTranslation();
  const List = ordered ? "ol" : "ul";
  return (
    <section className="panel">
      <h2>{title}</h2>
      {answers.length === 0 ? (
        <p className="muted">{t("staff.answers.none")}</p>
      ) : (
        <List className="staff-answer-list">
          {answers.map((a) => (
            <li key={a.memberId}>
              <p>
                <strong>{a.pseudonym}</strong>
                {a.deactivated ? <span className="muted"> · {t("staff.members.deactivated")}</span> : null}
                {a.offeredUntil ? <span> · {t("staffNotices.offeredUntil", { until: a.offeredUntil })}</span> : null}
              </p>
              {a.note ? <p className="staff-note">{a.note}</p> : null}
              {action ? (
                <Form method="post" className="staff-inline-form">
                  <input type="hidden" name="memberId" value={a.memberId} />
                  <label>
                    <span className="visually-hidden">{t("staff.answers.reason")}</span>
                    <select name="reason" defaultValue="" className="field__input" required>
                      <option value="" disabled>
                        {t("staff.answers.reason")}
                      </option>
                      {ANSWER_CHANGE_REASONS.map((r) => (
                        <option key={r} value={r}>
                          {t(`staff.answers.reasons.${r}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button type="submit" className="button button--small button--secondary" name="intent" value={action}>
                    {action === "promote" ? t("staff.answers.promote") : t("staff.answers.remove")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </List>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staff.meta.answers"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
