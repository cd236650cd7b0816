// A staff week drawn as a week: seven day columns on a wide screen, one day after another on a
// phone, each activity a card with its counts and who asked to be met at the door.
import type { ReactNode } from "react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

export interface WeekDoorRequest {
  memberId: string;
  pseudonym: string;
  place: string | null;
  meetStaffName: string | null;
}

export interface WeekActivity {
  id: string;
  title: string;
  day: string;
  time: string;
  area: string;
  cancelled: boolean;
  /** saved but not published: members do not see it yet */
  draft: boolean;
  capacity: number | null;
  where: string | null;
  goingCount: number;
  waitlistCount: number;
  /** of the waitlist: those offered a place that is held for them now */
  offerCount: number;
  unreadNotes: number;
  doorRequests: WeekDoorRequest[];
}

export interface WeekDay {
  date: string;
  label: string;
  isToday: boolean;
}

/** "12 coming" for unlimited places, "5 of 12 coming" otherwise: never "of ∞". */
export function GoingCount({ goingCount, capacity }: { goingCount: number; capacity: number | null }) {
  const { t } = useTranslation();
  return (
    <>
      {capacity === null
        ? t("staffWeek.goingUnlimited", { going: String(goingCount) })
        : t("staffWeek.going", { going: String(goingCount), capacity: String(capacity) })}
    </>
  );
}

function ActivityCard({ activity }: { activity: WeekActivity }) {
  const { t } = useTranslation();
  return (
    <li className={`week-card${activity.cancelled ? " week-card--cancelled" : ""}`}>
      <p className="week-card__time">
        {activity.time}
        {activity.cancelled ? <span className="staff-badge"> {t("staffWeek.cancelled")}</span> : null}
        {activity.draft ? <span className="staff-badge"> {t("staffSeries.draftLabel")}</span> : null}
      </p>
      <p className="week-card__title">
        <Link to={`/staff/activities/${activity.id}`}>{activity.title}</Link>
      </p>
      <p className="week-card__where muted">
        {[activity.where, activity.area].filter((part) => part && part.trim() !== "").join(" · ")}
      </p>
      {activity.cancelled ? null : (
        <ul className="week-card__counts">
          <li>
            <Link to={`/staff/activities/${activity.id}/answers`}>
              <GoingCount goingCount={activity.goingCount} capacity={activity.capacity} />
            </Link>
          </li>
          {activity.waitlistCount > 0 ? (
            <li>{t("staffWeek.waitlist", { n: String(activity.waitlistCount) })}</li>
          ) : null}
          {activity.offerCount > 0 ? <li>{t("staffWeek.offers", { n: String(activity.offerCount) })}</li> : null}
          {activity.unreadNotes > 0 ? (
            <li className="week-card__unread">{t("staffWeek.unreadNotes", { n: String(activity.unreadNotes) })}</li>
          ) : null}
        </ul>
      )}
      {activity.doorRequests.length > 0 && !activity.cancelled ? (
        <div className="week-card__door">
          <p className="week-card__door-title">{t("staffWeek.door")}</p>
          <ul>
            {activity.doorRequests.map((d) => (
              <li key={d.memberId}>
                <span className="week-card__door-who">
                  {d.place ? t("staffWeek.doorPlace", { pseudonym: d.pseudonym, place: d.place }) : d.pseudonym}
                </span>
                <span className="muted">
                  {" · "}
                  {d.meetStaffName ? t("staffWeek.doorBy", { name: d.meetStaffName }) : t("staffWeek.doorNobodyYet")}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}

/** `compact`: only the days that have something, one after another (the dashboard). */
export function WeekGrid({
  days,
  activities,
  compact = false,
}: {
  days: WeekDay[];
  activities: WeekActivity[];
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const shown = compact ? days.filter((day) => activities.some((a) => a.day === day.date)) : days;
  return (
    <ol className={compact ? "week-grid week-grid--compact" : "week-grid"}>
      {shown.map((day) => {
        const ofDay = activities.filter((a) => a.day === day.date);
        return (
          <li
            key={day.date}
            className={`week-day${day.isToday ? " week-day--today" : ""}${ofDay.length === 0 ? " week-day--empty" : ""}`}
          >
            <h2 className="week-day__label">{day.label}</h2>
            {ofDay.length === 0 ? (
              <p className="muted week-day__nothing">{t("staffWeek.nothingThisDay")}</p>
            ) : (
              <ul className="week-day__list">
                {ofDay.map((a) => (
                  <ActivityCard key={a.id} activity={a} />
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export interface WeekLinks {
  previous: string;
  next: string;
  /** absent while the shown week is this week */
  thisWeek: string | null;
}

/** Plain links (with the filters kept), so they work without JavaScript and can be bookmarked. */
export function WeekNavigation({ links }: { links: WeekLinks }) {
  const { t } = useTranslation();
  return (
    <nav className="week-nav staff-print-hide" aria-label={t("staffWeek.filters")}>
      <Link to={links.previous} rel="prev">
        ← {t("staffWeek.previous")}
      </Link>
      {links.thisWeek ? <Link to={links.thisWeek}>{t("staffWeek.thisWeek")}</Link> : null}
      <Link to={links.next} rel="next">
        {t("staffWeek.next")} →
      </Link>
    </nav>
  );
}

export interface WeekFilterValues {
  weekKey: string;
  chapterId: string | null;
  groupId: string | null;
  chapters: { id: string; name: string }[];
  groups: { id: string; name: string; chapterName: string | null }[];
}

/** A GET form: the filters are in the address, so they work without JavaScript and survive paging. */
export function WeekFilterForm({ week, children }: { week: WeekFilterValues; children?: ReactNode }) {
  const { t } = useTranslation();
  const manyChapters = week.chapters.length > 1;
  return (
    <Form method="get" className="week-filter staff-print-hide">
      <input type="hidden" name="week" value={week.weekKey} />
      {manyChapters ? (
        <label className="field">
          <span className="field__label">{t("staffWeek.chapter")}</span>
          <select name="chapter" defaultValue={week.chapterId ?? ""} className="field__input">
            <option value="">{t("staffWeek.allChapters")}</option>
            {week.chapters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="field">
        <span className="field__label">{t("staffWeek.group")}</span>
        <select name="group" defaultValue={week.groupId ?? ""} className="field__input">
          <option value="">{t("staffWeek.allGroups")}</option>
          {week.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {manyChapters ? `${g.chapterName ?? t("staffWeek.national")}: ${g.name}` : g.name}
            </option>
          ))}
        </select>
      </label>
      <div className="week-filter__actions">
        <button type="submit" className="button button--secondary">
          {t("staffWeek.show")}
        </button>
        {children}
      </div>
    </Form>
  );
}
