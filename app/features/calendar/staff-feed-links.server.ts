// Staff calendar links, one per chapter the staff member works in (admins: any chapter).
import type { AppDatabase } from "../../../db/connection";
import { writeTransaction } from "../../../db/transaction";
import { recordAudit } from "~/features/audit/audit.server";
import { listChaptersForStaff } from "~/features/chapters/staff-chapters.server";
import type { StaffScope } from "~/features/staff/staff.server";
import { rotateFeedToken } from "./feed-tokens.server";

/**
 * A staff member's new link for one chapter's feed (the old one ends). The feed holds every
 * activity of the chapter with addresses, so making a link is audited, in the same transaction.
 * The caller has checked that the chapter is in the staff member's scope.
 */
export function replaceStaffFeedLink(
  db: AppDatabase,
  staff: { id: string },
  { chapterId }: { chapterId: string },
  now: Date = new Date(),
) {
  return writeTransaction(db, async (trx) => {
    const made = await rotateFeedToken(trx, { staffId: staff.id, chapterId }, now);
    await recordAudit(
      trx,
      { actorStaffId: staff.id, action: "calendar_feed.replace", objectType: "chapter", objectId: chapterId },
      now,
    );
    return made;
  });
}

/** The chapters a staff member may have a feed for, each with when its live link was made (or null). */
export async function listStaffFeedChapters(db: AppDatabase, staff: StaffScope & { id: string }) {
  const [chapters, linkDates] = await Promise.all([
    listChaptersForStaff(db, staff),
    listStaffFeedLinkDates(db, staff.id),
  ]);
  return chapters.map((c) => ({ chapterId: c.id, name: c.name, linkCreatedAt: linkDates.get(c.id) ?? null }));
}

/** When each of a staff user's live chapter links was made, by chapter id. */
async function listStaffFeedLinkDates(db: AppDatabase, staffId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("feed_tokens")
    .select(["chapter_id", "created_at"])
    .where("staff_id", "=", staffId)
    .where("revoked_at", "is", null)
    .orderBy("created_at")
    .execute();
  return new Map(rows.flatMap((r) => (r.chapter_id ? [[r.chapter_id, r.created_at] as const] : [])));
}
