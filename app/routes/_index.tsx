import { Form, Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "~/i18n/react";
import { getViewer, type MemberViewer } from "~/features/sessions/viewer.server";
import { ActivityCard } from "~/components/ActivityCard";
import { CheckboxField } from "~/components/forms";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { useLocaleTag } from "~/components/ActivityTime";
import { SPOKEN_LANGUAGE_CODES, SPOKEN_LANGUAGES } from "~/features/activities/spoken-languages";
import { dateTimeFormat } from "~/i18n/intl";
import { loadMemberHome } from "~/features/activities/member-activities.server";
import { listChapters } from "~/features/chapters/chapters.server";
import { db } from "~/platform/db.server";
import { pageTitle } from "~/platform/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer.kind === "staff") throw redirect("/staff");
  if (viewer.kind === "member") return memberHome(request, viewer);
  // Signed out: a neutral welcome and the chapter names. No activity titles, times or places.
  const chapters = await listChapters(db());
  return {
    kind: "welcome" as const,
    chapters: chapters.map((c) => ({ slug: c.slug, name: c.name, region: c.region })),
  };
}

async function memberHome(request: Request, viewer: MemberViewer) {
  const params = new URL(request.url).searchParams;
  const home = await loadMemberHome(db(), viewer.member, {
    group: params.get("group"),
    week: params.get("week"),
    language: params.get("language"),
    interpreter: params.get("interpreter"),
    after: params.get("after"),
  });
  return { kind: "member" as const, ...home };
}

export default function Index() {
  const data = useLoaderData<typeof loader>();
  return data.kind === "member" ? <MemberHome {...data} /> : <Welcome chapters={data.chapters} />;
}

type MemberHomeData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "member" }>;

function MemberHome({ activities, groups, weekStarts, filter, nextPage, laterPage }: MemberHomeData) {
  const { t } = useTranslation();
  const tag = useLocaleTag();
  const filtered = filter.group !== "" || filter.week !== "" || filter.language !== "" || filter.interpreterOnly;
  const weekLabel = (start: string, offset: number) =>
    offset === 0
      ? t("activities.thisWeek")
      : offset === 1
        ? t("activities.nextWeek")
        : t("activities.weekOf", {
            date: dateTimeFormat(tag, { timeZone: "Europe/Oslo", day: "numeric", month: "long" }).format(
              new Date(start),
            ),
          });
  return (
    <div className="stack">
      <section aria-labelledby="activities-title">
        <h1 id="activities-title">{t("activities.listTitle")}</h1>
        <p className="lead">{t("activities.listIntro")}</p>
      </section>
      <Form method="get" className="activity-filter" aria-labelledby="filter-title">
        <h2 id="filter-title" className="visually-hidden">
          {t("activities.filterTitle")}
        </h2>
        {groups.length > 0 ? (
          <div className="field">
            <label className="field__label" htmlFor="filter-group">
              {t("activities.filterGroup")}
            </label>
            <select id="filter-group" name="group" className="field__input" defaultValue={filter.group}>
              <option value="">{t("activities.filterAllGroups")}</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label className="field__label" htmlFor="filter-week">
            {t("activities.filterWeek")}
          </label>
          <select id="filter-week" name="week" className="field__input" defaultValue={filter.week}>
            <option value="">{t("activities.filterAllWeeks")}</option>
            {weekStarts.map((start, offset) => (
              <option key={start} value={String(offset)}>
                {weekLabel(start, offset)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="filter-language">
            {t("activities.filterLanguage")}
          </label>
          <select id="filter-language" name="language" className="field__input" defaultValue={filter.language}>
            <option value="">{t("activities.filterAllLanguages")}</option>
            {SPOKEN_LANGUAGE_CODES.map((code) => (
              <option key={code} value={code} lang={code}>
                {SPOKEN_LANGUAGES[code]}
              </option>
            ))}
          </select>
        </div>
        <CheckboxField
          name="interpreter"
          value="1"
          label={t("activities.filterInterpreter")}
          defaultChecked={filter.interpreterOnly}
        />
        <div className="activity-filter__actions">
          <button type="submit" className="button">
            {t("activities.applyFilter")}
          </button>
          {filtered ? (
            <Link to="/" className="button button--secondary">
              {t("activities.clearFilter")}
            </Link>
          ) : null}
        </div>
      </Form>
      {activities.length === 0 ? (
        <p className="notice">{filtered ? t("activities.emptyFiltered") : t("activities.empty")}</p>
      ) : (
        <ul className="activity-list">
          {activities.map((activity) => (
            <li key={activity.id}>
              <ActivityCard activity={activity} />
            </li>
          ))}
        </ul>
      )}
      {nextPage || laterPage ? (
        <nav className="button-row" aria-label={t("activities.pagesTitle")}>
          {nextPage ? (
            <Link className="button" to={`/?${pageSearch(filter, nextPage)}`}>
              {t("activities.laterActivities")}
            </Link>
          ) : null}
          {laterPage ? (
            <Link className="button button--secondary" to={`/?${pageSearch(filter)}`}>
              {t("activities.soonestActivities")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

/** The search of a page of the list with the same filters: the next page after `after`, or the first. */
function pageSearch(filter: MemberHomeData["filter"], after?: string): string {
  const search = new URLSearchParams();
  if (filter.group) search.set("group", filter.group);
  if (filter.week) search.set("week", filter.week);
  if (filter.language) search.set("language", filter.language);
  if (filter.interpreterOnly) search.set("interpreter", "1");
  if (after) search.set("after", after);
  return search.toString();
}

function Welcome({ chapters }: { chapters: Array<{ slug: string; name: string; region: string }> }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <section className="panel">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.intro")}</p>
        <div className="button-row">
          <Link className="button" to="/join">
            {t("home.haveCode")}
          </Link>
          <Link className="button button--secondary" to="/login">
            {t("home.signIn")}
          </Link>
        </div>
      </section>
      <section className="panel" aria-labelledby="join-title">
        <h2 id="join-title">{t("home.howToJoinTitle")}</h2>
        <p>{t("home.howToJoin")}</p>
      </section>
      <section className="panel" aria-labelledby="chapters-title">
        <h2 id="chapters-title">{t("home.chaptersTitle")}</h2>
        {chapters.length === 0 ? (
          <p>{t("home.noChapters")}</p>
        ) : (
          <>
            <p>{t("home.chaptersIntro")}</p>
            <ul className="chapter-list">
              {chapters.map((c) => (
                <li key={c.slug}>
                  <strong>{c.name}</strong> <span className="muted">{c.region}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="interest-title">
        <h2 id="interest-title">{t("interest.landingTitle")}</h2>
        <p>{t("interest.landingText")}</p>
        <p>
          <Link to="/interest">{t("interest.landingLink")}</Link>
        </p>
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data?.kind === "member" ? t("activities.metaList") : t("meta.home")));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
