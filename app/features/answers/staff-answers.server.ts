// The answers to one activity as staff see and change them: the list in promotion order, and
// moving someone up from the waitlist or off the activity, each change with its audit row in the
// same transaction.
import type { AppDatabase } from "../../../db/connection";
import { writeTransaction } from "../../../db/transaction";
import { fillFreedPlaces } from "~/features/waitlist/waitlist.server";
import { recordAudit } from "~/features/audit/audit.server";
import { addNotice } from "~/features/notices/notices.server";
import { findActivityForEditing, type StaffActor } from "~/features/activities/staff-activities.server";
import type { ANSWER_CHANGE_REASONS } from "~/features/activities/activity-form";
import type { StaffScope } from "~/features/staff/staff.server";
import { listRepliesForStaff, listStaffWhoMayMeet } from "./note-threads.server";

/**
 * One activity and every answer to it, or undefined when it is out of scope: going and
 * waitlisted in arrival order (the waitlist order is the promotion order), then "not going".
 */
export async function findActivityAnswersForStaff(
  db: AppDatabase,
  scope: StaffScope,
  { activityId }: { activityId: string },
) {
  const activity = await findActivityForEditing(db, scope, { activityId });
  if (!activity) return undefined;
  const answers = await db
    .selectFrom("rsvps")
    .innerJoin("members", "members.id", "rsvps.member_id")
    .select([
      "rsvps.member_id",
      "members.pseudonym",
      "members.deactivated_at",
      "rsvps.status",
      "rsvps.arrival",
      "rsvps.note",
      "rsvps.note_seen_at",
      "rsvps.meet_at_door",
      "rsvps.meet_place",
      "rsvps.meet_staff_id",
      "rsvps.offer_expires_at",
      "rsvps.updated_at",
    ])
    .where("rsvps.activity_id", "=", activity.id)
    .orderBy((eb) =>
      eb
        .case()
        .when("rsvps.status", "=", "going")
        .then(0)
        .when("rsvps.status", "=", "waitlisted")
        .then(1)
        .else(2)
        .end(),
    )
    .orderBy("rsvps.arrival")
    .execute();
  return { activity, answers };
}

/** The answers page: the answers, each note's thread, and the staff who may meet members at the door. */
export async function loadActivityAnswersPage(
  db: AppDatabase,
  scope: StaffScope,
  { activityId }: { activityId: string },
) {
  const found = await findActivityAnswersForStaff(db, scope, { activityId });
  if (!found) return undefined;
  const [replies, meeters] = await Promise.all([
    listRepliesForStaff(db, scope, { activityId }),
    listStaffWhoMayMeet(db, scope, { chapterId: found.activity.chapter_id }),
  ]);
  return { ...found, replies, meeters };
}

export interface AnswerChange {
  activityId: string;
  memberId: string;
  /** promote: from the waitlist to going, even past capacity (it is the staff's call); remove: to "not going" */
  change: "promote" | "remove";
  reason: (typeof ANSWER_CHANGE_REASONS)[number];
}

/**
 * Changes one answer and records it. A place freed by a removal goes to the waitlist in the same
 * transaction. Unchanged (a double click, or someone else was quicker) records nothing.
 */
export async function changeAnswer(
  db: AppDatabase,
  staff: StaffActor,
  { activityId, memberId, change, reason }: AnswerChange,
  now = new Date(),
): Promise<{ ok: true; changed: boolean } | { ok: false; error: "notFound" }> {
  return writeTransaction(db, async (trx) => {
    const activity = await findActivityForEditing(trx, staff, { activityId });
    if (!activity) return { ok: false, error: "notFound" };
    const result = await trx
      .updateTable("rsvps")
      .set({
        status: change === "promote" ? "going" : "not_going",
        offer_expires_at: null,
        updated_at: now.toISOString(),
      })
      .where("activity_id", "=", activityId)
      .where("member_id", "=", memberId)
      .where("status", "in", change === "promote" ? ["waitlisted"] : ["going", "waitlisted"])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return { ok: true, changed: false };
    if (change === "promote") await addNotice(trx, { memberId, kind: "promoted", activityId }, now);
    const filled = change === "remove" ? await fillFreedPlaces(trx, { activityId }, now) : undefined;
    await recordAudit(
      trx,
      {
        actorStaffId: staff.id,
        action: change === "promote" ? "rsvp.promote" : "rsvp.remove",
        objectType: "rsvp",
        objectId: activityId,
        chapterId: activity.chapter_id,
        details: {
          activityId,
          memberId,
          reason,
          promotedFromWaitlist: filled?.promoted.length ?? 0,
          offeredFromWaitlist: filled?.offered.length ?? 0,
          title: activity.title,
        },
      },
      now,
    );
    return { ok: true, changed: true };
  });
}
