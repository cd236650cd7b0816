// A member's notices: newest first, mark read (one or all), delete. Each links to what it is about,
// unless she may no longer see it; then it says only that something changed. Below them, this
// device's push settings.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams, type MetaFunction } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "~/i18n/react";
import { formatActivityTime, useLocaleTag } from "~/components/ActivityTime";
import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { PushSettings } from "~/components/PushSettings";
import { changeOwnNotices, listNoticesForMember, type NoticeItem } from "~/features/my-notices/my-notices.server";
import { requireMember } from "~/features/sessions/viewer.server";
import { db } from "~/platform/db.server";
import { pageTitle } from "~/platform/meta";
import { readFormData } from "~/platform/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { member } = await requireMember(request);
  return { notices: await listNoticesForMember(db(), member) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { member } = await requireMember(request);
  const form = await readFormData(request).catch(() => new FormData());
  const result = await changeOwnNotices(db(), member, form);
  if (!result.ok) return data({ ok: false }, { status: 400 });
  return redirect(`/notices?done=${result.done}`, { status: 303 });
}

export default function Notices() {
  const { notices } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const tag = useLocaleTag();
  const done = searchParams.get("done");
  const unread = notices.some((n) => !n.read);
  return (
    <div className="stack">
      <section className="panel" aria-labelledby="notices-title">
        <h1 id="notices-title">{t("notices.title")}</h1>
        <p>{t("notices.intro")}</p>
        <div role="status">
          {done === "delete" ? <p className="notice notice--success">{t("notices.deleted")}</p> : null}
          {done === "readAll" ? <p className="notice notice--success">{t("notices.allRead")}</p> : null}
        </div>
        {notices.length === 0 ? (
          <p className="notice">{t("notices.empty")}</p>
        ) : (
          <>
            {unread ? (
              <Form method="post">
                <button type="submit" name="intent" value="readAll" className="button button--secondary">
                  {t("notices.markAllRead")}
                </button>
              </Form>
            ) : null}
            <ul className="notice-list">
              {notices.map((notice) => (
                <NoticeEntry key={notice.id} notice={notice} tag={tag} t={t} />
              ))}
            </ul>
          </>
        )}
      </section>
      <div className="stack" data-push-settings>
        <PushSettings />
      </div>
    </div>
  );
}

function noticeText(notice: NoticeItem, tag: string, t: TFunction): string {
  const about = notice.activity;
  if (!about) return t("notices.kind.hidden");
  const values = { title: about.title, when: formatActivityTime(tag, about.startsAt) };
  switch (notice.kind) {
    case "changed":
      return notice.changed.time && notice.changed.place
        ? t("notices.kind.changed_both", values)
        : notice.changed.time
          ? t("notices.kind.changed_time", values)
          : t("notices.kind.changed_place", values);
    case "offered":
      return t("notices.kind.offered", {
        ...values,
        until: notice.offerUntil ? formatActivityTime(tag, notice.offerUntil) : "",
      });
    case "promoted":
      return t("notices.kind.promoted", values);
    case "offer_expired":
      return t("notices.kind.offer_expired", values);
    case "cancelled":
      return t("notices.kind.cancelled", values);
    case "restored":
      return t("notices.kind.restored", values);
    case "reminder":
      return t("notices.kind.reminder", values);
    case "staff_message":
      return t("notices.kind.staff_message", values);
    case "staff_reply":
      return t("notices.kind.staff_reply", values);
  }
}

function NoticeEntry({ notice, tag, t }: { notice: NoticeItem; tag: string; t: TFunction }) {
  return (
    <li className={notice.read ? "notice-item" : "notice-item notice-item--unread"}>
      <p className="notice-item__text">
        {notice.read ? null : <strong>{t("notices.unread")}: </strong>}
        {noticeText(notice, tag, t)}
      </p>
      {notice.activity?.cancelReason ? (
        <p className="notice-item__text">
          {t("notices.cancelReasonLabel")} <bdi>{notice.activity.cancelReason}</bdi>
        </p>
      ) : null}
      {notice.message ? (
        <blockquote className="notice-item__message">
          <bdi>{notice.message}</bdi>
        </blockquote>
      ) : null}
      <p className="notice-item__meta">
        <time dateTime={notice.createdAt}>{formatActivityTime(tag, notice.createdAt)}</time>
      </p>
      <div className="notice-item__actions">
        {/* An offer she can still take links as the way to take it or pass it on. */}
        {notice.activity ? (
          <Link to={`/activities/${encodeURIComponent(notice.activity.id)}`}>
            {notice.offerOpen ? t("notices.answerOffer") : t("notices.open")}
          </Link>
        ) : null}
        {notice.read ? null : (
          <Form method="post">
            <input type="hidden" name="noticeId" value={notice.id} />
            <button type="submit" name="intent" value="read" className="link-button">
              {t("notices.markRead")}
            </button>
          </Form>
        )}
        <Form method="post">
          <input type="hidden" name="noticeId" value={notice.id} />
          <button type="submit" name="intent" value="delete" className="link-button">
            {t("notices.delete")}
          </button>
        </Form>
      </div>
    </li>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("notices.meta.title"));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
