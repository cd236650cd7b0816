// One activity in the member's list: a calm card with what they need to decide.
import { Link } from "@remix-run/react";
import type { MemberActivity } from "~/features/activities/activity-row";
import { ActivityFactList, AnswerBadge, PlacesLabel, ScopeLabel } from "./ActivityFacts";

export function ActivityCard({ activity }: { activity: MemberActivity }) {
  const cancelled = activity.status === "cancelled";
  return (
    <article className={`activity-card${cancelled ? " activity-card--cancelled" : ""}`}>
      <p className="activity-card__group">
        <ScopeLabel scope={activity.scope} groupName={activity.groupName} />
      </p>
      <h3 className="activity-card__title">
        <Link to={`/activities/${activity.id}`}>{activity.title}</Link>
      </h3>
      <ActivityFactList activity={activity} className="activity-card__facts" />
      <p className="activity-card__status">
        <AnswerBadge
          activityStatus={activity.status}
          myStatus={activity.myStatus}
          waitlistPosition={activity.waitlistPosition}
        />
        {cancelled ? null : <PlacesLabel capacity={activity.capacity} goingCount={activity.goingCount} />}
      </p>
    </article>
  );
}
