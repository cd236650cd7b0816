import { Link, useLoaderData, type MetaFunction } from "@remix-run/react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { listChapters } from "~/models/chapters.server";
import { db } from "~/utils/db.server";
import { pageTitle } from "~/utils/meta";

export async function loader(_: LoaderFunctionArgs) {
  // Signed out: a neutral welcome and the chapter names. No activity titles, times or places.
  const chapters = await listChapters(db());
  return { chapters: chapters.map((c) => ({ slug: c.slug, name: c.name, region: c.region })) };
}

export default function Index() {
  const { chapters } = useLoaderData<typeof loader>();
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
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, (t) => t("meta.home"));
