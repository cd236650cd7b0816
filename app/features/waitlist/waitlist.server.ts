// The waitlist: when places free up (an answer changes, capacity grows, a member leaves), the
// earliest waitlisted answers are offered the place for a while, or (close to the start) get it at
// once, and are told by a notice. An offered place counts as held, so nobody else can take it
// meanwhile. Below both activities and answers, which call it inside their own transactions.
import type { AppDatabase } from "../../../db/connection";
import { lockRowsForDecision } from "../../../db/dialect";
import { writeTransaction } from "../../../db/transaction";
import { addNotice } from "~/features/notices/notices.server";
import { fillMode, pickPromotions } from "./waitlist-rules";

/** How many answers hold a place: those going and those holding an offer. */
export async function countHeldPlaces(trx: AppDatabase, activityId: string): Promise<number> {
  const row = await trx
    .selectFrom("rsvps")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("activity_id", "=", activityId)
    .where((eb) =>
      eb.or([
        eb("status", "=", "going"),
        eb.and([eb("status", "=", "waitlisted"), eb("offer_expires_at", "is not", null)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface FillResult {
  /** given a place at once */
  promoted: string[];
  /** offered a place until a time */
  offered: string[];
}

/** The same as fillFreedPlaces, for callers that need only who got a place at once. */
export async function promoteFromWaitlist(
  db: AppDatabase,
  { activityId }: { activityId: string },
  now: Date = new Date(),
): Promise<string[]> {
  return (await fillFreedPlaces(db, { activityId }, now)).promoted;
}

/**
 * Fills free places from the waitlist in arrival order. Called after every answer, and by staff
 * code after capacity grows (pass its transaction). Cancelled and started activities move nobody;
 * nobody going is ever moved back when capacity shrinks. Each member moved gets a notice ("you got
 * a place", or "a place is offered to you until …").
 */
export async function fillFreedPlaces(
  db: AppDatabase,
  { activityId }: { activityId: string },
  now: Date = new Date(),
): Promise<FillResult> {
  const none: FillResult = { promoted: [], offered: [] };
  return writeTransaction(db, async (trx) => {
    await lockRowsForDecision(trx, "activities", [activityId]);
    const activity = await trx
      .selectFrom("activities")
      .select(["capacity", "status", "starts_at", "rsvp_deadline"])
      .where("id", "=", activityId)
      .executeTakeFirst();
    if (!activity || activity.status === "cancelled") return none;
    const mode = fillMode({ startsAt: activity.starts_at, rsvpDeadline: activity.rsvp_deadline, now });
    if (mode.kind === "none") return none;
    // Unlimited places need no offer: everyone waiting (offered or not) simply comes.
    const unlimited = activity.capacity === null;
    const waitlisted = await trx
      .selectFrom("rsvps")
      .select(["id", "member_id", "arrival"])
      .where("activity_id", "=", activityId)
      .where("status", "=", "waitlisted")
      .$if(!unlimited, (q) => q.where("offer_expires_at", "is", null))
      .orderBy("arrival")
      .execute();
    if (waitlisted.length === 0) return none;
    const chosen = pickPromotions(activity.capacity, await countHeldPlaces(trx, activityId), waitlisted);
    if (chosen.length === 0) return none;
    const offer = mode.kind === "offer" && !unlimited ? mode.expiresAt : null;
    const result = await trx
      .updateTable("rsvps")
      .set(
        offer
          ? { offer_expires_at: offer, updated_at: now.toISOString() }
          : { status: "going", offer_expires_at: null, updated_at: now.toISOString() },
      )
      .where(
        "id",
        "in",
        chosen.map((r) => r.id),
      )
      .where("status", "=", "waitlisted")
      .$if(!unlimited, (q) => q.where("offer_expires_at", "is", null))
      .returning("member_id")
      .execute();
    for (const { member_id } of result) {
      await addNotice(
        trx,
        offer
          ? { memberId: member_id, kind: "offered", activityId, params: { expiresAt: offer } }
          : { memberId: member_id, kind: "promoted", activityId },
        now,
      );
    }
    const ids = result.map((r) => r.member_id);
    return offer ? { promoted: [], offered: ids } : { promoted: ids, offered: [] };
  });
}

/**
 * Ends every offer that has run out: that answer leaves the waitlist ("not going", she is told and
 * may join it again), and the place goes to the next in line. Idempotent: each lapse is one
 * conditional update, so two callers (or a repeat after a crash) end each offer once. Offers on a
 * cancelled activity stay as they are, so an undo restores them. Returns how many offers ended.
 */
export async function expireOffers(db: AppDatabase, { now }: { now: Date }): Promise<number> {
  const due = await db
    .selectFrom("rsvps")
    .innerJoin("activities", "activities.id", "rsvps.activity_id")
    .select(["rsvps.id", "rsvps.activity_id"])
    .where("rsvps.status", "=", "waitlisted")
    .where("rsvps.offer_expires_at", "<=", now.toISOString())
    .where("activities.status", "=", "scheduled")
    .execute();
  let ended = 0;
  for (const offer of due) {
    ended += await writeTransaction(db, async (trx) => {
      const lapsed = await trx
        .updateTable("rsvps")
        .set({ status: "not_going", offer_expires_at: null, show_pseudonym: 0, updated_at: now.toISOString() })
        .where("id", "=", offer.id)
        .where("status", "=", "waitlisted")
        .where("offer_expires_at", "<=", now.toISOString())
        .returning("member_id")
        .executeTakeFirst();
      if (!lapsed) return 0;
      await addNotice(trx, { memberId: lapsed.member_id, kind: "offer_expired", activityId: offer.activity_id }, now);
      await fillFreedPlaces(trx, { activityId: offer.activity_id }, now);
      return 1;
    });
  }
  return ended;
}
