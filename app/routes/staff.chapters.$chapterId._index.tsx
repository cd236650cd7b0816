// One chapter: its groups and the way to members and invites. Admins also edit the chapter
// and choose its coordinators.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaffChapter } from "~/features/chapters/chapter-access.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { ChapterForm } from "~/components/ChapterForm";
import { joinCheckboxes } from "~/features/activities/activity-form";
import { chapterSchema, coordinatorsSchema } from "~/features/chapters/chapter-form";
import { loadChapterPage, setChapterCoordinators, updateChapter } from "~/features/chapters/staff-chapters.server";
import { db } from "~/platform/db.server";
import { parseForm, type FieldErrors } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, chapter } = await requireStaffChapter(request, params.chapterId);
  return { chapter, ...(await loadChapterPage(db(), viewer.staff, { chapterId: chapter.id })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Changing the chapter itself and its coordinators is for admins only.
  const { viewer, chapter } = await requireStaffChapter(request, params.chapterId, "admin");
  const form = await readFormData(request);
  if (form.get("intent") === "coordinators") {
    const parsed = parseForm(joinCheckboxes(form, "coordinatorIds"), coordinatorsSchema);
    if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
    await setChapterCoordinators(db(), viewer.staff, {
      chapterId: chapter.id,
      coordinatorIds: parsed.data.coordinatorIds,
    });
    return redirect(`/staff/chapters/${chapter.id}?saved=1`, { status: 303 });
  }
  const parsed = parseForm(form, chapterSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await updateChapter(db(), viewer.staff, { chapterId: chapter.id, ...parsed.data });
  if (!result.ok) {
    const errors: FieldErrors = { slug: "staff.slugTaken" };
    return data({ errors, values: parsed.data as Record<string, string> }, { status: 400 });
  }
  return redirect(`/staff/chapters/${chapter.id}?saved=1`, { status: 303 });
}

export default function Chapter() {
  const { chapter, isAdmin, groups, coordinators, assigned } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const values: Record<string, string> = actionData?.values ?? chapter;
  return (
    <div className="stack">
      <section className="panel">
        <p>
          <Link to="/staff">{t("staff.backHome")}</Link>
        </p>
        <h1>{chapter.name}</h1>
        {searchParams.get("saved") || searchParams.get("created") ? (
          <p className="notice notice--success" role="status">
            {searchParams.get("created") ? t("staff.chapters.created") : t("staff.chapters.saved")}
          </p>
        ) : null}
        <div className="button-row">
          <Link className="button" to={`/staff/activities/new?target=chapter:${chapter.id}`}>
            {t("staff.chapters.newActivity")}
          </Link>
          <Link className="button button--secondary" to={`/staff/chapters/${chapter.id}/members`}>
            {t("staff.chapters.members")}
          </Link>
          <Link className="button button--secondary" to={`/staff/chapters/${chapter.id}/invites`}>
            {t("staff.chapters.invites")}
          </Link>
        </div>
      </section>

      <section className="panel" aria-labelledby="groups-title">
        <h2 id="groups-title">{t("staff.chapters.groups")}</h2>
        {groups.length === 0 ? (
          <p>{t("staff.chapters.noGroups")}</p>
        ) : (
          <ul className="staff-list">
            {groups.map((g) => (
              <li key={g.id}>
                <Link to={`/staff/groups/${g.id}`}>{g.name}</Link>{" "}
                <span className="muted">
                  {t(`staff.audience.${g.audience}`)} · {t("staff.groups.memberCount", { count: g.member_count ?? 0 })}
                </span>{" "}
                {g.request_count ? (
                  <span className="staff-badge">{t("staff.groups.requestCount", { count: g.request_count })}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`/staff/groups/new?chapter=${chapter.id}`}>{t("staff.chapters.newGroup")}</Link>
        </p>
      </section>

      {isAdmin ? (
        <>
          <section className="panel" aria-labelledby="edit-chapter">
            <h2 id="edit-chapter">{t("staff.chapters.edit")}</h2>
            <ChapterForm
              values={values}
              errors={actionData?.errors}
              submitLabel={t("staff.chapters.submitEdit")}
              intent="edit"
            />
          </section>
          <section className="panel" aria-labelledby="coordinators">
            <h2 id="coordinators">{t("staff.chapters.coordinators")}</h2>
            <p className="muted">{t("staff.chapters.coordinatorsHint")}</p>
            {coordinators.length === 0 ? (
              <p>{t("staff.chapters.noCoordinators")}</p>
            ) : (
              <Form method="post" className="form">
                <fieldset>
                  <legend className="visually-hidden">{t("staff.chapters.coordinators")}</legend>
                  {coordinators.map((c) => (
                    <label key={c.id} className="staff-checkbox">
                      <input
                        type="checkbox"
                        name="coordinatorIds"
                        value={c.id}
                        defaultChecked={assigned.includes(c.id)}
                      />
                      <span>
                        {c.display_name} <span className="muted">{c.email}</span>
                      </span>
                    </label>
                  ))}
                </fieldset>
                <div>
                  <button type="submit" className="button button--secondary" name="intent" value="coordinators">
                    {t("staff.chapters.saveCoordinators")}
                  </button>
                </div>
              </Form>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staff.meta.chapter"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
