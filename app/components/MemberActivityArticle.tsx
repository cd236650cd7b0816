// One activity as a member sees it: what it is, when, where (the address only once she is going),
// who else is coming. Shared by the member's activity page, staff's view and staff's preview of a
// draft, so a preview is exactly what a member of the group will see.
import { useTranslation } from "~/i18n/react";
import { ActivityFactList, Fact, PlacesLabel, ScopeLabel } from "./ActivityFacts";
import { LinkifiedText } from "./LinkifiedText";
import type { ActivitySummary } from "~/features/activities/activity-row";
import type { RsvpStatus } from "../../db/schema";

export interface ArticleActivity extends ActivitySummary {
  description: string;
  address: string | null;
  waitlistCount: number;
  shownPseudonyms: string[];
  /** staff's reason, when the activity is cancelled */
  cancelReason?: string | null;
}

export function MemberActivityArticle({
  activity,
  view,
  myStatus,
  banner,
  offer,
  answer,
  calendarLink,
}: {
  activity: ArticleActivity;
  /** "member" and "preview" hide the address until going; "staff" shows it */
  view: "member" | "staff" | "preview";
  myStatus: RsvpStatus | null;
  banner?: React.ReactNode;
  /** a place held for her, right under the title */
  offer?: React.ReactNode;
  /** her answer, right after the facts, so on a phone its buttons are near the top */
  answer?: React.ReactNode;
  calendarLink?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const cancelled = activity.status === "cancelled";
  const asMember = view !== "staff";
  return (
    <article className="panel activity-detail" aria-labelledby="activity-title">
      {banner}
      <p className="activity-card__group">
        <ScopeLabel scope={activity.scope} groupName={activity.groupName} />
      </p>
      <h1 id="activity-title">{activity.title}</h1>
      {cancelled ? (
        <div className="notice notice--warning">
          <p>{t("activities.cancelledNotice")}</p>
          {activity.cancelReason ? (
            <p>
              {/* staff's words: bdi keeps their direction apart from the page's */}
              {t("notices.cancelReasonLabel")}
              <bdi>{activity.cancelReason}</bdi>
            </p>
          ) : null}
        </div>
      ) : null}
      {offer}
      {view === "staff" ? <p className="notice">{t("activities.staffView")}</p> : null}
      <ActivityFactList activity={activity} className="activity-facts">
        {/* A cancelled activity has no address to promise a member, and no meeting to find. */}
        {asMember && cancelled ? null : (
          <Fact term={t("activities.address")}>
            {activity.address ??
              (asMember && myStatus !== "going" ? t("activities.addressWhenGoing") : t("activities.addressMissing"))}
          </Fact>
        )}
      </ActivityFactList>
      {calendarLink}
      {answer}
      {activity.description.trim() !== "" ? (
        <section aria-labelledby="about-title" className="activity-detail__about">
          <h2 id="about-title">{t("activities.about")}</h2>
          <LinkifiedText text={activity.description} />
        </section>
      ) : null}
      <section className="activity-detail__who">
        <p>
          {activity.goingCount === 0
            ? t("activities.goingNone")
            : t("activities.goingCount", { count: activity.goingCount })}
          {!cancelled ? (
            <>
              {" · "}
              <PlacesLabel capacity={activity.capacity} goingCount={activity.goingCount} />
            </>
          ) : null}
        </p>
        {activity.waitlistCount > 0 ? <p>{t("activities.waitlistCount", { count: activity.waitlistCount })}</p> : null}
        {activity.shownPseudonyms.length > 0 ? (
          <>
            <p>{t("activities.shownPseudonyms")}</p>
            <ul className="pseudonym-list">
              {activity.shownPseudonyms.map((pseudonym, i) => (
                <li key={i}>{pseudonym}</li>
              ))}
            </ul>
          </>
        ) : null}
        {activity.goingCount > activity.shownPseudonyms.length && activity.shownPseudonyms.length > 0 ? (
          <p className="muted">{t("activities.othersHidden")}</p>
        ) : null}
      </section>
    </article>
  );
}
