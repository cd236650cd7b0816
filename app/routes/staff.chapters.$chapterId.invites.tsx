// Invites for one chapter: make a batch of 1–50 codes (with groups, an expiry, a staff label and
// the slips' one or two languages) and print them as slips, shown once; see which are used, with
// their batch's label and groups; revoke one. Only hashes of the codes are ever stored.
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
import { INVITE_LABEL_MAX, inviteSchema } from "~/features/members/invite-form";
import { printableSlips } from "~/features/members/invite-slips.server";
import { formatOsloDay } from "~/platform/oslo-time";
import { LOCALE_NAMES, LOCALE_TAGS, LOCALES } from "~/i18n/config";
import { PrintButton } from "~/components/PrintButton";
import { localeFromRequest } from "~/platform/locale.server";
import { issueInvites, loadChapterInvites, revokeInvite } from "~/features/members/invites.server";
import { db } from "~/platform/db.server";
import { parseForm, type FieldErrors } from "~/platform/forms";
import { pageTitle } from "~/platform/meta";
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
      label: i.batchLabel,
      languages: i.batchLanguages ? i.batchLanguages.split(",") : [],
      groupNames: i.groupNames,
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

  const parsed = parseForm(joinCheckboxes(joinCheckboxes(form, "groupIds"), "languages"), inviteSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, slips: null }, { status: 400 });
  const { codes, expiresAt, languages } = await issueInvites(db(), viewer.staff, {
    chapterId: chapter.id,
    ...parsed.data,
  });
  const slips = await printableSlips({ codes, languages, expiresAt, origin: new URL(request.url).origin });
  const errors: FieldErrors | undefined = undefined;
  return { errors, values: undefined, slips };
}

export default function ChapterInvites() {
  const { chapter, groups, counts, invites, next, firstPage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const values: Record<string, string> = actionData?.values ?? { count: "5", expiresInDays: "30", languages: "nb" };
  const chosenGroups = (values.groupIds ?? "").split(",");
  const chosenLanguages = (values.languages ?? "").split(",");
  const slips = actionData?.slips;
  return (
    <div className="stack">
      {slips ? (
        <section className="panel staff-slips" aria-labelledby="slips-title">
          <div className="staff-print-hide stack">
            <h1 id="slips-title">{t("staff.invites.slipsTitle")}</h1>
            <p className="notice notice--warning">{t("staff.invites.slipsOnce")}</p>
            <p className="muted">{t("staffSlips.cutHint")}</p>
            <div>
              <PrintButton label={t("staff.invites.print")} />
            </div>
          </div>
          <ul className="staff-slip-list">
            {slips.codes.map((slip) => (
              <li key={slip.code} className="staff-slip">
                <div className="staff-slip__words">
                  {slips.words.map((w) => (
                    <div key={w.lang} lang={w.lang} dir={w.dir} className="staff-slip__language">
                      <p className="staff-slip__heading">{w.heading}</p>
                      <p>{w.text}</p>
                      <p className="muted">{w.expires}</p>
                    </div>
                  ))}
                </div>
                <div className="staff-slip__code">
                  <img src={slip.qrCode} alt={t("staff.invites.slipQrAlt")} width={120} height={120} />
                  <p>
                    <bdi>{slips.words.map((w) => w.address).join(" / ")}</bdi>{" "}
                    <strong className="staff-code">{slips.joinAddress}</strong>
                  </p>
                  <p>
                    <bdi>{slips.words.map((w) => w.code).join(" / ")}</bdi>{" "}
                    <strong className="staff-code staff-slip__key">{slip.code}</strong>
                  </p>
                </div>
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
        <ErrorSummary
          errors={actionData?.errors}
          fieldOrder={["count", "expiresInDays", "label", "languages", "groupIds"]}
        />
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
          <TextField
            name="label"
            label={t("staffSlips.label")}
            hint={t("staffSlips.labelHint", { max: String(INVITE_LABEL_MAX) })}
            error={actionData?.errors?.label}
            defaultValue={values.label ?? ""}
          />
          <fieldset id="field-languages" aria-describedby="languages-hint">
            <legend>{t("staffSlips.languages")}</legend>
            <p id="languages-hint" className="field__hint">
              {t("staffSlips.languagesHint")}
            </p>
            {actionData?.errors?.languages ? (
              <p className="field__error">{t(`validation.${actionData.errors.languages}`)}</p>
            ) : null}
            {LOCALES.map((l) => (
              <label key={l} className="staff-checkbox">
                <input type="checkbox" name="languages" value={l} defaultChecked={chosenLanguages.includes(l)} />
                <span lang={LOCALE_TAGS[l]}>{LOCALE_NAMES[l]}</span>
              </label>
            ))}
          </fieldset>
          {groups.length > 0 ? (
            <fieldset id="field-groupIds">
              <legend>{t("staff.invites.groups")}</legend>
              {groups.map((g) => (
                <label key={g.id} className="staff-checkbox">
                  <input type="checkbox" name="groupIds" value={g.id} defaultChecked={chosenGroups.includes(g.id)} />
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
                <p>
                  <bdi className="staff-invite__label">{invite.label ?? t("staffSlips.noLabel")}</bdi>
                  <span className="muted">
                    {" "}
                    · {t("staffSlips.groups")}{" "}
                    {invite.groupNames.length > 0 ? (
                      <bdi>{invite.groupNames.join(", ")}</bdi>
                    ) : (
                      t("staffSlips.noGroups")
                    )}
                    {invite.languages.length > 0
                      ? ` · ${t("staffSlips.slipLanguages")} ${invite.languages.map((l) => LOCALE_NAMES[l as keyof typeof LOCALE_NAMES] ?? l).join(", ")}`
                      : null}
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
