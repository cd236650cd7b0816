// Small facts about an activity that the list and the detail page both show.
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { placesState } from "~/features/activities/answer-window";
import { conjunction, languageName } from "~/i18n/intl";
import type { ActivityScope, ActivitySummary } from "~/features/activities/activity-row";
import { ActivityTime, useLocaleTag } from "./ActivityTime";
import type { ActivityStatus, RsvpStatus } from "../../db/schema";

/** The group's name, or who else the activity is for. */
export function ScopeLabel({ scope, groupName }: { scope: ActivityScope; groupName: string | null }) {
  const { t } = useTranslation();
  if (scope === "group") return <>{groupName}</>;
  return <>{scope === "chapter" ? t("activities.wholeChapter") : t("activities.national")}</>;
}

export function PlacesLabel({ capacity, goingCount }: { capacity: number | null; goingCount: number }) {
  const { t } = useTranslation();
  const places = placesState(capacity, goingCount);
  if (places.kind === "unlimited") return <span className="places">{t("activities.noLimit")}</span>;
  if (places.kind === "full") return <span className="places places--full">{t("activities.full")}</span>;
  return <span className="places">{t("activities.placesLeft", { count: places.left })}</span>;
}

/** The member's own answer as a badge, or "cancelled", which outweighs any answer. */
export function AnswerBadge({
  activityStatus,
  myStatus,
  waitlistPosition,
}: {
  activityStatus: ActivityStatus;
  myStatus: RsvpStatus | null;
  waitlistPosition: number | null;
}) {
  const { t } = useTranslation();
  if (activityStatus === "cancelled")
    return <span className="answer-badge answer-badge--cancelled">{t("activities.cancelled")}</span>;
  if (myStatus === "going")
    return <span className="answer-badge answer-badge--going">{t("activities.answerGoing")}</span>;
  if (myStatus === "waitlisted") {
    return (
      <span className="answer-badge answer-badge--waitlisted">
        {t("activities.answerWaitlisted", { position: String(waitlistPosition ?? "") })}
      </span>
    );
  }
  if (myStatus === "not_going")
    return <span className="answer-badge answer-badge--not-going">{t("activities.answerNotGoing")}</span>;
  return null;
}

/** Language codes ("nb,en") as names in the reader's language ("norsk bokmål, engelsk"). */
export function languageNames(codes: readonly string[], localeTag: string): string {
  return conjunction(
    codes.map((code) => languageName(code, localeTag)),
    localeTag,
  );
}

/** One term and its value in a list of facts. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * When, where and in which languages: the facts the card and the activity page share. `children`
 * (the page's address) come after the area.
 */
export function ActivityFactList({
  activity,
  className,
  children,
}: {
  activity: Pick<ActivitySummary, "startsAt" | "endsAt" | "area" | "languages" | "interpreterAvailable">;
  className: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const tag = useLocaleTag();
  return (
    <dl className={className}>
      <Fact term={t("activities.when")}>
        <ActivityTime startsAt={activity.startsAt} endsAt={activity.endsAt} />
      </Fact>
      <Fact term={t("activities.area")}>{activity.area}</Fact>
      {children}
      {activity.languages.length > 0 ? (
        <Fact term={t("activities.languages")}>
          {languageNames(activity.languages, tag)}
          {activity.interpreterAvailable ? <> {t("activities.interpreter")}</> : null}
        </Fact>
      ) : null}
    </dl>
  );
}
