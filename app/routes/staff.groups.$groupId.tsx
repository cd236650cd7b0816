// One group: edit it, and handle the queue of members asking to join.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { notFound } from "~/platform/responses";
import { requireStaff } from "~/features/sessions/viewer.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { StaffGroupForm } from "~/components/StaffGroupForm";
import { groupSchema, joinRequestSchema } from "~/features/groups/group-form";
import { formatOsloDay } from "~/platform/oslo-time";
import { LOCALE_TAGS } from "~/i18n/config";
import { localeFromRequest } from "~/platform/locale.server";
import { decideJoinRequest, findGroupForStaff, loadGroupPage, updateGroup } from "~/features/groups/groups.server";
import { db } from "~/platform/db.server";
import { parseForm } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request);
  const page = await loadGroupPage(db(), viewer.staff, { groupId: params.groupId ?? "" });
  if (!page) notFound();
  const tag = LOCALE_TAGS[localeFromRequest(request)];
  return {
    group: page.group,
    requests: page.requests.map((r) => ({
      memberId: r.member_id,
      pseudonym: r.pseudonym,
      since: formatOsloDay(r.created_at, tag),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireStaff(request);
  const group = await findGroupForStaff(db(), viewer.staff, { groupId: params.groupId ?? "" });
  if (!group) notFound();
  const form = await readFormData(request);
  const intent = form.get("intent");

  if (intent === "approve" || intent === "decline") {
    const parsed = parseForm(form, joinRequestSchema);
    if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
    await decideJoinRequest(db(), viewer.staff, {
      groupId: group.id,
      memberId: parsed.data.memberId,
      decision: parsed.data.intent,
    });
    return redirect(`/staff/groups/${group.id}`, { status: 303 });
  }

  const parsed = parseForm(form, groupSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  if (!(await updateGroup(db(), viewer.staff, { groupId: group.id, ...parsed.data }))) notFound();
  return redirect(`/staff/groups/${group.id}?saved=1`, { status: 303 });
}

export default function GroupPage() {
  const { group, requests } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const values: Record<string, string> = actionData?.values ?? {
    name: group.name,
    description: group.description,
    audience: group.audience,
    joinPolicy: group.join_policy,
  };
  return (
    <div className="stack">
      <section className="panel">
        <p>
          <Link to={group.chapter_id ? `/staff/chapters/${group.chapter_id}` : "/staff"}>
            {group.chapter_name ?? t("staff.backHome")}
          </Link>
        </p>
        <h1>{group.name}</h1>
        {searchParams.get("saved") || searchParams.get("created") ? (
          <p className="notice notice--success" role="status">
            {t("staff.groups.saved")}
          </p>
        ) : null}
        <p>
          <Link className="button" to={`/staff/activities/new?target=group:${group.id}`}>
            {t("staff.home.newActivity")}
          </Link>
        </p>
      </section>
      <section className="panel" aria-labelledby="requests-title">
        <h2 id="requests-title">{t("staff.groups.requests")}</h2>
        {requests.length === 0 ? (
          <p className="muted">{t("staff.groups.noRequests")}</p>
        ) : (
          <ul className="staff-answer-list">
            {requests.map((r) => (
              <li key={r.memberId}>
                <p>
                  <strong>{r.pseudonym}</strong> <span className="muted">{r.since}</span>
                </p>
                <Form method="post" className="staff-inline-form">
                  <input type="hidden" name="memberId" value={r.memberId} />
                  <button type="submit" className="button button--small" name="intent" value="approve">
                    {t("staff.groups.approve")}
                  </button>
                  <button
                    type="submit"
                    className="button button--small button--secondary"
                    name="intent"
                    value="decline"
                  >
                    {t("staff.groups.decline")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="edit-group">
        <h2 id="edit-group">{t("staff.groups.editTitle")}</h2>
        <StaffGroupForm values={values} errors={actionData?.errors} submitLabel={t("staff.groups.submitEdit")} />
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staff.meta.group"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
