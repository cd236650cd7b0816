// Check-in at the door, phone first: one tap marks "came" and undoes it; walk-ins by pseudonym
// (members of the activity's chapter) or as a count of people without an account. Every row is
// its own form, so it works without JavaScript; with it, the tap shows at once (fetcher).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { applyCheckInForm, findCheckInList } from "~/features/attendance/attendance.server";
import { requireStaff } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { LOCALE_TAGS } from "~/i18n/config";
import { db } from "~/platform/db.server";
import { localeFromRequest } from "~/platform/locale.server";
import { pageTitle } from "~/platform/meta";
import { formatOsloDateTime } from "~/platform/oslo-time";
import { notFound } from "~/platform/responses";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request);
  const found = await findCheckInList(db(), viewer.staff, { activityId: params.activityId ?? "" });
  if (!found) notFound();
  return {
    id: found.activity.id,
    title: found.activity.title,
    when: formatOsloDateTime(found.activity.starts_at, LOCALE_TAGS[localeFromRequest(request)]),
    cancelled: found.activity.status === "cancelled",
    ended: found.ended,
    people: found.people,
    walkInCount: found.walkInCount,
    cameCount: found.cameCount,
    didNotComeCount: found.didNotComeCount,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireStaff(request);
  const activityId = params.activityId ?? "";
  const result = await applyCheckInForm(db(), viewer.staff, { activityId, form: await readFormData(request) });
  if (result === "outOfScope") notFound();
  if (!result.ok) return data({ error: result.error }, { status: 400 });
  return redirect(`/staff/activities/${activityId}/check-in`, { status: 303 });
}

type Person = ReturnType<typeof useLoaderData<typeof loader>>["people"][number];

export default function CheckIn() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const going = page.people.filter((p) => p.place === "going");
  const waitlisted = page.people.filter((p) => p.place === "waitlisted");
  const walkIns = page.people.filter((p) => p.place === "walkIn");
  return (
    <div className="stack check-in">
      <section className="panel">
        <p>
          <Link to={`/staff/activities/${page.id}`}>{t("staff.activity.backToActivity")}</Link>
        </p>
        <h1>{t("staffAttendance.title")}</h1>
        <p className="lead">
          {page.title} <span className="muted">· {page.when}</span>
        </p>
        {page.cancelled ? <p className="notice notice--warning">{t("staffAttendance.cancelled")}</p> : null}
        <p className="check-in__summary" role="status">
          {t("staffAttendance.cameCount", { count: page.cameCount })}
          {page.ended ? ` · ${t("staffAttendance.didNotComeCount", { count: page.didNotComeCount })}` : null}
        </p>
      </section>
      <PeopleList title={t("staffAttendance.going", { count: going.length })} people={going} />
      {waitlisted.length > 0 ? (
        <PeopleList title={t("staffAttendance.waitlisted", { count: waitlisted.length })} people={waitlisted} />
      ) : null}
      {walkIns.length > 0 ? <PeopleList title={t("staffAttendance.walkIns")} people={walkIns} /> : null}
      <section className="panel" aria-labelledby="walk-in-title">
        <h2 id="walk-in-title">{t("staffAttendance.addWalkIn")}</h2>
        <Form method="post" className="check-in__walk-in">
          <label className="field">
            <span className="field__label">{t("staffAttendance.pseudonym")}</span>
            <span className="field__hint">{t("staffAttendance.pseudonymHint")}</span>
            <input
              name="pseudonym"
              className="field__input"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              aria-invalid={actionData?.error ? true : undefined}
              aria-describedby={actionData?.error ? "walk-in-error" : undefined}
            />
            {actionData?.error ? (
              <span id="walk-in-error" className="field__error">
                {t(`staffAttendance.errors.${actionData.error}`)}
              </span>
            ) : null}
          </label>
          <button type="submit" className="button" name="intent" value="walkIn">
            {t("staffAttendance.addWalkInButton")}
          </button>
        </Form>
        <h2>{t("staffAttendance.withoutAccount")}</h2>
        <p className="muted">{t("staffAttendance.withoutAccountHint")}</p>
        <WalkInCounter count={page.walkInCount} />
      </section>
    </div>
  );
}

function PeopleList({ title, people }: { title: string; people: Person[] }) {
  const { t } = useTranslation();
  return (
    <section className="panel">
      <h2>{title}</h2>
      {people.length === 0 ? (
        <p className="muted">{t("staffAttendance.none")}</p>
      ) : (
        <ul className="check-in__list">
          {people.map((p) => (
            <PersonRow key={p.memberId} person={p} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PersonRow({ person }: { person: Person }) {
  const { t } = useTranslation();
  const fetcher = useFetcher();
  const pending = fetcher.formData?.get("intent");
  const came = pending ? pending === "came" : person.came;
  return (
    <li className={came ? "check-in__row check-in__row--came" : "check-in__row"}>
      <span className="check-in__name">
        <strong>{person.pseudonym}</strong>
        {came ? <span className="check-in__badge">{t("staffAttendance.came")}</span> : null}
        {!came && person.didNotCome ? <span className="muted"> · {t("staffAttendance.didNotCome")}</span> : null}
      </span>
      <fetcher.Form method="post">
        <input type="hidden" name="memberId" value={person.memberId} />
        <button
          type="submit"
          name="intent"
          value={came ? "undo" : "came"}
          className={came ? "button button--secondary check-in__tap" : "button check-in__tap"}
          aria-label={t(came ? "staffAttendance.undoFor" : "staffAttendance.markFor", { pseudonym: person.pseudonym })}
        >
          {came ? t("staffAttendance.undo") : t("staffAttendance.mark")}
        </button>
      </fetcher.Form>
    </li>
  );
}

function WalkInCounter({ count }: { count: number }) {
  const { t } = useTranslation();
  const fetcher = useFetcher();
  const pending = fetcher.formData?.get("intent");
  const shown = pending === "walkInMore" ? count + 1 : pending === "walkInFewer" ? Math.max(0, count - 1) : count;
  return (
    <fetcher.Form method="post" className="check-in__counter">
      <button
        type="submit"
        name="intent"
        value="walkInFewer"
        className="button button--secondary check-in__tap"
        disabled={shown === 0}
        aria-label={t("staffAttendance.fewer")}
      >
        −
      </button>
      <output className="check-in__count" aria-live="polite">
        {t("staffAttendance.withoutAccountCount", { count: shown })}
      </output>
      <button
        type="submit"
        name="intent"
        value="walkInMore"
        className="button check-in__tap"
        aria-label={t("staffAttendance.more")}
      >
        +
      </button>
    </fetcher.Form>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staffAttendance.meta"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
