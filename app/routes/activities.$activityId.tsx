import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/i18n/react";
import { getViewer, requireMember } from "~/features/sessions/viewer.server";
import { AnswerBadge } from "~/components/ActivityFacts";
import { MemberActivityArticle } from "~/components/MemberActivityArticle";
import { formatActivityTime, useLocaleTag } from "~/components/ActivityTime";
import { CheckboxField, ErrorSummary, TextAreaField, TextField } from "~/components/forms";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { rsvpFormSchema } from "~/features/answers/answer-rules";
import { MEET_PLACE_MAX, RSVP_NOTE_MAX } from "~/features/answers/answer-limits";
import { rsvpDeadline } from "~/features/activities/answer-window";
import { findActivityForStaff } from "~/features/activities/member-activities.server";
import { loadActivityPageForMember } from "~/features/answers/note-threads.server";
import { formatOsloDateTime } from "~/platform/oslo-time";
import { answerActivity, answerWholeSeries, listSeriesAnswersForMember } from "~/features/answers/answers.server";
import { db } from "~/platform/db.server";
import { parseForm, type FieldErrors } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";
import { notFound } from "~/platform/responses";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const activityId = params.activityId ?? "";
  const viewer = await getViewer(request);
  if (viewer.kind === "staff") {
    // Staff see everything, address included, for activities their chapters cover (the query is
    // scoped the same way as staffCoversChapter); anything else is the same 404 as for members.
    const activity = await findActivityForStaff(db(), viewer.staff, { activityId });
    if (!activity) notFound();
    return {
      view: "staff" as const,
      activity: { ...activity, cancelReason: null },
      member: null,
      block: null,
      series: [],
      messages: [],
    };
  }
  const { member } = await requireMember(request);
  const page = await loadActivityPageForMember(db(), member, { activityId });
  if (!page) notFound();
  const series = await listSeriesAnswersForMember(db(), member, { activityId });
  return {
    view: "member" as const,
    activity: page.activity,
    member: page.answer,
    block: page.block,
    series,
    messages: page.messages,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireMember(request);
  // A body that is not a form reads as an empty form: a 400 with a message, never a 500.
  const form = await readFormData(request).catch(() => new FormData());
  const activityId = params.activityId ?? "";
  const everyDate = form.get("series");
  if (everyDate === "going" || everyDate === "leave") {
    const answers = await answerWholeSeries(db(), member, {
      activityId,
      going: everyDate === "going",
      showPseudonym: form.get("showPseudonym") === "on",
    });
    if (!answers) notFound();
    return redirect(`/activities/${encodeURIComponent(activityId)}?series=1#series-title`, { status: 303 });
  }
  const parsed = parseForm(form, rsvpFormSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });

  const outcome = await answerActivity(db(), member, { activityId, ...parsed.data });
  if (!outcome.ok) {
    if (outcome.reason === "not_found") notFound();
    const errors: FieldErrors = { form: `activities.${outcome.reason}` };
    return data(
      { errors, values: { note: parsed.data.note ?? "", meetPlace: parsed.data.meetPlace ?? "" } },
      { status: 409 },
    );
  }
  // Post/redirect/get: a reload does not send the answer again.
  return redirect(`/activities/${encodeURIComponent(activityId)}`, { status: 303 });
}

