// Small facts about an activity that the list and the detail page both show.
import { useTranslation } from "react-i18next";
import { placesState } from "~/features/answers/answer-rules";
import { conjunction, languageName } from "~/i18n/intl";
import type { ActivityScope } from "~/features/activities/activity-row";
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
  if (activityStatus === "cancelled") return <span className="answer-badge answer-badge--cancelled">{t("activities.cancelled")}</span>;
  if (myStatus === "going") return <span className="answer-badge answer-badge--going">{t("activities.answerGoing")}</span>;
  if (myStatus === "waitlisted") {
    return (
      <span className="answer-badge answer-badge--waitlisted">
        {t("activities.answerWaitlisted", { position: String(waitlistPosition ?? "") })}
      </span>
    );
  }
  if (myStatus === "not_going") return <span className="answer-badge answer-badge--not-going">{t("activities.answerNotGoing")}</span>;
  return null;
}

/** Language codes ("nb,en") as names in the reader's language ("norsk bokmål, engelsk"). */
export function languageNames(codes: readonly string[], localeTag: string): string {
  return conjunction(
    codes.map((code) => languageName(code, localeTag)),
    localeTag,
  );
}
