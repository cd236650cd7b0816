// Invites for one chapter: make 1–50 codes (with groups and an expiry) and print them as slips,
// shown once; see which are used; revoke one. Only hashes of the codes are ever stored.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type MetaFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { z } from "zod";
import { requireStaffChapter } from "~/features/chapters/chapter-access.server";
import { notFound } from "~/platform/responses";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PageLinks } from "~/components/PageLinks";
import { ErrorSummary, TextField } from "~/components/forms";
import { joinCheckboxes } from "~/features/activities/activity-form";
import { inviteSchema } from "~/features/members/invite-form";
import { codeInGroups } from "~/features/members/staff-member-form";
import { formatOsloDay } from "~/platform/oslo-time";
import { LOCALE_TAGS } from "~/i18n/config";
import { localeFromRequest } from "~/platform/locale.server";
import { issueInvites, loadChapterInvites, revokeInvite } from "~/features/members/invites.server";
import { db } from "~/platform/db.server";
import { parseForm, type FieldErrors } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
import { qrCodeDataUrl } from "~/platform/qr-code.server";
import { readFormData } from "~/platform/read-form.server";

const revokeSchema = z.object({ inviteId: z.string().min(1).max(64) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, chapter } = await requireStaffChapter(request, params.chapterId);
  const tag = LOCALE_TAGS[localeFromRequest(request)];
  const after = new URL(request.url).searchParams.get("after") ?? undefined;
  const { groups, counts, invites, next } = await loadChapterInvites(db(), viewer.staff, {
    chapterId: chapter.id,
    after,
  });
  return {
    chapter,
    next,
    firstPage: after === undefined,
    groups,
    counts,
    invites: invites.map((i) => ({
      id: i.id,
      created: formatOsloDay(i.created_at, tag),
      expires: formatOsloDay(i.expires_at, tag),
      status: i.status,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, chapter } = await requireStaffChapter(request, params.chapterId);
  const form = await readFormData(request);

  if (form.get("intent") === "revoke") {
    const parsed = parseForm(form, revokeSchema);
    if (!parsed.ok) notFound();
    // Only an invite of this chapter, which requireStaffChapter has checked is in scope.
    await revokeInvite(db(), viewer.staff, { chapterId: chapter.id, inviteId: parsed.data.inviteId });
    return redirect(`/staff/chapters/${chapter.id}/invites`, { status: 303 });
  }

  const parsed = parseForm(joinCheckboxes(form, "groupIds"), inviteSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, slips: null }, { status: 400 });
  const { codes, expiresAt } = await issueInvites(db(), viewer.staff, { chapterId: chapter.id, ...parsed.data });

  const origin = new URL(request.url).origin;
  const slips = await Promise.all(
    codes.map(async (code) => ({
      code: codeInGroups(code),
      qrCode: await qrCodeDataUrl(`${origin}/join?code=${encodeURIComponent(code)}`),
    })),
  );
  const errors: FieldErrors | undefined = undefined;
  return {
    errors,
    values: undefined,
    slips: {
      joinAddress: `${origin}/join`,
      expires: formatOsloDay(expiresAt.toISOString(), LOCALE_TAGS[localeFromRequest(request)]),
      codes: slips,
    },
  };
}

export default function ChapterInvites() {
  const { chapter, groups, counts, invites, next, firstPage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const values: Record<string, string> = actionData?.values ?? { count: "5", expiresInDays: "30" };
  const slips = actionData?.slips;
  return (
    <div className="stack">
      {slips ? (
        <section className="panel staff-slips" aria-labelledby="slips-title">
          <div className="staff-print-hide">
            <h1 id="slips-title">{t("staff.invites.slipsTitle")}</h1>
            <p className="notice notice--warning">{t("staff.invites.slipsOnce")}</p>
          </div>
          <ul className="staff-slip-list">
            {slips.codes.map((slip) => (
              <li key={slip.code} className="staff-slip">
                <p className="staff-slip__heading">{t("staff.invites.slipHeading")}</p>
                <p>{t("staff.invites.slipText")}</p>
                <p>
                  {t("staff.invites.slipAddress")} <strong>{slips.joinAddress}</strong>
                </p>
                <p>
                  {t("staff.invites.slipCode")} <strong className="staff-code">{slip.code}</strong>
                </p>
                <img src={slip.qrCode} alt={t("staff.invites.slipQrAlt")} width={140} height={140} />
                <p className="muted">{t("staff.invites.slipExpires", { date: slips.expires })}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="panel staff-print-hide">
        <p>
          <Link to={`/staff/chapters/${chapter.id}`}>{chapter.name}</Link>
        </p>
        <h1>{t("staff.invites.title")}</h1>
        <p>{t("staff.invites.intro")}</p>
        <ErrorSummary errors={actionData?.errors} fieldOrder={["count", "expiresInDays", "groupIds"]} />
        <Form method="post" className="form" noValidate>
          <TextField
            name="count"
            inputMode="numeric"
            label={t("staff.invites.count")}
            hint={t("staff.invites.countHint")}
            error={actionData?.errors?.count}
            defaultValue={values.count ?? ""}
            className="field__input staff-short"
          />
          <TextField
            name="expiresInDays"
            inputMode="numeric"
            label={t("staff.invites.expiresInDays")}
            hint={t("staff.invites.expiresHint")}
            error={actionData?.errors?.expiresInDays}
            defaultValue={values.expiresInDays ?? ""}
            className="field__input staff-short"
          />
          {groups.length > 0 ? (
            <fieldset id="field-groupIds">
              <legend>{t("staff.invites.groups")}</legend>
              {groups.map((g) => (
                <label key={g.id} className="staff-checkbox">
                  <input type="checkbox" name="groupIds" value={g.id} />
                  <span>{g.name}</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          <div>
            <button type="submit" className="button" name="intent" value="create">
              {t("staff.invites.submit")}
            </button>
          </div>
        </Form>
      </section>

      <section className="panel staff-print-hide" aria-labelledby="invite-list">
        <h2 id="invite-list">{t("staff.invites.list")}</h2>
        <p>
          {t("staff.invites.unused", { count: counts.unused })} · {t("staff.invites.used", { count: counts.used })} ·{" "}
          {t("staff.invites.revoked", { count: counts.revoked })} ·{" "}
          {t("staff.invites.expired", { count: counts.expired })}
        </p>
        {invites.length === 0 ? (
          <p className="muted">{t("staff.invites.none")}</p>
        ) : (
          <ul className="staff-answer-list">
            {invites.map((invite) => (
              <li key={invite.id}>
                <p>
                  {t(
                    `staff.invites.status${invite.status === "unused" ? "Unused" : invite.status === "used" ? "Used" : invite.status === "revoked" ? "Revoked" : "Expired"}`,
                  )}{" "}
                  <span className="muted">
                    · {t("staff.invites.created")} {invite.created} · {t("staff.invites.expires")} {invite.expires}
                  </span>
                </p>
                {invite.status === "unused" ? (
                  <Form method="post" className="staff-inline-form">
                    <input type="hidden" name="inviteId" value={invite.id} />
                    <button
                      type="submit"
                      className="button button--small button--secondary"
                      name="intent"
                      value="revoke"
                    >
                      {t("staff.invites.revoke")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <PageLinks
          next={next ? `/staff/chapters/${chapter.id}/invites?after=${encodeURIComponent(next)}` : null}
          first={firstPage ? null : `/staff/chapters/${chapter.id}/invites`}
        />
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("staff.meta.invites"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
