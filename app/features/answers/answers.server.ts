// A member's answers to an activity. Each change reads and writes inside one write transaction
// (BEGIN IMMEDIATE), so two answers can never both take the last place, and the visibility check
// runs in that same transaction with the same scope as the activity page.
import type { AppDatabase } from "../../../db/connection";
import type { RsvpStatus } from "../../../db/schema";
import { lockRowsForDecision } from "../../../db/dialect";
import { writeTransaction } from "../../../db/transaction";
import { nextArrival, statusForGoing, type RsvpIntent } from "./answer-rules";
import { answerBlock, type AnswerBlock } from "~/features/activities/answer-window";
import { findAnswerableActivity, visibleToMember } from "~/features/activities/member-activities.server";
import { countHeldPlaces, promoteFromWaitlist } from "~/features/waitlist/waitlist.server";
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
  /** she asks to be met at the door (the first time); going only */
  meetAtDoor?: boolean;
  /** member free text: where to meet her; never logged, never in audit rows */
  meetPlace?: string | null;
}

export type RsvpOutcome =
  | { ok: true; status: RsvpStatus | null; waitlistPosition: number | null }
  /** not_found: does not exist or not visible to this member — the same to the caller */
  | { ok: false; reason: "not_found" | AnswerBlock };

type Change = (trx: AppDatabase, existing: ExistingAnswer | undefined, capacity: number | null) => Promise<void>;
type ExistingAnswer = { id: string; status: RsvpStatus; note: string | null; offer_expires_at: string | null };

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
      .select(["id", "status", "note", "offer_expires_at"])
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
  { activityId, note, showPseudonym, meetAtDoor = false, meetPlace = null }: { activityId: string } & AnswerDetails,
  at: Date = new Date(),
): Promise<RsvpOutcome> {
  return answer(db, member, activityId, at, async (trx, existing, capacity) => {
    const now = at.toISOString();
    const fields = {
      note,
      // A changed note is unread again for staff.
      ...(existing?.note === note ? {} : { note_seen_at: null }),
      show_pseudonym: showPseudonym ? 1 : 0,
      meet_at_door: meetAtDoor ? 1 : 0,
      meet_place: meetAtDoor ? meetPlace : null,
      // No longer asking: nobody needs to stand at the door for her.
      ...(meetAtDoor ? {} : { meet_staff_id: null }),
      updated_at: now,
    };
    if (existing && existing.status !== "not_going") {
      // "I'm coming" while a place is offered to her accepts it (expireOffers has not run yet
      // when the offer ran out a moment ago: it is still hers until then).
      const accepts = existing.status === "waitlisted" && existing.offer_expires_at !== null;
      await trx
        .updateTable("rsvps")
        .set(accepts ? { ...fields, status: "going", offer_expires_at: null } : fields)
        .where("id", "=", existing.id)
        .execute();
      return;
    }
    const status = statusForGoing(capacity, await countHeldPlaces(trx, activityId));
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

/**
 * "I can't come". Frees the member's place (if they had one) for the first on the waitlist; with a
 * place offered to her, it declines the offer and the next in line is offered it.
 */
export function rsvpNotGoing(
  db: AppDatabase,
  member: Answerer,
  { activityId, note }: { activityId: string } & Pick<AnswerDetails, "note">,
  at: Date = new Date(),
): Promise<RsvpOutcome> {
  return answer(db, member, activityId, at, async (trx, existing) => {
    const now = at.toISOString();
    // Nobody sees the pseudonym of someone who is not coming, and nobody waits at the door for her.
    const fields = {
      status: "not_going" as const,
      note,
      ...(existing?.note === note ? {} : { note_seen_at: null }),
      show_pseudonym: 0,
      meet_at_door: 0,
      meet_place: null,
      meet_staff_id: null,
      offer_expires_at: null,
      updated_at: now,
    };
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
  {
    activityId,
    intent,
    note,
    showPseudonym,
    meetAtDoor,
    meetPlace,
  }: { activityId: string; intent: RsvpIntent } & AnswerDetails,
): Promise<RsvpOutcome> {
  if (intent === "going") return rsvpGoing(db, member, { activityId, note, showPseudonym, meetAtDoor, meetPlace });
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

/** One date of a series and this member's answer to it, for "I'll come every time". */
export interface SeriesDateAnswer {
  activityId: string;
  startsAt: string;
  status: RsvpStatus | null;
  waitlistPosition: number | null;
  /** why this date could not be answered (closed, cancelled), when so */
  blocked: AnswerBlock | null;
}

/** The dates of the activity's series from this one on that the member may see, in date order. */
async function seriesDatesFrom(trx: AppDatabase, member: Answerer, activityId: string) {
  const first = await findAnswerableActivity(trx, member, { activityId });
  if (!first) return undefined;
  const seriesId = (
    await trx.selectFrom("activities").select("series_id").where("id", "=", first.id).executeTakeFirst()
  )?.series_id;
  if (!seriesId) return [first];
  return trx
    .selectFrom("activities")
    .select([
      "activities.id",
      "activities.capacity",
      "activities.status",
      "activities.starts_at",
      "activities.rsvp_deadline",
    ])
    .where("activities.series_id", "=", seriesId)
    .where("activities.starts_at", ">=", first.starts_at)
    .where(visibleToMember(member.id, member.chapterId))
    .orderBy("activities.starts_at")
    .execute();
}

/**
 * "I'll come every time" (or "I won't come any more"): answers every open date of the series from
 * this one on, in one transaction. Each date keeps its own rules: where it is full she goes on
 * that date's waitlist; a closed or cancelled date is left as it was and reported. An answer she
 * already gave keeps its place and note. Undefined when she may not see the activity.
 */
export async function answerWholeSeries(
  db: AppDatabase,
  member: Answerer,
  { activityId, going, showPseudonym }: { activityId: string; going: boolean; showPseudonym: boolean },
  at: Date = new Date(),
): Promise<SeriesDateAnswer[] | undefined> {
  return writeTransaction(db, async (trx) => {
    const dates = await seriesDatesFrom(trx, member, activityId);
    if (!dates) return undefined;
    const results: SeriesDateAnswer[] = [];
    for (const date of dates) {
      const blocked = answerBlock(date, at);
      const existing = await trx
        .selectFrom("rsvps")
        .select(["status", "note"])
        .where("activity_id", "=", date.id)
        .where("member_id", "=", member.id)
        .executeTakeFirst();
      const holds = existing?.status === "going" || existing?.status === "waitlisted";
      if (!blocked && going && !holds) {
        await rsvpGoing(trx, member, { activityId: date.id, note: null, showPseudonym }, at);
      } else if (!blocked && !going && holds) {
        await rsvpNotGoing(trx, member, { activityId: date.id, note: existing?.note ?? null }, at);
      }
      results.push({
        activityId: date.id,
        startsAt: date.starts_at,
        blocked,
        ...(await currentAnswer(trx, date.id, member.id)),
      });
    }
    return results;
  });
}

/** The member's answers to the coming dates of an activity's series (empty when it is not one). */
export async function listSeriesAnswersForMember(
  db: AppDatabase,
  member: Answerer,
  { activityId }: { activityId: string },
  at: Date = new Date(),
): Promise<SeriesDateAnswer[]> {
  const dates = await seriesDatesFrom(db, member, activityId);
  if (!dates || dates.length < 2) return [];
  return Promise.all(
    dates.map(async (date) => ({
      activityId: date.id,
      startsAt: date.starts_at,
      blocked: answerBlock(date, at),
      ...(await currentAnswer(db, date.id, member.id)),
    })),
  );
}
