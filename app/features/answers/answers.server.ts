// A member's answers to an activity. Each change reads and writes inside one write transaction
// (BEGIN IMMEDIATE), so two answers can never both take the last place, and the visibility check
// runs in that same transaction with the same scope as the activity page.
import type { AppDatabase } from "../../../db/connection";
import type { RsvpStatus } from "../../../db/schema";
import { lockRowsForDecision } from "../../../db/dialect";
import { writeTransaction } from "../../../db/transaction";
import { nextArrival, statusForGoing, type RsvpIntent } from "./answer-rules";
import { answerBlock, type AnswerBlock } from "~/features/activities/answer-window";
import { findAnswerableActivity } from "~/features/activities/member-activities.server";
import { countGoing, promoteFromWaitlist } from "~/features/waitlist/waitlist.server";
import { newId } from "~/platform/ids.server";

/** The member answering: every answer is scoped by both. */
export interface Answerer {
  id: string;
  chapterId: string;
}

export interface AnswerDetails {
  /** plain text for staff only; already validated (see rsvpFormSchema) */
  note: string | null;
  showPseudonym: boolean;
}

export type RsvpOutcome =
  | { ok: true; status: RsvpStatus | null; waitlistPosition: number | null }
  /** not_found: does not exist or not visible to this member — the same to the caller */
  | { ok: false; reason: "not_found" | AnswerBlock };

type Change = (trx: AppDatabase, existing: ExistingAnswer | undefined, capacity: number | null) => Promise<void>;
type ExistingAnswer = { id: string; status: RsvpStatus };

/** The frame every answer shares: visible? still open? then change, promote, and report. */
async function answer(
  db: AppDatabase,
  member: Answerer,
  activityId: string,
  now: Date,
  change: Change,
): Promise<RsvpOutcome> {
  return writeTransaction(db, async (trx) => {
    // Answers to one activity decide one at a time, also across instances (PostgreSQL).
    await lockRowsForDecision(trx, "activities", [activityId]);
    const activity = await findAnswerableActivity(trx, member, { activityId });
    if (!activity) return { ok: false, reason: "not_found" };
    const block = answerBlock(activity, now);
    if (block) return { ok: false, reason: block };
    const existing = await trx
      .selectFrom("rsvps")
      .select(["id", "status"])
      .where("activity_id", "=", activityId)
      .where("member_id", "=", member.id)
      .executeTakeFirst();
    await change(trx, existing, activity.capacity);
    // A place may have been freed (or a waitlisted member found one open): fill it in arrival order.
    await promoteFromWaitlist(trx, { activityId }, now);
    return { ok: true, ...(await currentAnswer(trx, activityId, member.id)) };
  });
}

async function arrivalAtBack(trx: AppDatabase, activityId: string): Promise<number> {
  const row = await trx
    .selectFrom("rsvps")
    .select((eb) => eb.fn.max("arrival").as("last"))
    .where("activity_id", "=", activityId)
    .executeTakeFirst();
  return nextArrival(row?.last);
}

async function currentAnswer(trx: AppDatabase, activityId: string, memberId: string) {
  const row = await trx
    .selectFrom("rsvps as mine")
    .select((eb) => [
      "mine.status",
      eb
        .selectFrom("rsvps as ahead")
        .select((c) => c.fn.countAll().as("n"))
        .whereRef("ahead.activity_id", "=", "mine.activity_id")
        .where("ahead.status", "=", "waitlisted")
        .whereRef("ahead.arrival", "<=", "mine.arrival")
        .as("position"),
    ])
    .where("mine.activity_id", "=", activityId)
    .where("mine.member_id", "=", memberId)
    .executeTakeFirst();
  if (!row) return { status: null, waitlistPosition: null };
  return { status: row.status, waitlistPosition: row.status === "waitlisted" ? Number(row.position) : null };
}

/**
 * "I'm coming". A new answer, or a return from "not going", goes to the back of the queue and
 * gets a place if one is free, else a place on the waitlist. Saying it again (a double-clicked
 * button) keeps the place already held and only updates the note and the pseudonym choice.
 */
