// Check-in at the door: who came to an activity, marked by staff of its chapter. A check-in row is
// the fact "came"; "did not come" is derived after the end for those going who were not marked,
// and never stored (docs/decisions/034). Audit rows carry counts, never who came.
import { z } from "zod";
import type { AppDatabase } from "../../../db/connection";
import { writeTransaction } from "../../../db/transaction";
import { recordAudit } from "~/features/audit/audit.server";
import { activityInScope } from "~/features/activities/activity-scope.server";
import { findActivityForEditing, type StaffActor } from "~/features/activities/staff-activities.server";
import { pseudonymCaseKey } from "~/features/members/pseudonym";
import type { StaffScope } from "~/features/staff/staff.server";
import { parseForm } from "~/platform/forms";

export type CheckInPlace = "going" | "waitlisted" | "walkIn";

export interface CheckInPerson {
  memberId: string;
  pseudonym: string;
  place: CheckInPlace;
  came: boolean;
  /** derived: the activity has ended, she said "going" and was not marked */
  didNotCome: boolean;
}

/** The door list: going (arrival order), then waitlisted, then walk-ins; undefined when out of scope. */
export async function findCheckInList(
  db: AppDatabase,
  scope: StaffScope,
  { activityId }: { activityId: string },
  now = new Date(),
) {
  const activity = await findActivityForEditing(db, scope, { activityId });
  if (!activity) return undefined;
  const [answers, checkIns, walkIns] = await Promise.all([
    db
      .selectFrom("rsvps")
      .innerJoin("members", "members.id", "rsvps.member_id")
      .select(["rsvps.member_id", "members.pseudonym", "rsvps.status"])
      .where("rsvps.activity_id", "=", activity.id)
      .where("rsvps.status", "in", ["going", "waitlisted"])
      .orderBy("rsvps.arrival")
      .execute(),
    db
      .selectFrom("check_ins")
      .innerJoin("members", "members.id", "check_ins.member_id")
      .select(["check_ins.member_id", "members.pseudonym"])
      .where("check_ins.activity_id", "=", activity.id)
      .orderBy("check_ins.checked_in_at")
      .execute(),
    db.selectFrom("walk_in_counts").select("count").where("activity_id", "=", activity.id).executeTakeFirst(),
  ]);
  const ended = activity.ends_at <= now.toISOString();
  const came = new Set(checkIns.map((c) => c.member_id));
  const answered = new Set(answers.map((a) => a.member_id));
  const people: CheckInPerson[] = [
    ...answers
      .sort((a, b) => (a.status === b.status ? 0 : a.status === "going" ? -1 : 1))
      .map((a) => ({
        memberId: a.member_id,
        pseudonym: a.pseudonym,
        place: a.status === "going" ? ("going" as const) : ("waitlisted" as const),
        came: came.has(a.member_id),
        didNotCome: ended && a.status === "going" && !came.has(a.member_id),
      })),
    ...checkIns
      .filter((c) => !answered.has(c.member_id))
      .map((c) => ({
        memberId: c.member_id,
        pseudonym: c.pseudonym,
        place: "walkIn" as const,
        came: true,
        didNotCome: false,
      })),
  ];
  return {
    activity,
    people,
    ended,
    walkInCount: Number(walkIns?.count ?? 0),
    cameCount: came.size + Number(walkIns?.count ?? 0),
    didNotComeCount: people.filter((p) => p.didNotCome).length,
  };
}