export default function ActivityPage() {
  const { view, activity, member, block, series, messages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const tag = useLocaleTag();
  const cancelled = activity.status === "cancelled";
  const coming = view === "member" && !cancelled && member?.myStatus === "going";
  return (
    <div className="stack">
      <p>
        <Link to={view === "staff" ? "/staff" : "/"}>{t("activities.backToList")}</Link>
      </p>
      {/* Always in the page, so screen readers announce it when an answer makes it say something. */}
      <div role="status" aria-live="polite" className="activity-detail__live">
        {coming ? <p className="notice notice--success">{t("notices.coming")}</p> : null}
      </div>
      <MemberActivityArticle
        activity={activity}
        view={view}
        myStatus={member?.myStatus ?? null}
        offer={
          view === "member" && member?.myOfferExpiresAt && !block ? (
            <OfferPanel until={formatActivityTime(tag, member.myOfferExpiresAt)} answer={member} />
          ) : null
        }
        answer={
          view === "member" && member ? (
            <section className="rsvp activity-detail__answer" aria-labelledby="answer-title">
              <h2 id="answer-title">{t("activities.yourAnswer")}</h2>
              <p className="rsvp__status">
                <AnswerBadge
                  activityStatus={activity.status}
                  myStatus={member.myStatus}
                  waitlistPosition={member.waitlistPosition}
                />{" "}
                {member.myStatus === "going"
                  ? t("activities.statusGoing")
                  : member.myStatus === "waitlisted"
                    ? t("activities.statusWaitlisted", { position: String(member.waitlistPosition ?? "") })
                    : member.myStatus === "not_going"
                      ? t("activities.statusNotGoing")
                      : t("activities.statusNone")}
              </p>
              {member.myStatus === "waitlisted" && !block ? <p>{t("activities.waitlistExplained")}</p> : null}
              {messages.length > 0 ? (
                <section className="note-thread" aria-labelledby="messages-title">
                  <h3 id="messages-title">{t("notices.messagesTitle")}</h3>
                  <ol className="note-thread__replies">
                    {messages.map((m) => (
                      <li key={m.id}>
                        <p className="muted">
                          {t("notices.messageFrom", { when: formatOsloDateTime(m.createdAt, tag) })}
                        </p>
                        <p className="staff-note">
                          <bdi>{m.body}</bdi>
                        </p>
                      </li>
                    ))}
                  </ol>
                </section>
              ) : null}
              {member.myStatus === "going" && member.myMeetAtDoor && !cancelled ? (
                <p className={member.myMeetAssigned ? "notice notice--success" : "notice"}>
                  {t(member.myMeetAssigned ? "door.assigned" : "door.requested", {
                    place: member.myMeetPlace ?? t("door.atDoor"),
                  })}
                </p>
              ) : null}
              {member.myNote && member.replies.length > 0 ? (
                <section className="note-thread" aria-labelledby="thread-title">
                  <h3 id="thread-title">{t("door.threadTitle")}</h3>
                  <p className="muted">{t("door.you")}</p>
                  <p className="staff-note">{member.myNote}</p>
                  <ol className="note-thread__replies">
                    {member.replies.map((r) => (
                      <li key={r.id}>
                        <p className="muted">
                          {t("door.staffReplied", { when: formatOsloDateTime(r.createdAt, tag) })}
                        </p>
                        <p className="staff-note">{r.body}</p>
                      </li>
                    ))}
                  </ol>
                </section>
              ) : null}
              {block === "cancelled" ? null : block === "closed" ? (
                <p className="notice">{t("activities.closed")}</p>
              ) : (
                <AnswerForm
                  activity={activity}
                  member={member}
                  errors={actionData?.errors}
                  typedNote={actionData?.values.note}
                  typedPlace={actionData?.values.meetPlace}
                  deadline={formatActivityTime(
                    tag,
                    rsvpDeadline({ starts_at: activity.startsAt, rsvp_deadline: activity.rsvpDeadline }),
                  )}
                />
              )}
            </section>
          ) : null
        }
        calendarLink={
          view === "member" && !cancelled ? (
            <p>
              {/* A resource route: a plain link, so the browser downloads the file. */}
              <a href={`/activities/${encodeURIComponent(activity.id)}/calendar.ics`} download>
                {t("calendar.download.link")}
              </a>
            </p>
          ) : null
        }
      />
      {view === "member" && series.length > 0 ? (
        <section className="panel" aria-labelledby="series-title">
          <h2 id="series-title">{t("memberSeries.heading")}</h2>
          <ul className="series-answers">
            {series.map((date) => (
              <li key={date.activityId}>
                <Link to={`/activities/${encodeURIComponent(date.activityId)}`}>
                  {formatActivityTime(tag, date.startsAt)}
                </Link>
                {": "}
                {date.status === "going"
                  ? t("memberSeries.place")
                  : date.status === "waitlisted"
                    ? t("memberSeries.waitlist", { position: String(date.waitlistPosition ?? "") })
                    : date.status === "not_going"
                      ? t("memberSeries.notGoing")
                      : date.blocked
                        ? t("memberSeries.blocked")
                        : t("memberSeries.none")}
              </li>
            ))}
          </ul>
          <p className="field__hint">{t("memberSeries.everyTimeHint")}</p>
          <Form method="post" className="button-row">
            <button type="submit" className="button" name="series" value="going">
              {t("memberSeries.everyTime")}
            </button>
            <button type="submit" className="button button--secondary" name="series" value="leave">
              {t("memberSeries.leaveAll")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/** A place held for her: take it or pass it on, right under the title (near the top on a phone). */
/** Her answer as she left it: taking the offer keeps her note, her pseudonym choice and her wish to be met. */
interface KeptAnswerFields {
  myNote: string | null;
  myShowPseudonym: boolean;
  myMeetAtDoor: boolean;
  myMeetPlace: string | null;
}

function OfferPanel({ until, answer }: { until: string; answer: KeptAnswerFields }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  return (
    <section className="notice offer" aria-labelledby="offer-title">
      <h2 id="offer-title">{t("notices.offer.title")}</h2>
      <p>{t("notices.offer.text", { until })}</p>
      <Form method="post" className="button-row">
        <input type="hidden" name="note" value={answer.myNote ?? ""} />
        {answer.myShowPseudonym ? <input type="hidden" name="showPseudonym" value="on" /> : null}
        {answer.myMeetAtDoor ? <input type="hidden" name="meetAtDoor" value="on" /> : null}
        {answer.myMeetAtDoor ? <input type="hidden" name="meetPlace" value={answer.myMeetPlace ?? ""} /> : null}
        <button type="submit" name="intent" value="going" className="button" disabled={busy}>
          {t("notices.offer.accept")}
        </button>
        <button type="submit" name="intent" value="not_going" className="button button--secondary" disabled={busy}>
          {t("notices.offer.decline")}
        </button>
      </Form>
    </section>
  );
}

function AnswerForm({
  activity,
  member,
  errors,
  typedNote,
  typedPlace,
  deadline,
}: {
  activity: LoaderData["activity"];
  member: NonNullable<LoaderData["member"]>;
  errors?: FieldErrors;
  typedNote?: string;
  typedPlace?: string;
  deadline: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  // A second click while the first answer is on its way does nothing (the server is idempotent too).
  const busy = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  const answered = member.myStatus === "going" || member.myStatus === "waitlisted";
  const full = activity.capacity !== null && activity.goingCount >= activity.capacity;
  return (
    // Keyed by the saved answer, so the fields show what was saved after each answer.
    <Form
      method="post"
      className="form"
      key={`${member.myStatus}:${member.myNote}:${member.myShowPseudonym}:${member.myMeetAtDoor}:${member.myMeetPlace}`}
      noValidate
    >
      <ErrorSummary errors={errors} fieldOrder={["intent", "note", "meetPlace"]} />
      <p>{t("activities.deadline", { time: deadline })}</p>
      <TextAreaField
        name="note"
        label={t("activities.noteLabel")}
        hint={t("activities.noteHint")}
        error={errors?.note}
        defaultValue={typedNote ?? member.myNote ?? ""}
        maxLength={RSVP_NOTE_MAX}
        rows={3}
      />
      <CheckboxField
        name="showPseudonym"
        label={t("activities.showPseudonymLabel")}
        hint={t("activities.showPseudonymHint")}
        defaultChecked={member.myShowPseudonym}
      />
      {/* Only for a "going" answer; the place is her own words, seen only by her and staff. */}
      <CheckboxField
        name="meetAtDoor"
        label={t("door.askLabel")}
        hint={t("door.askHint")}
        defaultChecked={member.myMeetAtDoor}
      />
      <TextField
        name="meetPlace"
        label={t("door.placeLabel")}
        hint={t("door.placeHint")}
        error={errors?.meetPlace}
        defaultValue={typedPlace ?? member.myMeetPlace ?? ""}
        maxLength={MEET_PLACE_MAX}
        autoComplete="off"
      />
      <div className="button-row">
        <button type="submit" name="intent" value="going" className="button" disabled={busy}>
          {answered ? t("activities.saveAnswer") : full ? t("activities.joinWaitlist") : t("activities.going")}
        </button>
        {member.myStatus !== "not_going" ? (
          <button type="submit" name="intent" value="not_going" className="button button--secondary" disabled={busy}>
            {t("activities.notGoing")}
          </button>
        ) : null}
        {member.myStatus !== null ? (
          <button type="submit" name="intent" value="withdraw" className="link-button" disabled={busy}>
            {t("activities.withdraw")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}

// Neutral on purpose: a tab list or history on a shared phone must not name the activity.
export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, (t) => t("activities.metaDetail"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
