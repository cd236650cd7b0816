// Reminders: one notice per activity and member, before activities she is going to, as she chose
// on My page. The scheduler calls sendDueReminders; it may run on several instances at once or
// again after a crash, and still each reminder is sent exactly once: the key (activity, member)
// is inserted in the same transaction as the notice, and only the caller whose insert lands adds it.
import { z } from "zod";
import type { AppDatabase } from "../../../db/connection";
import type { ReminderChoice } from "../../../db/schema";
import { writeTransaction } from "../../../db/transaction";
import { addNotice } from "./notices.server";
import {
  DEFAULT_QUIET_HOURS,
  isQuietHour,
  LONGEST_REMINDER_LEAD_MS,
  REMINDER_CHOICES,
  reminderDue,
  reminderPushAt,
  type QuietHours,
} from "./reminder-rules";

/** Sends every reminder due at `now`. Returns how many this call sent. */
export async function sendDueReminders(
  db: AppDatabase,
  { now, quiet = DEFAULT_QUIET_HOURS }: { now: Date; quiet?: QuietHours },
): Promise<number> {
  if (isQuietHour(now, quiet)) return 0;
  const candidates = await db
    .selectFrom("rsvps")
    .innerJoin("activities", "activities.id", "rsvps.activity_id")
    .innerJoin("members", "members.id", "rsvps.member_id")
    .leftJoin("reminder_sends", (join) =>
      join
        .onRef("reminder_sends.activity_id", "=", "rsvps.activity_id")
        .onRef("reminder_sends.member_id", "=", "rsvps.member_id"),
    )
    .select(["rsvps.activity_id", "rsvps.member_id", "activities.starts_at", "members.reminder"])
    .where("rsvps.status", "=", "going")
    .where("activities.status", "=", "scheduled")
    .where("activities.starts_at", ">", now.toISOString())
    .where("activities.starts_at", "<=", new Date(now.getTime() + LONGEST_REMINDER_LEAD_MS).toISOString())
    .where("members.deactivated_at", "is", null)
    .where("members.reminder", "!=", "none")
    .where("reminder_sends.activity_id", "is", null)
    .execute();
  let sent = 0;
  for (const c of candidates.filter((c) => reminderDue(c.reminder, c.starts_at, now, quiet))) {
    sent += await writeTransaction(db, async (trx) => {
      // Still going, still on, still hers: checked again inside the transaction.
      const still = await trx
        .selectFrom("rsvps")
        .innerJoin("activities", "activities.id", "rsvps.activity_id")
        .select("rsvps.id")
        .where("rsvps.activity_id", "=", c.activity_id)
        .where("rsvps.member_id", "=", c.member_id)
        .where("rsvps.status", "=", "going")
        .where("activities.status", "=", "scheduled")
        .where("activities.starts_at", ">", now.toISOString())
        .executeTakeFirst();
      if (!still) return 0;
      const key = await trx
        .insertInto("reminder_sends")
        .values({ activity_id: c.activity_id, member_id: c.member_id, sent_at: now.toISOString() })
        .onConflict((oc) => oc.columns(["activity_id", "member_id"]).doNothing())
        .executeTakeFirst();
      if (Number(key.numInsertedOrUpdatedRows ?? 0) !== 1) return 0;
      await addNotice(
        trx,
        { memberId: c.member_id, kind: "reminder", activityId: c.activity_id, pushAt: reminderPushAt(now, quiet) },
        now,
      );
      return 1;
    });
  }
  return sent;
}

/** The member's reminder choice, for My page. */
export async function readReminderChoice(db: AppDatabase, { memberId }: { memberId: string }): Promise<ReminderChoice> {
  const row = await db.selectFrom("members").select("reminder").where("id", "=", memberId).executeTakeFirst();
  return row?.reminder ?? "day_before";
}

/** Saves her choice; a value that is not one of the three is refused (false). */
export async function setReminderChoice(db: AppDatabase, member: { id: string }, { choice }: { choice: string }) {
  const parsed = z.enum(REMINDER_CHOICES).safeParse(choice);
  if (!parsed.success) return false;
  await db
    .updateTable("members")
    .set({ reminder: parsed.data, updated_at: new Date().toISOString() })
    .where("id", "=", member.id)
    .execute();
  return true;
}
