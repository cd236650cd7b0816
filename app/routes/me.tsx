// My page: answers, groups, passphrase, recovery codes, sessions and data. Everything here is
// the member's own and scoped to their id in every query.
import { setReminderChoice } from "~/features/notices/reminders.server";
import { REMINDER_CHOICES } from "~/features/notices/reminder-rules";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ActivityTime } from "~/components/ActivityTime";
import { CalendarFeedSection } from "~/components/CalendarFeedSection";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { RecoveryCodes } from "~/components/RecoveryCodes";
import { PassphraseField } from "~/components/CredentialFields";
import { ErrorSummary } from "~/components/forms";
import { isCommonPassword } from "~/platform/common-passwords.server";
import { changeMemberPassphrase, regenerateRecoveryCodes } from "~/features/members/member-account.server";
import { endAllSessionsOf, signedOutHeaders } from "~/features/sessions/sessions.server";
import { requireMember } from "~/features/sessions/viewer.server";
import { changePassphraseSchema, groupIntentSchema } from "~/features/members/member-forms";
import { loadMemberPage } from "~/features/members/member-page.server";
import { leaveGroup, requestGroupMembership } from "~/features/members/members.server";
import { db } from "~/platform/db.server";
import { parseForm, type FieldErrors } from "~/platform/forms";
import { log } from "~/platform/logger.server";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { member } = await requireMember(request);
  return loadMemberPage(db(), member);
}

type ActionResult = {
  intent: string;
  errors: FieldErrors | null;
  notice: "joined" | "requested" | "left" | "passphraseChanged" | "remindersSaved" | null;
  recoveryCodes: string[] | null;
};

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireMember(request);
  const memberId = viewer.member.id;
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const reply = (result: Omit<ActionResult, "intent">, status = 200) => data({ intent, ...result }, { status });

  switch (intent) {
    case "joinGroup":
    case "leaveGroup": {
      const parsed = parseForm(form, groupIntentSchema);
      if (!parsed.ok) throw new Response("Not found", { status: 404 });
      if (intent === "leaveGroup") {
        await leaveGroup(db(), viewer.member, parsed.data);
        return reply({ errors: null, notice: "left", recoveryCodes: null });
      }
      const status = await requestGroupMembership(db(), viewer.member, parsed.data);
      if (!status) throw new Response("Not found", { status: 404 });
      return reply({ errors: null, notice: status === "active" ? "joined" : "requested", recoveryCodes: null });
    }
    case "changePassphrase": {
      const parsed = parseForm(form, changePassphraseSchema(isCommonPassword), ["currentPassphrase", "newPassphrase"]);
      if (!parsed.ok) return reply({ errors: parsed.errors, notice: null, recoveryCodes: null }, 400);
      const changed = await changeMemberPassphrase(db(), viewer, parsed.data);
      if (!changed.ok) {
        return reply(
          { errors: { currentPassphrase: "members.currentPassphraseWrong" }, notice: null, recoveryCodes: null },
          400,
        );
      }
      return reply({ errors: null, notice: "passphraseChanged", recoveryCodes: null });
    }
    case "setReminder": {
      const saved = await setReminderChoice(db(), viewer.member, { choice: String(form.get("reminder") ?? "") });
      if (!saved) return reply({ errors: { reminder: "invalid" }, notice: null, recoveryCodes: null }, 400);
      return reply({ errors: null, notice: "remindersSaved", recoveryCodes: null });
    }
    case "regenerateRecoveryCodes": {
      const codes = await regenerateRecoveryCodes(db(), memberId);
      return reply({ errors: null, notice: null, recoveryCodes: codes });
    }
    case "signOutEverywhere": {
      await endAllSessionsOf(db(), { memberId });
      log("member_signed_out_everywhere", { member: memberId });
      return redirect("/", { status: 303, headers: signedOutHeaders() });
    }
    default:
      return reply({ errors: { form: "invalid" }, notice: null, recoveryCodes: null }, 400);
  }
}

