// Retention: data we no longer need is removed on a schedule (see DATA.md for why and when).
// The scheduler runs this daily (app/scheduled-jobs.server.ts); `npm run db:retention` (scripts/retention.ts) runs
// it once by hand.
import { deleteMemberAccount } from "~/features/members/member-data.server";
import type { Env } from "~/platform/env.server";
import type { AppDatabase } from "../../../db/connection";

export interface RetentionPolicy {
  now?: Date;
  /** private notes on answers, after the activity ended */
  notesAfterDays: number;
  /** exact addresses of activities, after the activity ended */
  addressesAfterDays: number;
  /** deactivated member accounts, after deactivation (staff: see below) */
  deactivatedAfterDays: number;
  /** audit log entries */
  auditAfterDays: number;
  /** a member's notices, after they were created (and the reminder keys of activities that ended as long ago) */
  noticesAfterDays?: number;
}

/** How long notices are kept when the policy does not say (RETENTION_NOTICES_DAYS). */
export const DEFAULT_NOTICES_DAYS = 60;
/** What a cancellation keeps for its undo is needed for a day at most (the undo window). */
const CANCELLATION_SNAPSHOT_DAYS = 1;

export interface RetentionReport {
  notesCleared: number;
  addressesCleared: number;
  membersDeleted: number;
  staffDeleted: number;
  auditEntriesDeleted: number;
  sessionsDeleted: number;
  rateLimitWindowsDeleted: number;
  joinReceiptsDeleted: number;
  feedTokensDeleted: number;
  jobsDeleted: number;
  pushSubscriptionsDeleted: number;
  noticesDeleted: number;
  staffMessagesDeleted: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** finished scheduler jobs (ids only) are kept this long, for looking into what ran */
export const JOBS_KEPT_DAYS = 7;
/** a push subscription no page of its device has confirmed for this long is deleted */
export const PUSH_UNSEEN_DAYS = 180;
/** the longest rate-limit window (app/platform/rate-limit.server.ts) */
const RATE_LIMIT_MAX_WINDOW_MS = DAY_MS;

export async function runRetention(db: AppDatabase, policy: RetentionPolicy): Promise<RetentionReport> {
  const now = policy.now ?? new Date();
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

  const endedBefore = (days: number) => db.selectFrom("activities").select("id").where("ends_at", "<", before(days));

  const notes = await db
    .updateTable("rsvps")
    .set({ note: null })
    .where("note", "is not", null)
    .where("activity_id", "in", endedBefore(policy.notesAfterDays))
    .executeTakeFirst();
  // The thread about a note, and where she asked to be met, go with the note.
  await db
    .deleteFrom("answer_replies")
    .where("rsvp_id", "in", (eb) =>
      eb.selectFrom("rsvps").select("id").where("activity_id", "in", endedBefore(policy.notesAfterDays)),
    )
    .execute();
  await db
    .updateTable("rsvps")
    .set({ meet_at_door: 0, meet_place: null, meet_staff_id: null })
    .where("meet_at_door", "=", 1)
    .where("activity_id", "in", endedBefore(policy.notesAfterDays))
    .execute();

  const addresses = await db
    .updateTable("activities")
    .set({ address: null })
    .where("address", "is not", null)
    .where("ends_at", "<", before(policy.addressesAfterDays))
    .executeTakeFirst();

  // Deleted the same way as a member deleting themselves: statistics keep an anonymous count.
  const deactivatedMembers = await db
    .selectFrom("members")
    .select("id")
    .where("deactivated_at", "<", before(policy.deactivatedAfterDays))
    .execute();
  for (const { id } of deactivatedMembers) await deleteMemberAccount(db, id, now);

  // Staff accounts stay as long as audit entries that name them: the audit log must say who did
  // what for its whole life, and every entry of theirs is older than their deactivation.
  const staff = await db
    .deleteFrom("staff_users")
    .where("deactivated_at", "<", before(Math.max(policy.deactivatedAfterDays, policy.auditAfterDays)))
    .executeTakeFirst();

  const audit = await db.deleteFrom("audit_log").where("at", "<", before(policy.auditAfterDays)).executeTakeFirst();

  // Sessions past their absolute or idle time-out (they are also deleted when next seen). There are
  // only a few idle time-outs, so each is compared as an ISO time: no date arithmetic in SQL.
  const idleTimeouts = await db.selectFrom("sessions").select("idle_timeout_seconds").distinct().execute();
  const sessions = await db
    .deleteFrom("sessions")
    .where((eb) =>
      eb.or([
        eb("expires_at", "<=", now.toISOString()),
        ...idleTimeouts.map(({ idle_timeout_seconds: seconds }) =>
          eb.and([
            eb("idle_timeout_seconds", "=", seconds),
            eb("last_seen_at", "<=", new Date(now.getTime() - seconds * 1000).toISOString()),
          ]),
        ),
      ]),
    )
    .executeTakeFirst();

  const rateLimits = await db
    .deleteFrom("rate_limits")
    .where("window_start", "<", new Date(now.getTime() - RATE_LIMIT_MAX_WINDOW_MS).toISOString())
    .executeTakeFirst();

  // The only link between an invite and the member it made, kept only while a join may be repeated.
  const joinReceipts = await db
    .deleteFrom("join_receipts")
    .where("expires_at", "<=", now.toISOString())
    .executeTakeFirst();
  // A revoked calendar link answers 404 like one that never existed, so its row serves nothing.
  const feedTokens = await db
    .deleteFrom("feed_tokens")
    .where("revoked_at", "is not", null)
    .where("revoked_at", "<=", now.toISOString())
    .executeTakeFirst();

  const jobs = await db.deleteFrom("jobs").where("done_at", "<", before(JOBS_KEPT_DAYS)).executeTakeFirst();
  // A device nobody has opened the site on for half a year is likely sold, lost or someone else's.
  const pushSubscriptions = await db
    .deleteFrom("push_subscriptions")
    .where("last_seen_at", "<", before(PUSH_UNSEEN_DAYS))
    .executeTakeFirst();
  const noticesDays = policy.noticesAfterDays ?? DEFAULT_NOTICES_DAYS;
  const notices = await db.deleteFrom("notices").where("created_at", "<", before(noticesDays)).executeTakeFirst();
  // Staff's messages go with the notices that point to them (same period).
  const staffMessages = await db
    .deleteFrom("staff_messages")
    .where("created_at", "<", before(noticesDays))
    .executeTakeFirst();
  await db.deleteFrom("reminder_sends").where("activity_id", "in", endedBefore(noticesDays)).executeTakeFirst();
  await db
    .deleteFrom("cancellation_snapshots")
    .where("cancelled_at", "<", before(CANCELLATION_SNAPSHOT_DAYS))
    .executeTakeFirst();

  return {
    notesCleared: Number(notes.numUpdatedRows),
    addressesCleared: Number(addresses.numUpdatedRows),
    membersDeleted: deactivatedMembers.length,
    staffDeleted: Number(staff.numDeletedRows),
    auditEntriesDeleted: Number(audit.numDeletedRows),
    sessionsDeleted: Number(sessions.numDeletedRows),
    rateLimitWindowsDeleted: Number(rateLimits.numDeletedRows),
    joinReceiptsDeleted: Number(joinReceipts.numDeletedRows),
    feedTokensDeleted: Number(feedTokens.numDeletedRows),
    jobsDeleted: Number(jobs.numDeletedRows),
    pushSubscriptionsDeleted: Number(pushSubscriptions.numDeletedRows),
    noticesDeleted: Number(notices.numDeletedRows),
    staffMessagesDeleted: Number(staffMessages.numDeletedRows),
  };
}

export function retentionPolicyFromEnv(env: Env): RetentionPolicy {
  return {
    notesAfterDays: env.RETENTION_NOTES_DAYS,
    addressesAfterDays: env.RETENTION_ADDRESSES_DAYS,
    deactivatedAfterDays: env.RETENTION_DEACTIVATED_DAYS,
    auditAfterDays: env.RETENTION_AUDIT_DAYS,
    noticesAfterDays: env.RETENTION_NOTICES_DAYS,
  };
}
