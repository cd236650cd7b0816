// The short line a push shows on a device where the member chose "show details": the activity's
// title and what happened ("Middag sammen: the time changed"), in her language. Never a time, an
// area or an address, and nothing at all about an activity she may no longer see (the device then
// shows the neutral line). A member who chose discreet calendar titles gets no title on a lock screen
// either: the neutral line. The push feature calls this through pushJobHandler(env, detailFor).
import type { AppDatabase } from "../../../db/connection";
import type { NoticeKind } from "../../../db/schema";
import { activitiesSeenByMember } from "~/features/activities/member-activities.server";
import { parseNoticeParams } from "~/features/notices/notices.server";
import { DEFAULT_LOCALE, isLocale } from "~/i18n/config";
import { tFor } from "~/i18n/catalogs.server";

type DetailKey = Exclude<NoticeKind, "changed"> | "changed_time" | "changed_place" | "changed_both";

function detailKey(kind: NoticeKind, changed: unknown): DetailKey {
  if (kind !== "changed") return kind;
  const list = Array.isArray(changed) ? changed : [];
  if (list.includes("time") && list.includes("place")) return "changed_both";
  return list.includes("place") ? "changed_place" : "changed_time";
}

export async function detailFor(
  db: AppDatabase,
  { memberId, noticeId }: { memberId: string; noticeId: string },
): Promise<string | undefined> {
  const notice = await db
    .selectFrom("notices")
    .innerJoin("members", "members.id", "notices.member_id")
    .select([
      "notices.kind",
      "notices.activity_id",
      "notices.params",
      "members.locale",
      "members.chapter_id",
      "members.discreet_titles",
    ])
    .where("notices.id", "=", noticeId)
    .where("notices.member_id", "=", memberId)
    .where("members.deactivated_at", "is", null)
    .executeTakeFirst();
  if (!notice?.activity_id || notice.discreet_titles === 1) return undefined;
  const activity = await activitiesSeenByMember(db, memberId, notice.chapter_id)
    .where("activities.id", "=", notice.activity_id)
    .select("activities.title")
    .executeTakeFirst();
  if (!activity) return undefined;
  const t = tFor(isLocale(notice.locale) ? notice.locale : DEFAULT_LOCALE);
  const key = detailKey(notice.kind, parseNoticeParams(notice.params).changed);
  return t(`notices.pushDetail.${key}`, { title: activity.title });
}
