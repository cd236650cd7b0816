import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { getViewer, requireMember } from "~/features/sessions/viewer.server";
import { ActivityFactList, AnswerBadge, Fact, PlacesLabel, ScopeLabel } from "~/components/ActivityFacts";
import { formatActivityTime, useLocaleTag } from "~/components/ActivityTime";
import { CheckboxField, ErrorSummary, TextAreaField } from "~/components/forms";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { LinkifiedText } from "~/components/LinkifiedText";
import { rsvpFormSchema, RSVP_NOTE_MAX } from "~/features/answers/answer-rules";
import { rsvpDeadline } from "~/features/activities/answer-window";
import { findActivityForStaff, findActivityPageForMember } from "~/features/activities/member-activities.server";
import { answerActivity } from "~/features/answers/answers.server";
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
    return { view: "staff" as const, activity: { ...activity, cancelReason: null }, member: null, block: null };
  }
  const { member } = await requireMember(request);
  const page = await findActivityPageForMember(db(), member, { activityId });
  if (!page) notFound();
  return { view: "member" as const, activity: page.activity, member: page.answer, block: page.block };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireMember(request);
  // A body that is not a form reads as an empty form: a 400 with a message, never a 500.
  const form = await readFormData(request).catch(() => new FormData());
  const parsed = parseForm(form, rsvpFormSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });

  const activityId = params.activityId ?? "";
  const outcome = await answerActivity(db(), member, { activityId, ...parsed.data });
  if (!outcome.ok) {
    if (outcome.reason === "not_found") notFound();
    const errors: FieldErrors = { form: `activities.${outcome.reason}` };
    return data({ errors, values: { note: parsed.data.note ?? "" } }, { status: 409 });
  }
  // Post/redirect/get: a reload does not send the answer again.
  return redirect(`/activities/${encodeURIComponent(activityId)}`, { status: 303 });
}

export default function ActivityPage() {
  const { view, activity, member, block } = useLoaderData<typeof loader>();
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
      <article className="panel activity-detail" aria-labelledby="activity-title">
        <p className="activity-card__group">
          <ScopeLabel scope={activity.scope} groupName={activity.groupName} />
        </p>
        <h1 id="activity-title">{activity.title}</h1>
        {cancelled ? (
          <div className="notice notice--warning">
            <p>{t("activities.cancelledNotice")}</p>
            {activity.cancelReason ? (
              <p>
                {/* staff's words: bdi keeps their direction apart from the page's */}
                {t("notices.cancelReasonLabel")}
                <bdi>{activity.cancelReason}</bdi>
              </p>
            ) : null}
          </div>
        ) : null}
        {view === "member" && member?.myOfferExpiresAt && !block ? (
          <OfferPanel until={formatActivityTime(tag, member.myOfferExpiresAt)} />
        ) : null}
        {view === "staff" ? <p className="notice">{t("activities.staffView")}</p> : null}
        <ActivityFactList activity={activity} className="activity-facts">
          {/* A cancelled activity has no address to promise a member, and no meeting to find. */}
          {view === "member" && cancelled ? null : (
            <Fact term={t("activities.address")}>
              {activity.address ??
                (view === "member" && member?.myStatus !== "going"
                  ? t("activities.addressWhenGoing")
                  : t("activities.addressMissing"))}
            </Fact>
          )}
        </ActivityFactList>
        {view === "member" && !cancelled ? (
          <p>
            {/* A resource route: a plain link, so the browser downloads the file. */}
            <a href={`/activities/${encodeURIComponent(activity.id)}/calendar.ics`} download>
              {t("calendar.download.link")}
            </a>
          </p>
        ) : null}
        {/* The answer comes right after the facts, so on a phone its buttons are near the top. */}
        {view === "member" && member ? (
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
            {block === "cancelled" ? null : block === "closed" ? (
              <p className="notice">{t("activities.closed")}</p>
            ) : (
              <AnswerForm
                activity={activity}
                member={member}
                errors={actionData?.errors}
                typedNote={actionData?.values.note}
                deadline={formatActivityTime(
                  tag,
                  rsvpDeadline({ starts_at: activity.startsAt, rsvp_deadline: activity.rsvpDeadline }),
                )}
              />
            )}
          </section>
        ) : null}
        {activity.description.trim() !== "" ? (
          <section aria-labelledby="about-title" className="activity-detail__about">
            <h2 id="about-title">{t("activities.about")}</h2>
            <LinkifiedText text={activity.description} />
          </section>
        ) : null}
        <section className="activity-detail__who">
          <p>
            {activity.goingCount === 0
              ? t("activities.goingNone")
              : t("activities.goingCount", { count: activity.goingCount })}
            {!cancelled ? (
              <>
                {" · "}
                <PlacesLabel capacity={activity.capacity} goingCount={activity.goingCount} />
              </>
            ) : null}
          </p>
          {activity.waitlistCount > 0 ? (
            <p>{t("activities.waitlistCount", { count: activity.waitlistCount })}</p>
          ) : null}
          {activity.shownPseudonyms.length > 0 ? (
            <>
              <p>{t("activities.shownPseudonyms")}</p>
              <ul className="pseudonym-list">
                {activity.shownPseudonyms.map((pseudonym, i) => (
                  <li key={i}>{pseudonym}</li>
                ))}
              </ul>
            </>
          ) : null}
          {activity.goingCount > activity.shownPseudonyms.length && activity.shownPseudonyms.length > 0 ? (
            <p className="muted">{t("activities.othersHidden")}</p>
          ) : null}
        </section>
      </article>
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/** A place held for her: take it or pass it on, right under the title (near the top on a phone). */
function OfferPanel({ until }: { until: string }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  return (
    <section className="notice offer" aria-labelledby="offer-title">
      <h2 id="offer-title">{t("notices.offer.title")}</h2>
      <p>{t("notices.offer.text", { until })}</p>
      <Form method="post" className="button-row">
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
  deadline,
}: {
  activity: LoaderData["activity"];
  member: NonNullable<LoaderData["member"]>;
  errors?: FieldErrors;
  typedNote?: string;
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
      key={`${member.myStatus}:${member.myNote}:${member.myShowPseudonym}`}
      noValidate
    >
      <ErrorSummary errors={errors} fieldOrder={["intent", "note"]} />
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
