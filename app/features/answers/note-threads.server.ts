// A member's note on her answer, staff's replies to it, and who meets her at the door. Only she
// and staff of the activity's chapter see any of it: every query carries that scope itself (her
// member id, or the staff member's chapters). The reply text and the place she typed are never
// logged and never go into an audit row; the audit row holds ids only.
import type { AppDatabase } from "../../../db/connection";
import { writeTransaction } from "../../../db/transaction";
import { activityInScope } from "~/features/activities/activity-scope.server";
import { findActivityPageForMember } from "~/features/activities/member-activities.server";
import { recordAudit } from "~/features/audit/audit.server";
import { addNotice } from "~/features/notices/notices.server";
import { listMessagesForMember } from "~/features/staff-messages/staff-messages.server";
import { chapterFilter, type StaffActor, type StaffScope } from "~/features/staff/staff.server";
import { newId } from "~/platform/ids.server";

/** Staff's replies to her own note on one activity, oldest first; nothing of anyone else's. */
export async function listRepliesForMember(
  db: AppDatabase,
  member: { id: string },
  { activityId }: { activityId: string },
) {
  const rows = await db
    .selectFrom("answer_replies")
    .innerJoin("rsvps", "rsvps.id", "answer_replies.rsvp_id")
    .where("rsvps.member_id", "=", member.id)
    .where("rsvps.activity_id", "=", activityId)
    .select(["answer_replies.id", "answer_replies.body", "answer_replies.created_at"])
    .orderBy("answer_replies.created_at")
    .orderBy("answer_replies.id")
    .execute();
  return rows.map((r) => ({ id: r.id, body: r.body, createdAt: r.created_at }));
}

/** The member's activity page with staff's replies to her own note and staff's messages to those going (none before she answered). */
export async function loadActivityPageForMember(
  db: AppDatabase,
  member: { id: string; chapterId: string },
  { activityId }: { activityId: string },
) {
  const page = await findActivityPageForMember(db, member, { activityId });
  if (!page) return undefined;
  const replies = page.answer.myStatus === null ? [] : await listRepliesForMember(db, member, { activityId });
  const messages = page.answer.myStatus === null ? [] : await listMessagesForMember(db, member, { activityId });
  return { ...page, answer: { ...page.answer, replies }, messages };
}

/** Every reply on one activity's answers, for staff whose scope covers the activity. */
export async function listRepliesForStaff(db: AppDatabase, scope: StaffScope, { activityId }: { activityId: string }) {
  const rows = await db
    .selectFrom("answer_replies")
    .innerJoin("rsvps", "rsvps.id", "answer_replies.rsvp_id")
    .innerJoin("activities", "activities.id", "rsvps.activity_id")
    .leftJoin("staff_users", "staff_users.id", "answer_replies.staff_id")
    .where("rsvps.activity_id", "=", activityId)
    .where(activityInScope(scope))
    .select([
      "answer_replies.id",
      "rsvps.member_id",
      "answer_replies.body",
      "answer_replies.created_at",
      "staff_users.display_name as staff_name",
    ])
    .orderBy("answer_replies.created_at")
    .orderBy("answer_replies.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    memberId: r.member_id,
    body: r.body,
    createdAt: r.created_at,
    staffName: r.staff_name,
  }));
}

/** Her answer to an activity in the staff member's scope, read inside the caller's transaction. */
function findAnswerInScope(db: AppDatabase, scope: StaffScope, { activityId, memberId }: AnswerRef) {
  return db
    .selectFrom("rsvps")
    .innerJoin("activities", "activities.id", "rsvps.activity_id")
    .where("rsvps.activity_id", "=", activityId)
    .where("rsvps.member_id", "=", memberId)
    .where(activityInScope(scope))
    .select(["rsvps.id", "rsvps.status", "rsvps.meet_at_door", "activities.chapter_id", "activities.title"])
    .executeTakeFirst();
}

interface AnswerRef {
  activityId: string;
  memberId: string;
}

export type ThreadWriteResult = { ok: true } | { ok: false; error: "notFound" };

/**
 * Saves a staff reply to her note, marks the note read and tells her with a notice (ids only: she
 * reads the reply on the activity page), with an audit row of ids only. The one place a reply is saved.
 */