async function auditCounts(trx: AppDatabase, actor: StaffActor, activityId: string, change: string) {
  const came = await trx
    .selectFrom("check_ins")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("activity_id", "=", activityId)
    .executeTakeFirst();
  const walkIns = await trx
    .selectFrom("walk_in_counts")
    .select("count")
    .where("activity_id", "=", activityId)
    .executeTakeFirst();
  const activity = await trx
    .selectFrom("activities")
    .select(["title", "starts_at", "chapter_id"])
    .where("id", "=", activityId)
    .executeTakeFirst();
  await recordAudit(trx, {
    actorStaffId: actor.id,
    action: `attendance.${change}`,
    objectType: "activity",
    objectId: activityId,
    chapterId: activity?.chapter_id ?? null,
    details: {
      members: Number(came?.n ?? 0),
      withoutAccount: Number(walkIns?.count ?? 0),
      title: activity?.title ?? null,
      startsAt: activity?.starts_at ?? null,
    },
  });
}

/**
 * Marks one person as came, or undoes it. Only someone who answered going or waitlisted, or who
 * is already checked in (a walk-in being undone), can be marked here; false when not.
 */
export async function setCame(
  db: AppDatabase,
  actor: StaffActor,
  { activityId, memberId, came }: { activityId: string; memberId: string; came: boolean },
  now = new Date(),
): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const activity = await findActivityForEditing(trx, actor, { activityId });
    if (!activity) return false;
    if (came) {
      const answer = await trx
        .selectFrom("rsvps")
        .select("member_id")
        .where("activity_id", "=", activity.id)
        .where("member_id", "=", memberId)
        .where("status", "in", ["going", "waitlisted"])
        .executeTakeFirst();
      if (!answer) return false;
      const inserted = await trx
        .insertInto("check_ins")
        .values({ activity_id: activity.id, member_id: memberId, checked_in_at: now.toISOString() })
        .onConflict((oc) => oc.columns(["activity_id", "member_id"]).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) await auditCounts(trx, actor, activity.id, "check_in");
      return true;
    }
    const removed = await trx
      .deleteFrom("check_ins")
      .where("activity_id", "=", activity.id)
      .where("member_id", "=", memberId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) > 0) await auditCounts(trx, actor, activity.id, "undo_check_in");
    return true;
  });
}

/**
 * A member of the activity's chapter who came without answering, found by her pseudonym (case
 * does not matter). Looks only inside the activity's chapter, which the staff member's scope must
 * hold, so it tells staff nothing about other chapters' members.
 */
export async function addWalkInMember(
  db: AppDatabase,
  actor: StaffActor,
  { activityId, pseudonym }: { activityId: string; pseudonym: string },
  now = new Date(),
): Promise<"added" | "notFound" | "outOfScope"> {
  return writeTransaction(db, async (trx) => {
    const activity = await findActivityForEditing(trx, actor, { activityId });
    if (!activity) return "outOfScope";
    let query = trx
      .selectFrom("members")
      .select("id")
      .where("pseudonym_case_key", "=", pseudonymCaseKey(pseudonym))
      .where("deactivated_at", "is", null);
    if (activity.chapter_id !== null) query = query.where("chapter_id", "=", activity.chapter_id);
    const member = await query.executeTakeFirst();
    if (!member) return "notFound";
    const inserted = await trx
      .insertInto("check_ins")
      .values({ activity_id: activity.id, member_id: member.id, checked_in_at: now.toISOString() })
      .onConflict((oc) => oc.columns(["activity_id", "member_id"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) await auditCounts(trx, actor, activity.id, "walk_in");
    return "added";
  });
}

/** People without an account who came: one more or one fewer (never below zero). */
export async function changeWalkInCount(
  db: AppDatabase,
  actor: StaffActor,
  { activityId, delta }: { activityId: string; delta: 1 | -1 },
): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const activity = await findActivityForEditing(trx, actor, { activityId });
    if (!activity) return false;
    const current = await trx
      .selectFrom("walk_in_counts")
      .select("count")
      .where("activity_id", "=", activity.id)
      .executeTakeFirst();
    const next = Math.max(0, Number(current?.count ?? 0) + delta);
    await trx
      .insertInto("walk_in_counts")
      .values({ activity_id: activity.id, count: next })
      .onConflict((oc) => oc.column("activity_id").doUpdateSet({ count: next }))
      .execute();
    await auditCounts(trx, actor, activity.id, "walk_in_count");
    return true;
  });
}

