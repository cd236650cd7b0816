// The answers to one activity: who is going, the waitlist in order, who said no. Staff can move
// someone up from the waitlist or take them off, with a reason from a fixed list; reply to a
// member's note (only she and the chapter's staff see the thread); and say who meets a member who
// asked to be met at the door.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { notFound } from "~/platform/responses";
import { requireStaff } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { ErrorSummary } from "~/components/forms";
import { ANSWER_CHANGE_REASONS, answerChangeSchema, overflowCount } from "~/features/activities/activity-form";
import { formatOsloDateTime } from "~/platform/oslo-time";
import { LOCALE_TAGS } from "~/i18n/config";
import { localeFromRequest } from "~/platform/locale.server";
import { findActivityForEditing } from "~/features/activities/staff-activities.server";
import { changeAnswer, loadActivityAnswersPage } from "~/features/answers/staff-answers.server";
import { assignDoorMeeter, markNoteRead, saveStaffReply } from "~/features/answers/note-threads.server";
import { staffReplySchema } from "~/features/answers/answer-rules";
import { REPLY_MAX } from "~/features/answers/answer-limits";
import { z } from "zod";
import { db } from "~/platform/db.server";
import { parseForm, type FieldErrors } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request);
  const search = new URL(request.url).searchParams;
  const found = await loadActivityAnswersPage(db(), viewer.staff, {
    activityId: params.activityId ?? "",
    after: search.get("after") ?? undefined,
    before: search.get("before") ?? undefined,
  });
  if (!found) notFound();
  const { activity, answers, counts, doorRequests, next, previous, replies, meeters, waitlistStart } = found;
  const tag = LOCALE_TAGS[localeFromRequest(request)];
  const pageLink = (key: "after" | "before", id: string | null) =>
    id ? `/staff/activities/${activity.id}/answers?${key}=${encodeURIComponent(id)}` : null;
  return {
    id: activity.id,
    title: activity.title,
    when: formatOsloDateTime(activity.starts_at, tag),
    meeters: meeters.map((m) => ({ id: m.id, name: m.display_name })),
    doorRequests: doorRequests.map((a) => ({
      memberId: a.member_id,
      pseudonym: a.pseudonym,
      place: a.meet_place,
      meetStaffId: a.meet_staff_id,
    })),
    cancelled: activity.status === "cancelled",
    capacity: activity.capacity,
    overflow: overflowCount(activity.capacity, counts.going),
    counts,
    waitlistStart,
    next: pageLink("after", next),
    previous: pageLink("before", previous),
    answers: answers.map((a) => ({
      memberId: a.member_id,
      pseudonym: a.pseudonym,
      deactivated: a.deactivated_at !== null,
      status: a.status,
      note: a.note,
      noteUnread: a.note !== null && a.note_seen_at === null,
      replies: replies
        .filter((r) => r.memberId === a.member_id)
        .map((r) => ({ id: r.id, body: r.body, by: r.staffName ?? "", when: formatOsloDateTime(r.createdAt, tag) })),
      offeredUntil:
        a.status === "waitlisted" && a.offer_expires_at ? formatOsloDateTime(a.offer_expires_at, tag) : null,
    })),
  };
}