export function rsvpGoing(
  db: AppDatabase,
  member: Answerer,
  { activityId, note, showPseudonym }: { activityId: string } & AnswerDetails,
  at: Date = new Date(),
): Promise<RsvpOutcome> {
  return answer(db, member, activityId, at, async (trx, existing, capacity) => {
    const now = at.toISOString();
    const fields = { note, show_pseudonym: showPseudonym ? 1 : 0, updated_at: now };
    if (existing && existing.status !== "not_going") {
      await trx.updateTable("rsvps").set(fields).where("id", "=", existing.id).execute();
      return;
    }
    const status = statusForGoing(capacity, await countGoing(trx, activityId));
    const arrival = await arrivalAtBack(trx, activityId);
    if (existing) {
      await trx
        .updateTable("rsvps")
        .set({ ...fields, status, arrival })
        .where("id", "=", existing.id)
        .execute();
    } else {
      await trx
        .insertInto("rsvps")
        .values({
          id: newId(),
          activity_id: activityId,
          member_id: member.id,
          status,
          arrival,
          ...fields,
          created_at: now,
        })
        .execute();
    }
  });
}

/** "I can't come". Frees the member's place (if they had one) for the first on the waitlist. */
export function rsvpNotGoing(
  db: AppDatabase,
  member: Answerer,
  { activityId, note }: { activityId: string } & Pick<AnswerDetails, "note">,
  at: Date = new Date(),
): Promise<RsvpOutcome> {
  return answer(db, member, activityId, at, async (trx, existing) => {
    const now = at.toISOString();
    // Nobody sees the pseudonym of someone who is not coming.
    const fields = { status: "not_going" as const, note, show_pseudonym: 0, updated_at: now };
    if (existing) {
      await trx.updateTable("rsvps").set(fields).where("id", "=", existing.id).execute();
    } else {
      const arrival = await arrivalAtBack(trx, activityId);
      await trx
        .insertInto("rsvps")
        .values({ id: newId(), activity_id: activityId, member_id: member.id, arrival, ...fields, created_at: now })
        .execute();
    }
  });
}

/** Takes the answer back entirely, as if the member had never answered. */
export function withdrawRsvp(
  db: AppDatabase,
  member: Answerer,
  { activityId }: { activityId: string },
  at: Date = new Date(),
): Promise<RsvpOutcome> {
  return answer(db, member, activityId, at, async (trx, existing) => {
    if (existing) await trx.deleteFrom("rsvps").where("id", "=", existing.id).execute();
  });
}

/** The member's answer as the activity page's form gives it: one of the three, with its details. */
export function answerActivity(
  db: AppDatabase,
  member: Answerer,
  { activityId, intent, note, showPseudonym }: { activityId: string; intent: RsvpIntent } & AnswerDetails,
): Promise<RsvpOutcome> {
  if (intent === "going") return rsvpGoing(db, member, { activityId, note, showPseudonym });
  if (intent === "not_going") return rsvpNotGoing(db, member, { activityId, note });
  return withdrawRsvp(db, member, { activityId });
}

/**
 * Takes back a member's answers to activities that have not ended yet, as if she had withdrawn
 * each one, and gives the freed places to the waitlist. Used when she can no longer see those
 * activities: she left the group (`groupId`), or staff deactivated her (every activity). Joins the
 * caller's transaction, so the change and the freed places land together. Returns the activities
 * whose answers were taken back.
 */
export async function releaseComingAnswers(
  db: AppDatabase,
  who: { memberId: string; groupId?: string },
  now: Date = new Date(),
): Promise<string[]> {
  return writeTransaction(db, async (trx) => {
    const coming = await trx
      .selectFrom("rsvps")
      .innerJoin("activities", "activities.id", "rsvps.activity_id")
      .select("rsvps.activity_id")
      .where("rsvps.member_id", "=", who.memberId)
      .where("activities.ends_at", ">", now.toISOString())
      .$if(who.groupId !== undefined, (q) => q.where("activities.group_id", "=", who.groupId!))
      .execute();
    const activityIds = coming.map((c) => c.activity_id);
    if (activityIds.length === 0) return [];
    await lockRowsForDecision(trx, "activities", activityIds);
    await trx
      .deleteFrom("rsvps")
      .where("member_id", "=", who.memberId)
      .where("activity_id", "in", activityIds)
      .execute();
    for (const activityId of activityIds) await promoteFromWaitlist(trx, { activityId }, now);
    return activityIds;
  });
}