/** How many past activities a member's attendance history shows. */
export const ATTENDANCE_HISTORY_MAX = 50;

/**
 * A member's attendance as staff of her chapter see it: ended activities she answered or came to,
 * newest first. A check-in without a "going" answer is a walk-in.
 */
export async function listAttendanceHistoryForStaff(
  db: AppDatabase,
  scope: StaffScope,
  { memberId }: { memberId: string },
  now = new Date(),
) {
  const only = scope.role === "admin" ? null : scope.chapterIds.length > 0 ? scope.chapterIds : [""];
  let memberQuery = db.selectFrom("members").select("id").where("id", "=", memberId);
  if (only) memberQuery = memberQuery.where("chapter_id", "in", only);
  if (!(await memberQuery.executeTakeFirst())) return undefined;
  const rows = await db
    .selectFrom("activities")
    .leftJoin("rsvps", (j) => j.onRef("rsvps.activity_id", "=", "activities.id").on("rsvps.member_id", "=", memberId))
    .leftJoin("check_ins", (j) =>
      j.onRef("check_ins.activity_id", "=", "activities.id").on("check_ins.member_id", "=", memberId),
    )
    .select(["activities.id", "activities.title", "activities.starts_at", "rsvps.status", "check_ins.checked_in_at"])
    // Only activities this staff member may open (a coordinator: her chapters, not national groups).
    .where(activityInScope(scope))
    .where("activities.ends_at", "<=", now.toISOString())
    .where("activities.status", "=", "scheduled")
    .where((eb) => eb.or([eb("rsvps.status", "=", "going"), eb("check_ins.member_id", "is not", null)]))
    .orderBy("activities.starts_at", "desc")
    .limit(ATTENDANCE_HISTORY_MAX)
    .execute();
  return rows.map((r) => ({
    activityId: r.id,
    title: r.title,
    startsAt: r.starts_at,
    outcome: !r.checked_in_at
      ? ("didNotCome" as const)
      : r.status === "going"
        ? ("came" as const)
        : ("walkIn" as const),
  }));
}

export const checkInFormSchema = z.object({
  intent: z.enum(["came", "undo", "walkIn", "walkInMore", "walkInFewer"]),
  memberId: z.string().max(64).optional(),
  pseudonym: z.string().max(64).optional(),
});

export type CheckInFormResult = { ok: true } | { ok: false; error: "notFound" | "pseudonymRequired" | "invalid" };

/** One tap at the door, from the check-in page's forms; "outOfScope" means 404. */
export async function applyCheckInForm(
  db: AppDatabase,
  actor: StaffActor,
  { activityId, form }: { activityId: string; form: FormData },
  now = new Date(),
): Promise<CheckInFormResult | "outOfScope"> {
  if (!(await findActivityForEditing(db, actor, { activityId }))) return "outOfScope";
  const parsed = parseForm(form, checkInFormSchema);
  if (!parsed.ok) return { ok: false, error: "invalid" };
  const { intent, memberId = "", pseudonym = "" } = parsed.data;
  if (intent === "came" || intent === "undo") {
    const done = await setCame(db, actor, { activityId, memberId, came: intent === "came" }, now);
    return done ? { ok: true } : { ok: false, error: "invalid" };
  }
  if (intent === "walkIn") {
    if (pseudonym.trim() === "") return { ok: false, error: "pseudonymRequired" };
    const result = await addWalkInMember(db, actor, { activityId, pseudonym }, now);
    if (result === "outOfScope") return "outOfScope";
    return result === "added" ? { ok: true } : { ok: false, error: "notFound" };
  }
  await changeWalkInCount(db, actor, { activityId, delta: intent === "walkInMore" ? 1 : -1 });
  return { ok: true };
}