const threadSchema = z.object({ memberId: z.string().min(1).max(64) });
const meetSchema = z.object({
  memberId: z.string().min(1).max(64),
  meetStaffId: z
    .string()
    .max(64)
    .optional()
    .transform((v) => (v ? v : null)),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireStaff(request);
  const activityId = params.activityId ?? "";
  // Out of scope is 404 before anything in the form is looked at.
  if (!(await findActivityForEditing(db(), viewer.staff, { activityId }))) notFound();
  const form = await readFormData(request);
  const back = redirect(`/staff/activities/${activityId}/answers`, { status: 303 });
  const intent = form.get("intent");
  if (intent === "reply") {
    const ref = parseForm(form, threadSchema);
    const reply = parseForm(form, staffReplySchema);
    if (!ref.ok) return data({ errors: ref.errors, replyTo: null, body: "" }, { status: 400 });
    if (!reply.ok) {
      return data(
        { errors: reply.errors, replyTo: ref.data.memberId, body: String(form.get("body") ?? "") },
        { status: 400 },
      );
    }
    const saved = await saveStaffReply(db(), viewer.staff, {
      activityId,
      memberId: ref.data.memberId,
      body: reply.data.body,
    });
    if (!saved.ok) notFound();
    return back;
  }
  if (intent === "markRead") {
    const ref = parseForm(form, threadSchema);
    if (!ref.ok) return data({ errors: ref.errors, replyTo: null, body: "" }, { status: 400 });
    if (!(await markNoteRead(db(), viewer.staff, { activityId, memberId: ref.data.memberId })).ok) notFound();
    return back;
  }
  if (intent === "meet") {
    const meet = parseForm(form, meetSchema);
    if (!meet.ok) return data({ errors: meet.errors, replyTo: null, body: "" }, { status: 400 });
    const result = await assignDoorMeeter(db(), viewer.staff, { activityId, ...meet.data });
    if (!result.ok && result.error === "notAllowed") {
      const errors: FieldErrors = { meetStaffId: "invalid" };
      return data({ errors, replyTo: null, body: "" }, { status: 400 });
    }
    if (!result.ok) notFound();
    return back;
  }
  const parsed = parseForm(form, answerChangeSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, replyTo: null, body: "" }, { status: 400 });
  const { memberId, reason } = parsed.data;
  const result = await changeAnswer(db(), viewer.staff, { activityId, memberId, change: parsed.data.intent, reason });
  if (!result.ok) notFound();
  return back;
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Answer = LoaderData["answers"][number];
type ActionData = ReturnType<typeof useActionData<typeof action>>;

/** Who asked to be met, where, and a choice of who meets her (a plain form per member). */
function DoorRequests({ activity }: { activity: LoaderData }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="door-title">
      <h2 id="door-title">{t("staffWeek.answers.doorTitle")}</h2>
      {activity.doorRequests.length === 0 ? (
        <p className="muted">{t("staffWeek.answers.doorNone")}</p>
      ) : (
        <ul className="staff-answer-list">
          {activity.doorRequests.map((d) => (
            <li key={d.memberId}>
              <p>
                <strong>{d.pseudonym}</strong> ·{" "}
                <span className="staff-note">{d.place ?? t("staffWeek.answers.doorAtDoor")}</span>
              </p>
              <Form method="post" className="staff-inline-form">
                <input type="hidden" name="memberId" value={d.memberId} />
                <label>
                  <span className="visually-hidden">{t("staffWeek.answers.meetBy")}</span>
                  <select name="meetStaffId" defaultValue={d.meetStaffId ?? ""} className="field__input">
                    <option value="">{t("staffWeek.answers.meetNobody")}</option>
                    {activity.meeters.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit" name="intent" value="meet" className="button button--small button--secondary">
                  {t("staffWeek.answers.saveMeet")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Her note, staff's replies under it, and a reply form. */
function NoteThread({ answer, replyError }: { answer: Answer; replyError?: ActionData }) {
  const { t } = useTranslation();
  const mine = replyError && "replyTo" in replyError && replyError.replyTo === answer.memberId ? replyError : undefined;
  const fieldId = `reply-${answer.memberId}`;
  return (
    <div className="note-thread" aria-label={t("staffWeek.answers.threadTitle")}>
      <p className="staff-note">
        {answer.noteUnread ? <span className="staff-badge">{t("staffWeek.answers.unread")}</span> : null} {answer.note}
      </p>
      {answer.replies.length > 0 ? (
        <ol className="note-thread__replies">
          {answer.replies.map((r) => (
            <li key={r.id}>
              <p className="muted">{t("staffWeek.answers.staffReply", { name: r.by, when: r.when })}</p>
              <p className="staff-note">{r.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      <Form method="post" className="note-thread__form">
        <input type="hidden" name="memberId" value={answer.memberId} />
        <label htmlFor={fieldId} className="field__label">
          {t("staffWeek.answers.replyLabel")}
        </label>
        <p className="field__hint" id={`${fieldId}-hint`}>
          {t("staffWeek.answers.replyHint")}
        </p>
        {mine?.errors && "body" in mine.errors && mine.errors.body ? (
          <p className="field__error" id={`${fieldId}-error`}>
            {t(`validation.${mine.errors.body}` as "validation.tooLong", { max: REPLY_MAX })}
          </p>
        ) : null}
        <textarea
          id={fieldId}
          name="body"
          rows={2}
          maxLength={REPLY_MAX}
          className="field__input"
          defaultValue={mine?.body ?? ""}
          aria-describedby={`${fieldId}-hint`}
        />
        <div className="button-row">
          <button type="submit" name="intent" value="reply" className="button button--small">
            {t("staffWeek.answers.sendReply")}
          </button>
          {answer.noteUnread ? (
            <button type="submit" name="intent" value="markRead" className="link-button">
              {t("staffWeek.answers.markRead")}
            </button>
          ) : null}
        </div>
      </Form>
    </div>
  );
}

export default function ActivityAnswers() {
  const activity = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const going = activity.answers.filter((a) => a.status === "going");
  const waitlist = activity.answers.filter((a) => a.status === "waitlisted");
  const notGoing = activity.answers.filter((a) => a.status === "not_going");
  // On one of several pages, a kind of answer with none on this page is on another page.
  const paged = activity.next !== null || activity.previous !== null;
  return (
    <div className="stack">
      <section className="panel">
        <p>
          <Link to={`/staff/activities/${activity.id}`}>{t("staff.activity.backToActivity")}</Link>
        </p>
        <h1 className="staff-activity-title">{activity.title}</h1>
        <p className="lead">
          {t("staff.answers.title")} <span className="muted">· {activity.when}</span>
        </p>
        {activity.cancelled ? <p className="notice notice--warning">{t("staff.answers.cancelled")}</p> : null}
        {activity.overflow > 0 ? (
          <p className="notice notice--warning">{t("staff.activity.overflow", { count: activity.overflow })}</p>
        ) : null}
        <ErrorSummary errors={actionData?.errors} />
        <p className="muted">{t("staff.answers.notesPrivate")}</p>
      </section>
      <DoorRequests activity={activity} />
      {paged && going.length === 0 ? null : (
        <AnswerList
          title={t("staff.answers.going", { count: activity.counts.going })}
          answers={going}
          action="remove"
          replyError={actionData}
        />
      )}
      {paged && waitlist.length === 0 ? null : (
        <AnswerList
          title={t("staff.answers.waitlist", { count: activity.counts.waitlisted })}
          answers={waitlist}
          action="promote"
          ordered
          start={activity.waitlistStart}
          replyError={actionData}
        />
      )}
      {paged && notGoing.length === 0 ? null : (
        <AnswerList
          title={t("staff.answers.notGoing", { count: activity.counts.notGoing })}
          answers={notGoing}
          replyError={actionData}
        />
      )}
      {paged ? (
        <nav className="button-row" aria-label={t("staffPaging.label")}>
          {activity.previous ? (
            <Link className="button button--secondary" to={activity.previous}>
              {t("staffPaging.previous")}
            </Link>
          ) : null}
          {activity.next ? (
            <Link className="button button--secondary" to={activity.next}>
              {t("staffPaging.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

function AnswerList({
  title,
  answers,
  action,
  ordered = false,
  start = 1,
  replyError,
}: {
  title: string;
  answers: Answer[];
  action?: "promote" | "remove";
  ordered?: boolean;
  /** the number of the first item of an ordered list (the waitlist goes on across pages) */
  start?: number;
  replyError?: ActionData;
}) {
  const { t } = useTranslation();
  const List = ordered ? "ol" : "ul";
  return (
    <section className="panel">
      <h2>{title}</h2>
      {answers.length === 0 ? (
        <p className="muted">{t("staff.answers.none")}</p>
      ) : (
        <List className="staff-answer-list" start={ordered && start > 1 ? start : undefined}>
          {answers.map((a) => (
            <li key={a.memberId}>
              <p>
                <strong>{a.pseudonym}</strong>
                {a.deactivated ? <span className="muted"> · {t("staff.members.deactivated")}</span> : null}
                {a.offeredUntil ? <span> · {t("staffNotices.offeredUntil", { until: a.offeredUntil })}</span> : null}
              </p>
              {a.note ? <NoteThread answer={a} replyError={replyError} /> : null}
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
