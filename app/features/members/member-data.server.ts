// A member's own data: everything stored about them (to download), and deleting it all at once.
import { lockRowsForDecision } from "../../../db/dialect";
import type { AppDatabase } from "../../../db/connection";
import { writeTransaction } from "../../../db/transaction";
import { releaseComingAnswers } from "~/features/answers/answers.server";
import { logSecurityEvent } from "~/platform/logger.server";

/**
 * Everything the database holds about one member, scoped to them in every query. Secrets (the
 * passphrase hash, code and token hashes) are left out: they are one-way and useless to read.
 * Nothing about other members: group and activity facts are the member's own view of them.
 */
export async function exportMemberData(db: AppDatabase, memberId: string) {
  const member = await db
    .selectFrom("members")
    .innerJoin("chapters", "chapters.id", "members.chapter_id")
    .select([
      "members.pseudonym",
      "chapters.name as chapter",
      "members.locale",
      "members.discreet_titles",
      "members.feed_all_group_activities",
      "members.last_active_on",
      "members.deactivated_at",
      "members.created_at",
      "members.updated_at",
    ])
    .where("members.id", "=", memberId)
    .executeTakeFirst();
  if (!member) return undefined;

  const [groups, answers, feeds, sessions, recoveryCodes, resetCodes, joinReceipt, checkIns] = await Promise.all([
    db
      .selectFrom("group_memberships")
      .innerJoin("groups", "groups.id", "group_memberships.group_id")
      .select(["groups.name as group", "group_memberships.status", "group_memberships.created_at"])
      .where("group_memberships.member_id", "=", memberId)
      .orderBy("group_memberships.created_at")
      .execute(),
    db
      .selectFrom("rsvps")
      .innerJoin("activities", "activities.id", "rsvps.activity_id")
      .select([
        "activities.title as activity",
        "activities.starts_at",
        "activities.ends_at",
        "rsvps.status",
        "rsvps.note",
        "rsvps.show_pseudonym",
        "rsvps.meet_at_door",
        "rsvps.meet_place",
        (eb) =>
          eb
            .selectFrom("answer_replies")
            .select((c) => c.fn.countAll<number>().as("n"))
            .whereRef("answer_replies.rsvp_id", "=", "rsvps.id")
            .as("reply_count"),
        "rsvps.created_at",
        "rsvps.updated_at",
      ])
      .where("rsvps.member_id", "=", memberId)
      .orderBy("activities.starts_at")
      .execute(),
    db
      .selectFrom("feed_tokens")
      .select(["created_at", "revoked_at"])
      .where("member_id", "=", memberId)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("sessions")
      .select(["created_at", "last_seen_at", "expires_at", "persistent"])
      .where("member_id", "=", memberId)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("recovery_codes")
      .select(["created_at", "used_at"])
      .where("member_id", "=", memberId)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("reset_codes")
      .select(["created_at", "expires_at", "used_at"])
      .where("member_id", "=", memberId)
      .orderBy("created_at")
      .execute(),
    db.selectFrom("join_receipts").select("expires_at").where("member_id", "=", memberId).executeTakeFirst(),
    db
      .selectFrom("check_ins")
      .innerJoin("activities", "activities.id", "check_ins.activity_id")
      .select(["activities.title as activity", "activities.starts_at", "check_ins.checked_in_at"])
      .where("check_ins.member_id", "=", memberId)
      .orderBy("activities.starts_at")
      .execute(),
  ]);

  return {
    member: {
      pseudonym: member.pseudonym,
      chapter: member.chapter,
      language: member.locale,
      createdAt: member.created_at,
      updatedAt: member.updated_at,
      lastActiveOn: member.last_active_on,
      deactivatedAt: member.deactivated_at,
      passphrase: "stored only as a one-way hash; not included",
    },
    calendarSettings: {
      discreetTitles: member.discreet_titles === 1,
      allGroupActivities: member.feed_all_group_activities === 1,
    },
    groups: groups.map((g) => ({ group: g.group, status: g.status, since: g.created_at })),
    /** the activities staff marked her as having come to */
    came: checkIns.map((c) => ({ activity: c.activity, startsAt: c.starts_at, markedAt: c.checked_in_at })),
    answers: answers.map((a) => ({
      activity: a.activity,
      startsAt: a.starts_at,
      endsAt: a.ends_at,
      answer: a.status,
      noteToStaff: a.note,
      showPseudonymToOthers: a.show_pseudonym === 1,
      askedToBeMet: a.meet_at_door === 1,
      whereToBeMet: a.meet_place,
      staffRepliesToNote: Number(a.reply_count ?? 0),
      answeredAt: a.created_at,
      changedAt: a.updated_at,
    })),
    calendarLinks: feeds.map((f) => ({ createdAt: f.created_at, revokedAt: f.revoked_at })),
    sessions: sessions.map((s) => ({
      signedInAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      endsAt: s.expires_at,
      ownDevice: s.persistent === 1,
    })),
    recoveryCodes: recoveryCodes.map((c) => ({ createdAt: c.created_at, usedAt: c.used_at })),
    resetCodes: resetCodes.map((c) => ({ createdAt: c.created_at, expiresAt: c.expires_at, usedAt: c.used_at })),
    /** until when the join may be repeated with the same code (README "Joining can be repeated for a day") */
    joinRepeatableUntil: joinReceipt?.expires_at ?? null,
  };
}

