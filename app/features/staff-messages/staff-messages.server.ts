// Staff's message to everyone going to an activity (and, if staff choose, the waitlisted and
// offered): stored once in staff_messages, with a notice to each member that points to it by id.
// Only staff whose scope covers the activity may send one; members never can (no direct messages,
// by design). The text is never logged and never goes into the audit row: only its length and how
// many it went to.
import type { AppDatabase } from "../../../db/connection";
import { writeTransaction } from "../../../db/transaction";
import { activityInScope } from "~/features/activities/activity-scope.server";
import { recordAudit } from "~/features/audit/audit.server";
import { addNoticeToMembers } from "~/features/notices/notices.server";
import type { StaffActor } from "~/features/staff/staff.server";
import { newId } from "~/platform/ids.server";

export type SendMessageResult = { ok: true; recipients: number } | { ok: false; error: "notFound" };

/** Sends one message (already checked by staffMessageSchema) as a notice to each member it concerns. */
export async function sendStaffMessage(
  db: AppDatabase,
  staff: StaffActor,
  { activityId, body, includeWaitlist }: { activityId: string; body: string; includeWaitlist: boolean },
  now = new Date(),
): Promise<SendMessageResult> {
  return writeTransaction(db, async (trx) => {
    const activity = await trx
      .selectFrom("activities")
      .where("activities.id", "=", activityId)
      .where(activityInScope(staff))
      .select(["activities.id", "activities.chapter_id", "activities.title", "activities.starts_at"])
      .executeTakeFirst();
    if (!activity) return { ok: false, error: "notFound" };
    const recipients = await trx
      .selectFrom("rsvps")
      .select("member_id")
      .where("activity_id", "=", activityId)
      .where("status", "in", includeWaitlist ? ["going", "waitlisted"] : ["going"])
      .orderBy("arrival")
      .execute();
    const messageId = newId();
    await trx
      .insertInto("staff_messages")
      .values({
        id: messageId,
        activity_id: activityId,
        body,
        sent_by: staff.id,
        include_waitlist: includeWaitlist ? 1 : 0,
        created_at: now.toISOString(),
      })
      .execute();
    await addNoticeToMembers(
      trx,
      { memberIds: recipients.map((r) => r.member_id), kind: "staff_message", activityId, params: { messageId } },
      now,
    );
    await recordAudit(
      trx,
      {
        actorStaffId: staff.id,
        action: "activity.message",
        objectType: "activity",
        objectId: activityId,
        chapterId: activity.chapter_id,
        details: {
          title: activity.title,
          startsAt: activity.starts_at,
          length: body.length,
          recipients: recipients.length,
          includeWaitlist,
        },
      },
      now,
    );
    return { ok: true, recipients: recipients.length };
  });
}

export interface MessageForMember {
  id: string;
  body: string;
  createdAt: string;
}

/**
 * The messages of one activity a member may read: those to everyone going while she is going, and
 * those that also went to the waitlist while she is waitlisted or offered. The caller has checked
 * she may see the activity; her answer is read here, in the query itself.
 */
export async function listMessagesForMember(
  db: AppDatabase,
  member: { id: string },
  { activityId }: { activityId: string },
): Promise<MessageForMember[]> {
  const rows = await db
    .selectFrom("staff_messages")
    .innerJoin("rsvps", (join) =>
      join.onRef("rsvps.activity_id", "=", "staff_messages.activity_id").on("rsvps.member_id", "=", member.id),
    )
    .where("staff_messages.activity_id", "=", activityId)
    .where((eb) =>
      eb.or([
        eb("rsvps.status", "=", "going"),
        eb.and([eb("rsvps.status", "=", "waitlisted"), eb("staff_messages.include_waitlist", "=", 1)]),
      ]),
    )
    .select(["staff_messages.id", "staff_messages.body", "staff_messages.created_at"])
    .orderBy("staff_messages.created_at", "desc")
    .orderBy("staff_messages.id", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, body: r.body, createdAt: r.created_at }));
}

/** The bodies of the messages her notices point to, for activities she may still see. */
export async function findMessageBodies(
  db: AppDatabase,
  { messageIds, activityIds }: { messageIds: readonly string[]; activityIds: readonly string[] },
): Promise<Map<string, string>> {
  if (messageIds.length === 0 || activityIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("staff_messages")
    .where("id", "in", [...messageIds])
    .where("activity_id", "in", [...activityIds])
    .select(["id", "body"])
    .execute();
  return new Map(rows.map((r) => [r.id, r.body]));
}