export async function saveStaffReply(
  db: AppDatabase,
  staff: StaffActor,
  { activityId, memberId, body }: AnswerRef & { body: string },
  now = new Date(),
): Promise<ThreadWriteResult & { replyId?: string }> {
  return writeTransaction(db, async (trx) => {
    const answer = await findAnswerInScope(trx, staff, { activityId, memberId });
    if (!answer) return { ok: false, error: "notFound" };
    const replyId = newId();
    await trx
      .insertInto("answer_replies")
      .values({ id: replyId, rsvp_id: answer.id, staff_id: staff.id, body, created_at: now.toISOString() })
      .execute();
    await trx.updateTable("rsvps").set({ note_seen_at: now.toISOString() }).where("id", "=", answer.id).execute();
    await addNotice(trx, { memberId, kind: "staff_reply", activityId, params: { replyId } }, now);
    await recordAudit(
      trx,
      {
        actorStaffId: staff.id,
        action: "rsvp.reply",
        objectType: "rsvp",
        objectId: activityId,
        chapterId: answer.chapter_id,
        details: { activityId, memberId, title: answer.title },
      },
      now,
    );
    return { ok: true, replyId };
  });
}

/** Marks her note read without replying (nothing to audit: it changes nothing she sees). */
export async function markNoteRead(db: AppDatabase, staff: StaffActor, ref: AnswerRef, now = new Date()) {
  return writeTransaction(db, async (trx): Promise<ThreadWriteResult> => {
    const answer = await findAnswerInScope(trx, staff, ref);
    if (!answer) return { ok: false, error: "notFound" };
    await trx.updateTable("rsvps").set({ note_seen_at: now.toISOString() }).where("id", "=", answer.id).execute();
    return { ok: true };
  });
}

/** Staff who may meet members at this chapter's door: its coordinators and the admins, active only. */
export function listStaffWhoMayMeet(db: AppDatabase, scope: StaffScope, { chapterId }: { chapterId: string | null }) {
  const only = chapterFilter(scope);
  if (only !== null && (chapterId === null || !only.includes(chapterId))) return Promise.resolve([]);
  return db
    .selectFrom("staff_users")
    .where("deactivated_at", "is", null)
    .where((eb) =>
      eb.or([
        eb("role", "=", "admin"),
        ...(chapterId === null
          ? []
          : [
              eb(
                "id",
                "in",
                eb.selectFrom("staff_chapters").select("staff_id").where("staff_chapters.chapter_id", "=", chapterId),
              ),
            ]),
      ]),
    )
    .select(["id", "display_name"])
    .orderBy("display_name")
    .execute();
}

/**
 * Sets who meets her at the door (null: nobody yet). Only for a member who is going and asked to be
 * met, and only staff who may work in that chapter. Audited with ids only, never the place she typed.
 */
export async function assignDoorMeeter(
  db: AppDatabase,
  staff: StaffActor,
  { activityId, memberId, meetStaffId }: AnswerRef & { meetStaffId: string | null },
  now = new Date(),
): Promise<ThreadWriteResult | { ok: false; error: "notAllowed" }> {
  return writeTransaction(db, async (trx) => {
    const answer = await findAnswerInScope(trx, staff, { activityId, memberId });
    if (!answer || answer.meet_at_door !== 1 || answer.status !== "going") return { ok: false, error: "notFound" };
    if (meetStaffId !== null) {
      const allowed = await listStaffWhoMayMeet(trx, staff, { chapterId: answer.chapter_id });
      if (!allowed.some((s) => s.id === meetStaffId)) return { ok: false, error: "notAllowed" };
    }
    await trx
      .updateTable("rsvps")
      .set({ meet_staff_id: meetStaffId, updated_at: now.toISOString() })
      .where("id", "=", answer.id)
      .execute();
    await recordAudit(
      trx,
      {
        actorStaffId: staff.id,
        action: "rsvp.meet_assign",
        objectType: "rsvp",
        objectId: activityId,
        chapterId: answer.chapter_id,
        details: { activityId, memberId, meetStaffId, title: answer.title },
      },
      now,
    );
    return { ok: true };
  });
}
