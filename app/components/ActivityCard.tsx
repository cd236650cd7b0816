// One activity in the member's list: a calm card with what they need to decide.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MemberActivity } from "~/features/activities/activity-row";
import { AnswerBadge, languageNames, PlacesLabel, ScopeLabel } from "./ActivityFacts";
import { ActivityTime, useLocaleTag } from "./ActivityTime";

export function ActivityCard({ activity }: { activity: MemberActivity }) {
  const { t } = useTranslation();
  const tag = useLocaleTag();
  const cancelled = activity.status === "cancelled";
  return (
    <article className={`activity-card${cancelled ? " activity-card--cancelled" : ""}`}>
      <p className="activity-card__group">
        <ScopeLabel scope={activity.scope} groupName={activity.groupName} />
      </p>
      <h3 className="activity-card__title">
        <Link to={`/activities/${activity.id}`}>{activity.title}</Link>
      </h3>
      <dl className="activity-card__facts">
        <div>
          <dt>{t("activities.when")}</dt>
          <dd>
            <ActivityTime startsAt={activity.startsAt} endsAt={activity.endsAt} />
          </dd>
        </div>
        <div>
          <dt>{t("activities.area")}</dt>
          <dd>{activity.area}</dd>
        </div>
        {activity.languages.length > 0 ? (
          <div>
            <dt>{t("activities.languages")}</dt>
            <dd>
              {languageNames(activity.languages, tag)}
              {activity.interpreterAvailable ? <> {t("activities.interpreter")}</> : null}
            </dd>
          </div>
        ) : null}
      </dl>
      <p className="activity-card__status">
        <AnswerBadge activityStatus={activity.status} myStatus={activity.myStatus} waitlistPosition={activity.waitlistPosition} />
        {cancelled ? null : <PlacesLabel capacity={activity.capacity} goingCount={activity.goingCount} />}
      </p>
    </article>
  );
}
