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

/** Answers per page of an activity's answers for staff. */
export const ANSWER_PAGE_SIZE = 100;
/** The order answers are listed in: going and waitlisted in arrival order (the promotion order), then "not going". */
const STATUS_ORDER = ["going", "waitlisted", "not_going"] as const;

function selectAnswers(db: AppDatabase, activityId: string) {
  return db
    .selectFrom("rsvps")
    .innerJoin("members", "members.id", "rsvps.member_id")
    .select([
      "rsvps.id",
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
    .where("rsvps.activity_id", "=", activityId);
}

/**
 * A page of an activity's answers by keys (decision 039), in (status order, arrival, id): one
 * query per status, each read along the index (activity_id, status, arrival, id), so a page costs
 * the same however many answers there are. `after` / `before` is the id of the answer the page
 * starts after or ends before; an id not of this activity is ignored (the first page).
 */
async function listAnswerPage(
  db: AppDatabase,
  { activityId, after, before, limit }: { activityId: string; after?: string; before?: string; limit: number },
) {
  const cursorId = before ?? after;
  const cursor = cursorId
    ? await db
        .selectFrom("rsvps")
        .select(["id", "status", "arrival"])
        .where("id", "=", cursorId)
        .where("activity_id", "=", activityId)
        .executeTakeFirst()
    : undefined;
  const backwards = cursor !== undefined && before !== undefined;
  const from = cursor ? STATUS_ORDER.indexOf(cursor.status) : 0;
  const statuses = backwards ? STATUS_ORDER.slice(0, from + 1).reverse() : STATUS_ORDER.slice(from);
  const rows: Awaited<ReturnType<ReturnType<typeof selectAnswers>["execute"]>> = [];
  for (const status of statuses) {
    if (rows.length > limit) break;
    const found = await selectAnswers(db, activityId)
      .where("rsvps.status", "=", status)
      .$if(cursor?.status === status, (q) =>
        q.where((eb) =>
          eb.or([
            eb("rsvps.arrival", backwards ? "<" : ">", cursor!.arrival),
            eb.and([eb("rsvps.arrival", "=", cursor!.arrival), eb("rsvps.id", backwards ? "<" : ">", cursor!.id)]),
          ]),
        ),
      )
      .orderBy("rsvps.arrival", backwards ? "desc" : "asc")
      .orderBy("rsvps.id", backwards ? "desc" : "asc")
      .limit(limit + 1 - rows.length)
      .execute();
    rows.push(...found);
  }
  const more = rows.length > limit;
  const page = backwards ? rows.slice(0, limit).reverse() : rows.slice(0, limit);
  const first = page[0]?.id ?? null;
  const last = page[page.length - 1]?.id ?? null;
  // The waitlist is numbered in queue order across pages: a later page goes on from where the
  // one before stopped (one count along the same index), not from 1 again.
  const firstWaiting = page.find((a) => a.status === "waitlisted");
  const waitingBefore =
    cursor && firstWaiting
      ? await db
          .selectFrom("rsvps")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("activity_id", "=", activityId)
          .where("status", "=", "waitlisted")
          .where((eb) =>
            eb.or([
              eb("arrival", "<", firstWaiting.arrival),
              eb.and([eb("arrival", "=", firstWaiting.arrival), eb("id", "<", firstWaiting.id)]),
            ]),
          )
          .executeTakeFirstOrThrow()
      : { n: 0 };
  return {
    answers: page,
    /** the queue place of the first waitlisted answer on this page */
    waitlistStart: Number(waitingBefore.n) + 1,
    /** the id to ask for the page after, and the one before, when there is one */
    next: backwards ? last : more ? last : null,
    previous: backwards ? (more ? first : null) : cursor ? first : null,
  };
}

/**
 * The answers page of an activity, or undefined when it is out of scope: a page of answers, the
 * number of each kind, every member going who asked to be met at the door, each note's thread, and
 * the staff who may meet members at the door. The same number of queries for 3 answers or 3,000.
 */
export async function loadActivityAnswersPage(
  db: AppDatabase,
  scope: StaffScope,
  {
    activityId,
    after,
    before,
    limit = ANSWER_PAGE_SIZE,
  }: { activityId: string; after?: string; before?: string; limit?: number },
) {
  const activity = await findActivityForEditing(db, scope, { activityId });
  if (!activity) return undefined;
  const [page, counted, doorRequests, replies, meeters] = await Promise.all([
    listAnswerPage(db, { activityId: activity.id, after, before, limit }),
    db
      .selectFrom("rsvps")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("activity_id", "=", activity.id)
      .groupBy("status")
      .execute(),
    selectAnswers(db, activity.id)
      .where("rsvps.status", "=", "going")
      .where("rsvps.meet_at_door", "=", 1)
      .orderBy("rsvps.arrival")
      .orderBy("rsvps.id")
      .execute(),
    listRepliesForStaff(db, scope, { activityId }),
    listStaffWhoMayMeet(db, scope, { chapterId: activity.chapter_id }),
  ]);
  const count = (status: (typeof STATUS_ORDER)[number]) => Number(counted.find((c) => c.status === status)?.n ?? 0);
  return {
    activity,
    ...page,
    counts: { going: count("going"), waitlisted: count("waitlisted"), notGoing: count("not_going") },
    doorRequests,
    replies,
    meeters,
  };
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
