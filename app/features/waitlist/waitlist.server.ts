// The waitlist: when places free up (an answer changes, capacity grows, a member leaves), the
// earliest waitlisted answers move to "going". Below both activities and answers, which call it
// inside their own transactions.
import type { AppDatabase } from "../../../db/connection";
import { lockRowsForDecision } from "../../../db/dialect";
import { writeTransaction } from "../../../db/transaction";
import { pickPromotions } from "./waitlist-rules";

/** How many answers hold a place. */
export async function countGoing(trx: AppDatabase, activityId: string): Promise<number> {
  const row = await trx
    .selectFrom("rsvps")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("activity_id", "=", activityId)
    .where("status", "=", "going")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Moves the earliest waitlisted answers to "going" while there are free places. Called after every
 * answer, and by staff code after capacity grows (pass its transaction). Cancelled activities
 * promote nobody; nobody going is ever moved back when capacity shrinks. Returns the promoted
 * answers' member ids.
 */
export async function promoteFromWaitlist(
  db: AppDatabase,
  { activityId }: { activityId: string },
  now: Date = new Date(),
): Promise<string[]> {
  return writeTransaction(db, async (trx) => {
    await lockRowsForDecision(trx, "activities", [activityId]);
    const activity = await trx
      .selectFrom("activities")
      .select(["capacity", "status"])
      .where("id", "=", activityId)
      .executeTakeFirst();
    if (!activity || activity.status === "cancelled") return [];
    const waitlisted = await trx
      .selectFrom("rsvps")
      .select(["id", "member_id", "arrival"])
      .where("activity_id", "=", activityId)
      .where("status", "=", "waitlisted")
      .orderBy("arrival")
      .execute();
    if (waitlisted.length === 0) return [];
    const promoted = pickPromotions(activity.capacity, await countGoing(trx, activityId), waitlisted);
    if (promoted.length === 0) return [];
    await trx
      .updateTable("rsvps")
      .set({ status: "going", updated_at: now.toISOString() })
      .where(
        "id",
        "in",
        promoted.map((r) => r.id),
      )
      .where("status", "=", "waitlisted")
      .execute();
    return promoted.map((r) => r.member_id);
  });
}
