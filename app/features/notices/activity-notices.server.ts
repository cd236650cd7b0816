// Notices about an activity to everyone it concerns: those going, offered and waitlisted. Called
// from the staff workflows inside their own transactions (edit, cancel, undo).
import type { AppDatabase } from "../../../db/connection";
import type { Activity } from "../../../db/schema";
import { addNoticeToMembers, parseNoticeParams } from "./notices.server";
import { significantChanges, type ActivityFacts } from "./change-rules";

/** Members whose answer the activity's news concerns: going, offered or waitlisted. */
async function concernedMembers(trx: AppDatabase, activityId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom("rsvps")
    .select("member_id")
    .where("activity_id", "=", activityId)
    .where("status", "in", ["going", "waitlisted"])
    .orderBy("arrival")
    .execute();
  return rows.map((r) => r.member_id);
}

/**
 * The one place an edit of an activity becomes notices. Only changes that matter to a member
 * (start, end, area, address) count; text, title and capacity create none. Several edits in a row
 * give one notice: a member who has not yet read her change notice for this activity has it
 * brought up to date (and to the top) instead of getting another, and no second push: her phone
 * already says she has a new message she has not read. Returns what changed.
 */
export async function noticeActivityChanged(
  trx: AppDatabase,
  { activityId, before, after }: { activityId: string; before: ActivityFacts; after: ActivityFacts },
  now: Date = new Date(),
): Promise<string[]> {
  const changed = significantChanges(before, after);
  if (changed.length === 0) return [];
  const members = await concernedMembers(trx, activityId);
  if (members.length === 0) return changed;
  const unread = await trx
    .selectFrom("notices")
    .select(["id", "member_id", "params"])
    .where("activity_id", "=", activityId)
    .where("kind", "=", "changed")
    .where("read_at", "is", null)
    .where("member_id", "in", members)
    .execute();
  const coalesced = new Set<string>();
  for (const notice of unread) {
    const earlier = parseNoticeParams(notice.params).changed;
    const union = [...new Set([...(Array.isArray(earlier) ? earlier : []), ...changed])].sort();
    await trx
      .updateTable("notices")
      .set({ params: JSON.stringify({ changed: union }), created_at: now.toISOString() })
      .where("id", "=", notice.id)
      .execute();
    coalesced.add(notice.member_id);
  }
  await addNoticeToMembers(
    trx,
    { memberIds: members.filter((m) => !coalesced.has(m)), kind: "changed", activityId, params: { changed } },
    now,
  );
  return changed;
}

/** "Cancelled", to everyone it concerns; the reason is read from the activity when shown. */
export async function noticeActivityCancelled(
  trx: AppDatabase,
  { activityId }: { activityId: string },
  now: Date = new Date(),
): Promise<number> {
  const members = await concernedMembers(trx, activityId);
  await addNoticeToMembers(trx, { memberIds: members, kind: "cancelled", activityId }, now);
  return members.length;
}

/** "It is on again", to everyone whose answer an undo restored. */
export async function noticeActivityRestored(
  trx: AppDatabase,
  { activityId }: { activityId: string },
  now: Date = new Date(),
): Promise<number> {
  const members = await concernedMembers(trx, activityId);
  await addNoticeToMembers(trx, { memberIds: members, kind: "restored", activityId }, now);
  return members.length;
}

export type { ActivityFacts };
export function factsOf(activity: Pick<Activity, "starts_at" | "ends_at" | "area" | "address">): ActivityFacts {
  return { startsAt: activity.starts_at, endsAt: activity.ends_at, area: activity.area, address: activity.address };
}