/**
 * Deletes a member and everything linked to them, in one transaction. "Going" answers to
 * activities that have ended are first added to that activity's anonymous count, so attendance
 * statistics stay true with no link to the person; places they held in coming activities go to
 * the waitlist. Audit entries about them stay, with the link to them removed.
 */
export async function deleteMemberAccount(db: AppDatabase, memberId: string, now: Date = new Date()): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    // Two instances running retention at once: the second waits here, then finds no member, so
    // her attendance is counted once.
    await lockRowsForDecision(trx, "members", [memberId]);
    const member = await trx.selectFrom("members").select("id").where("id", "=", memberId).executeTakeFirst();
    if (!member) return false;

    // The same path as leaving a group or being deactivated: coming places go to the waitlist.
    await releaseComingAnswers(trx, { memberId }, now);
    const ended = await trx
      .selectFrom("rsvps")
      .select("activity_id")
      .where("member_id", "=", memberId)
      .where("status", "=", "going")
      .execute();

    for (const { activity_id } of ended) {
      await trx
        .insertInto("anonymous_attendance")
        .values({ activity_id, going_count: 1 })
        .onConflict((oc) =>
          oc
            .column("activity_id")
            .doUpdateSet((eb) => ({ going_count: eb("anonymous_attendance.going_count", "+", 1) })),
        )
        .execute();
    }

    // Check-ins become the same anonymous counts, so reports stay right after the account is gone.
    const cameTo = await trx
      .selectFrom("check_ins")
      .leftJoin("rsvps", (join) =>
        join
          .onRef("rsvps.activity_id", "=", "check_ins.activity_id")
          .onRef("rsvps.member_id", "=", "check_ins.member_id"),
      )
      .select(["check_ins.activity_id", "rsvps.status"])
      .where("check_ins.member_id", "=", memberId)
      .execute();
    for (const { activity_id, status } of cameTo) {
      const ofGoing = status === "going" ? 1 : 0;
      await trx
        .insertInto("anonymous_attendance")
        .values({ activity_id, came_count: 1, came_of_going_count: ofGoing })
        .onConflict((oc) =>
          oc.column("activity_id").doUpdateSet((eb) => ({
            came_count: eb("anonymous_attendance.came_count", "+", 1),
            came_of_going_count: eb("anonymous_attendance.came_of_going_count", "+", ofGoing),
          })),
        )
        .execute();
    }

    // Explicit, not left to ON DELETE CASCADE alone: this must hold even where foreign keys are off.
    for (const table of [
      "check_ins",
      "rsvps",
      "group_memberships",
      "sessions",
      "feed_tokens",
      "recovery_codes",
      "reset_codes",
      "join_receipts",
      "push_subscriptions",
    ] as const) {
      await trx.deleteFrom(table).where("member_id", "=", memberId).execute();
    }
    await trx
      .updateTable("audit_log")
      .set({ object_id: null, details: null })
      .where((eb) => eb.or([eb("object_id", "like", `%${memberId}%`), eb("details", "like", `%${memberId}%`)]))
      .execute();
    await trx.deleteFrom("members").where("id", "=", memberId).execute();
    return true;
  });
}

/** The member deletes her own account from My page; the log line says that it happened, never whose. */
export async function deleteOwnAccount(db: AppDatabase, member: { id: string }) {
  await deleteMemberAccount(db, member.id);
  logSecurityEvent("account_deleted");
}