export default function MyPage() {
  const { pseudonym, answers, groups, recoveryCodesLeft, calendar, reminder } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state !== "idle";

  if (actionData?.recoveryCodes) return <RecoveryCodes codes={actionData.recoveryCodes} continueTo="/me" />;

  const mine = groups.filter((g) => g.membership !== null);
  const others = groups.filter((g) => g.membership === null);
  const passphraseErrors = actionData?.intent === "changePassphrase" ? (actionData.errors ?? undefined) : undefined;

  return (
    <div className="stack">
      <section className="panel">
        <h1>{t("me.title")}</h1>
        <p>{t("me.signedInAs", { pseudonym })}</p>
        {actionData?.notice && actionData.notice !== "remindersSaved" ? (
          <p className="notice notice--success" role="status">
            {t(`me.${actionData.notice}`)}
          </p>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="answers-title">
        <h2 id="answers-title">{t("me.answersTitle")}</h2>
        {answers.length === 0 ? (
          <p>{t("me.noAnswers")}</p>
        ) : (
          <ul className="answer-list">
            {answers.map((a) => (
              <li key={a.activityId}>
                <Link to={`/activities/${a.activityId}`}>{a.title}</Link>
                <ActivityTime startsAt={a.startsAt} />
                <span className={`badge badge--${a.status}`}>
                  {a.status === "going"
                    ? t("me.going")
                    : a.status === "waitlisted"
                      ? t("me.waitlisted", { position: String(a.waitlistPosition ?? "") })
                      : t("me.notGoing")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="groups-title">
        <h2 id="groups-title">{t("me.groupsTitle")}</h2>
        <ul className="group-list">
          {mine.map((g) => (
            <li key={g.id}>
              <strong>{g.name}</strong>{" "}
              <span className="muted">
                {g.chapter_name ?? t("me.national")} · {t(`me.audience_${g.audience}`)}
              </span>
              <p className="muted">{g.membership === "active" ? t("me.groupMember") : t("me.groupRequested")}</p>
              <Form method="post">
                <input type="hidden" name="groupId" value={g.id} />
                <button type="submit" name="intent" value="leaveGroup" className="link-button" disabled={busy}>
                  {g.membership === "active" ? t("me.leaveGroup") : t("me.withdrawRequest")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <h3>{t("me.otherGroupsTitle")}</h3>
        {others.length === 0 ? (
          <p>{t("me.noOtherGroups")}</p>
        ) : (
          <ul className="group-list">
            {others.map((g) => (
              <li key={g.id}>
                <strong>{g.name}</strong>{" "}
                <span className="muted">
                  {g.chapter_name ?? t("me.national")} · {t(`me.audience_${g.audience}`)}
                </span>
                {g.description ? <p>{g.description}</p> : null}
                <Form method="post">
                  <input type="hidden" name="groupId" value={g.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="joinGroup"
                    className="button button--small"
                    disabled={busy}
                  >
                    {g.join_policy === "open" ? t("me.joinGroup") : t("me.askToJoin")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel stack" aria-labelledby="interest-title">
        <h2 id="interest-title">{t("interest.meTitle")}</h2>
        <p>{t("interest.meText")}</p>
        <p>
          <Link to="/interest">{t("interest.meLink")}</Link>
        </p>
      </section>

      <CalendarFeedSection section={calendar} />
      <section className="panel stack" aria-labelledby="me-push-title">
        <h2 id="me-push-title">{t("push.settings.title")}</h2>
        <p>
          <Link to="/notices">{t("notices.meLink")}</Link>
        </p>
      </section>

      <section className="panel stack" aria-labelledby="passphrase-title">
        <h2 id="passphrase-title">{t("me.passphraseTitle")}</h2>
        <ErrorSummary errors={passphraseErrors} fieldOrder={["currentPassphrase", "newPassphrase"]} />
        <Form method="post" className="form" noValidate>
          <PassphraseField
            name="currentPassphrase"
            purpose="current"
            label={t("me.currentPassphraseLabel")}
            error={passphraseErrors?.currentPassphrase}
          />
          <PassphraseField
            name="newPassphrase"
            purpose="new"
            label={t("me.newPassphraseLabel")}
            hint={t("join.passphraseHint")}
            error={passphraseErrors?.newPassphrase}
          />
          <div>
            <button type="submit" name="intent" value="changePassphrase" className="button" disabled={busy}>
              {t("me.changePassphrase")}
            </button>
          </div>
        </Form>
      </section>

      <section className="panel stack" aria-labelledby="recovery-title">
        <h2 id="recovery-title">{t("me.recoveryTitle")}</h2>
        <p>{t("me.recoveryCount", { count: recoveryCodesLeft })}</p>
        <Form method="post">
          <p className="muted">{t("me.recoveryRegenerateHint")}</p>
          <button
            type="submit"
            name="intent"
            value="regenerateRecoveryCodes"
            className="button button--secondary"
            disabled={busy}
          >
            {t("me.recoveryRegenerate")}
          </button>
        </Form>
      </section>

      <section className="panel stack" aria-labelledby="reminders-title">
        <h2 id="reminders-title">{t("notices.reminders.legend")}</h2>
        <Form method="post" className="form" key={reminder}>
          <fieldset className="field">
            <legend className="visually-hidden">{t("notices.reminders.legend")}</legend>
            <p className="field__hint">{t("notices.reminders.hint")}</p>
            {REMINDER_CHOICES.map((choice) => (
              <div className="field field--checkbox" key={choice}>
                <input
                  type="radio"
                  id={`reminder-${choice}`}
                  name="reminder"
                  value={choice}
                  defaultChecked={reminder === choice}
                />
                <label htmlFor={`reminder-${choice}`}>{t(`notices.reminders.${choice}`)}</label>
              </div>
            ))}
          </fieldset>
          {actionData?.notice === "remindersSaved" ? (
            <p className="notice notice--success" role="status">
              {t("notices.reminders.saved")}
            </p>
          ) : null}
          <button type="submit" name="intent" value="setReminder" className="button button--secondary" disabled={busy}>
            {t("notices.reminders.save")}
          </button>
        </Form>
      </section>

      <section className="panel stack" aria-labelledby="security-title">
        <h2 id="security-title">{t("me.securityTitle")}</h2>
        <ul className="link-list">
          <li>
            <Link to="/me/sessions">{t("me.sessionsLink")}</Link>
          </li>
          <li>
            <Link to="/safety">{t("me.safetyLink")}</Link>
          </li>
        </ul>
        <Form method="post">
          <p className="muted">{t("me.signOutEverywhereHint")}</p>
          <button type="submit" name="intent" value="signOutEverywhere" className="button button--secondary">
            {t("me.signOutEverywhere")}
          </button>
        </Form>
      </section>

      <section className="panel stack" aria-labelledby="data-title">
        <h2 id="data-title">{t("me.dataTitle")}</h2>
        <ul className="link-list">
          <li>
            <a href="/me/data" download>
              {t("me.dataLink")}
            </a>
          </li>
          <li>
            <Link to="/me/delete">{t("me.deleteLink")}</Link>
          </li>
        </ul>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("me.metaTitle"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
