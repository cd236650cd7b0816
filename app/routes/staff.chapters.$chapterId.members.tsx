// The members of one chapter: pseudonyms, groups, last active day. Staff can deactivate a member
// (signed out everywhere at once) or give them a one-time code to choose a new passphrase.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireStaffChapter } from "~/features/chapters/chapter-access.server";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { ErrorSummary } from "~/components/forms";
import { PageLinks } from "~/components/PageLinks";
import { codeInGroups, memberActionSchema } from "~/features/members/staff-member-form";
import { formatOsloDay } from "~/platform/oslo-time";
import { LOCALE_TAGS } from "~/i18n/config";
import { localeFromRequest } from "~/platform/locale.server";
import { deactivateMember, issueResetCode, listMembersOfChapter } from "~/features/members/staff-members.server";
import { db } from "~/platform/db.server";
import { parseForm } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, chapter } = await requireStaffChapter(request, params.chapterId);
  const tag = LOCALE_TAGS[localeFromRequest(request)];
  const after = new URL(request.url).searchParams.get("after") ?? undefined;
  const { members, next } = await listMembersOfChapter(db(), viewer.staff, { chapterId: chapter.id, after });
  return {
    chapter,
    next,
    firstPage: after === undefined,
    members: members.map((m) => ({
      id: m.id,
      pseudonym: m.pseudonym,
      groups: m.group_names ?? "",
      lastActive: m.last_active_on ? formatOsloDay(m.last_active_on, tag) : null,
      deactivated: m.deactivated_at !== null,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, chapter } = await requireStaffChapter(request, params.chapterId);
  const parsed = parseForm(await readFormData(request), memberActionSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, resetCode: null, done: null }, { status: 400 });
  const { intent, memberId } = parsed.data;
  const target = { chapterId: chapter.id, memberId };

  if (intent === "deactivate") {
    await deactivateMember(db(), viewer.staff, target);
    return { errors: undefined, resetCode: null, done: "deactivated" as const };
  }
  const code = await issueResetCode(db(), viewer.staff, target);
  // Unknown, other chapter's or deactivated: indistinguishable, like everywhere else.
  if (!code) throw new Response("Not found", { status: 404 });
  // Shown once, from this response; only its hash is stored.
  return { errors: undefined, resetCode: { memberId, code: codeInGroups(code) }, done: null };
}

export default function ChapterMembers() {
  const { chapter, members, next, firstPage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const resetFor = actionData?.resetCode ? members.find((m) => m.id === actionData.resetCode?.memberId) : undefined;
  return (
    <div className="stack">
      <section className="panel">
        <p>
          <Link to={`/staff/chapters/${chapter.id}`}>{chapter.name}</Link>
        </p>
        <h1>{t("staff.members.title")}</h1>
        <p>{t("staff.members.intro")}</p>
        <ErrorSummary errors={actionData?.errors} />
        {actionData?.done === "deactivated" ? (
          <p className="notice notice--success" role="status">
            {t("staff.members.deactivatedDone")}
          </p>
        ) : null}
        {actionData?.resetCode && resetFor ? (
          <div className="notice notice--warning" role="status">
            <h2>{t("staff.members.resetCodeTitle")}</h2>
            <p>{t("staff.members.resetCodeFor", { pseudonym: resetFor.pseudonym })}</p>
            <p className="staff-code">{actionData.resetCode.code}</p>
            <p>{t("staff.members.resetCodeOnce")}</p>
          </div>
        ) : null}
      </section>
      <section className="panel">
        {members.length === 0 ? (
          <p>{t("staff.members.none")}</p>
        ) : (
          <ul className="staff-member-list">
            {members.map((m) => (
              <li key={m.id} className={m.deactivated ? "is-deactivated" : undefined}>
                <p>
                  <Link
                    to={`/staff/chapters/${chapter.id}/members/${m.id}`}
                    aria-label={t("staffMember.open", { pseudonym: m.pseudonym })}
                  >
                    <strong>{m.pseudonym}</strong>
                  </Link>
                  {m.deactivated ? <span className="muted"> · {t("staff.members.deactivated")}</span> : null}
                </p>
                <p className="muted">
                  {t("staff.members.groups")}: {m.groups || "—"} · {t("staff.members.lastActive")}:{" "}
                  {m.lastActive ?? t("staff.members.never")}
                </p>
                {m.deactivated ? null : (
                  <Form method="post" className="staff-inline-form">
                    <input type="hidden" name="memberId" value={m.id} />
                    <button
                      type="submit"
                      className="button button--small button--secondary"
                      name="intent"
                      value="resetCode"
                    >
                      {t("staff.members.resetCode")}
                    </button>
                    <button
                      type="submit"
                      className="button button--small button--danger"
                      name="intent"
                      value="deactivate"
                      title={t("staff.members.deactivateExplain")}
                    >
                      {t("staff.members.deactivate")}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
        <PageLinks
          next={next ? `/staff/chapters/${chapter.id}/members?after=${encodeURIComponent(next)}` : null}
          first={firstPage ? null : `/staff/chapters/${chapter.id}/members`}
        />
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staff.meta.members"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
