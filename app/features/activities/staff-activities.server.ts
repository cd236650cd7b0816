// Activities as staff write them: publish (one or a weekly series), edit, cancel. Every change
// raises `sequence` (calendars need it) and is conditional on the sequence the form was opened at,
// so a second editor never overwrites the first silently. Each change writes its audit row in its
// own transaction: a change is never kept without its record.
import type { ExpressionBuilder } from "kysely";
import type { AppDatabase } from "../../../db/connection";
import type { Database, RsvpStatus } from "../../../db/schema";
import { writeTransaction } from "../../../db/transaction";
import { newId } from "~/platform/ids.server";
import { recordAudit } from "~/features/audit/audit.server";
import { fillFreedPlaces } from "~/features/waitlist/waitlist.server";
import { fillMode } from "~/features/waitlist/waitlist-rules";
import {
  factsOf,
  noticeActivityCancelled,
  noticeActivityChanged,
  noticeActivityRestored,
} from "~/features/notices/activity-notices.server";
import { findChapterForStaff, listChaptersForStaff } from "~/features/chapters/staff-chapters.server";
import { findGroupForStaff, listGroupsForStaff } from "~/features/groups/groups.server";
import { chapterFilter, type StaffScope } from "~/features/staff/staff.server";
import { activityInScope } from "./activity-scope.server";
import type { FieldErrors } from "~/platform/validation";
import { parseTarget, planOccurrences, type ActivityTimes, type NewActivityForm } from "./activity-form";

/** The staff member making a change: their scope, and their id for the audit row. */
export type StaffActor = StaffScope & { id: string };

function countByStatus(eb: ExpressionBuilder<Database, "activities">, status: RsvpStatus) {
  return eb
    .selectFrom("rsvps")
    .select((c) => c.fn.countAll<number>().as("n"))
    .whereRef("rsvps.activity_id", "=", "activities.id")
    .where("rsvps.status", "=", status);
}

export function listUpcomingActivitiesForStaff(
  db: AppDatabase,
  scope: StaffScope,
  { now, limit = 100 }: { now: Date; limit?: number },
) {
  return db
    .selectFrom("activities")
    .leftJoin("groups", "groups.id", "activities.group_id")
    .leftJoin("chapters", "chapters.id", "activities.chapter_id")
    .where(activityInScope(scope))
    .where("activities.ends_at", ">", now.toISOString())
    .select((eb) => [
      "activities.id",
      "activities.title",
      "activities.starts_at",
      "activities.status",
      "activities.capacity",
      "activities.series_id",
      "groups.name as group_name",
      "chapters.name as chapter_name",
      countByStatus(eb, "going").as("going_count"),
      countByStatus(eb, "waitlisted").as("waitlist_count"),
    ])
    .orderBy("activities.starts_at")
    .limit(limit)
    .execute();
}

/** The staff home: their chapters, the national groups (admins' tools) and the next activities. */
export async function loadStaffHome(db: AppDatabase, scope: StaffScope, now = new Date()) {
  const [chapters, activities, groups] = await Promise.all([
    listChaptersForStaff(db, scope),
    listUpcomingActivitiesForStaff(db, scope, { now, limit: 50 }),
    listGroupsForStaff(db, scope),
  ]);
  return { chapters, activities, nationalGroups: groups.filter((g) => g.chapter_id === null) };
}

/** Everything the edit form needs, or undefined when it does not exist or is out of scope. */
export function findActivityForEditing(db: AppDatabase, scope: StaffScope, { activityId }: { activityId: string }) {
  return db
    .selectFrom("activities")
    .leftJoin("groups", "groups.id", "activities.group_id")
    .leftJoin("chapters", "chapters.id", "activities.chapter_id")
    .where("activities.id", "=", activityId)
    .where(activityInScope(scope))
    .select((eb) => [
      "activities.id",
      "activities.chapter_id",
      "activities.group_id",
      "activities.series_id",
      "activities.title",
      "activities.description",
      "activities.starts_at",
      "activities.ends_at",
      "activities.area",
      "activities.address",
      "activities.capacity",
      "activities.rsvp_deadline",
      "activities.languages",
      "activities.interpreter_available",
      "activities.status",
      "activities.cancelled_at",
      "activities.cancel_reason",
      "activities.sequence",
      "activities.updated_at",
      "groups.name as group_name",
      "chapters.name as chapter_name",
      countByStatus(eb, "going").as("going_count"),
      countByStatus(eb, "waitlisted").as("waitlist_count"),
      eb
        .selectFrom("rsvps")
        .select((c) => c.fn.countAll<number>().as("n"))
        .whereRef("rsvps.activity_id", "=", "activities.id")
        .where("rsvps.status", "=", "waitlisted")
        .where("rsvps.offer_expires_at", "is not", null)
        .as("offer_count"),
      eb
        .selectFrom("cancellation_snapshots")
        .select("cancellation_snapshots.cancelled_at")
        .whereRef("cancellation_snapshots.activity_id", "=", "activities.id")
        .as("undoable_since"),
    ])
    .executeTakeFirst();
}

export interface ActivityContent {
  title: string;
  description: string;
  area: string;
  address: string | null;
  capacity: number | null;
  languages: string;
  interpreterAvailable: boolean;
}

const DOUBLE_SUBMIT_MS = 60_000;

/** Where an activity belongs, checked against the staff member's scope; undefined when outside it. */
async function resolveTarget(db: AppDatabase, scope: StaffScope, target: string) {
  const parsed = parseTarget(target);
  if (parsed.kind === "national") return scope.role === "admin" ? { chapterId: null, groupId: null } : undefined;
  if (parsed.kind === "chapter") {
    const chapter = await findChapterForStaff(db, scope, { chapterId: parsed.id });
    return chapter ? { chapterId: chapter.id, groupId: null } : undefined;
  }
  const group = await findGroupForStaff(db, scope, { groupId: parsed.id });
  return group ? { chapterId: group.chapter_id, groupId: group.id } : undefined;
}

export type PublishResult =
  | { ok: true; ids: string[]; seriesId: string | null; duplicate: boolean }
  | { ok: false; error: "notFound" }
  | { ok: false; error: "invalid"; errors: FieldErrors };

/**
 * One row per occurrence; more than one share a series id. Returns the ids in date order. A
 * target outside the staff member's scope (a national activity for a coordinator) is notFound,
 * before any time in the form is looked at.
 */
export async function publishActivities(
  db: AppDatabase,
  staff: StaffActor,
  form: NewActivityForm,
  now = new Date(),
): Promise<PublishResult> {
  const where = await resolveTarget(db, staff, form.target);
  if (!where) return { ok: false, error: "notFound" };
  const plan = planOccurrences(form);
  if (!plan.ok) return { ok: false, error: "invalid", errors: plan.errors };
  const first = plan.occurrences?.[0];
  if (!plan.occurrences || !first) return { ok: false, error: "invalid", errors: {} };
  const input = { ...form, interpreterAvailable: form.interpreter };
  const seriesId = plan.occurrences.length > 1 ? newId() : null;
  const rows = plan.occurrences.map((times) => ({
    id: newId(),
    chapter_id: where.chapterId,
    group_id: where.groupId,
    series_id: seriesId,
    title: input.title,
    description: input.description,
    starts_at: times.startsAt,
    ends_at: times.endsAt,
    area: input.area,
    address: input.address,
    capacity: input.capacity,
    rsvp_deadline: times.rsvpDeadline,
    languages: input.languages,
    interpreter_available: input.interpreterAvailable ? 1 : 0,
    status: "scheduled" as const,
    cancelled_at: null,
    sequence: 0,
    created_by_staff_id: staff.id,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  }));
  return writeTransaction(db, async (trx) => {
    // A double-clicked submit: the same staff member saved the same activity a moment ago.
    const twin = await trx
      .selectFrom("activities")
      .select(["id", "series_id"])
      .where("created_by_staff_id", "=", staff.id)
      .where("title", "=", input.title)
      .where("starts_at", "=", first.startsAt)
      .where("created_at", ">", new Date(now.getTime() - DOUBLE_SUBMIT_MS).toISOString())
      .where((eb) => (where.groupId === null ? eb("group_id", "is", null) : eb("group_id", "=", where.groupId)))
      .executeTakeFirst();
    if (twin) return { ok: true, ids: [twin.id], seriesId: twin.series_id, duplicate: true };
    await trx.insertInto("activities").values(rows).execute();
    await recordAudit(
      trx,
      {
        actorStaffId: staff.id,
        action: "activity.create",
        objectType: "activity",
        objectId: rows[0]!.id,
        details: { chapterId: where.chapterId, groupId: where.groupId, occurrences: rows.length, seriesId },
      },
      now,
    );
    return { ok: true, ids: rows.map((r) => r.id), seriesId, duplicate: false };
  });
}

export type ActivityWriteResult =
  | { ok: true; sequence: number; promotedMemberIds: string[] }
  | { ok: false; error: "notFound" }
  /** `currentSequence`: saving again with it is a deliberate choice to overwrite */
  | { ok: false; error: "changedSinceOpened"; currentSequence: number };

/**
 * Saves an edit if nobody else saved since the form was opened (`expectedSequence`). A larger
 * capacity promotes from the waitlist in the same transaction; a smaller one keeps everyone going.
 */
export function updateActivity(
  db: AppDatabase,
  staff: StaffActor,
  input: ActivityContent & ActivityTimes & { activityId: string; expectedSequence: number },
  now = new Date(),
): Promise<ActivityWriteResult> {
  const only = chapterFilter(staff);
  return writeTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom("activities")
      .select(["capacity", "starts_at", "ends_at", "area", "address"])
      .where("id", "=", input.activityId)
      .executeTakeFirst();
    const result = await trx
      .updateTable("activities")
      .set((eb) => ({
        title: input.title,
        description: input.description,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        area: input.area,
        address: input.address,
        capacity: input.capacity,
        rsvp_deadline: input.rsvpDeadline,
        languages: input.languages,
        interpreter_available: input.interpreterAvailable ? 1 : 0,
        sequence: eb("sequence", "+", 1),
        updated_at: now.toISOString(),
      }))
      .where("id", "=", input.activityId)
      .where("sequence", "=", input.expectedSequence)
      .$if(only !== null, (q) => q.where("chapter_id", "in", only!))
      .returning("sequence")
      .executeTakeFirst();
    if (!result || !before) return whyNotWritten(trx, staff, input.activityId);
    const filled = await fillFreedPlaces(trx, { activityId: input.activityId }, now);
    // Told after the places are filled, so whoever just got or was offered a place hears of the change too.
    const changed = await noticeActivityChanged(
      trx,
      {
        activityId: input.activityId,
        before: factsOf(before),
        after: { startsAt: input.startsAt, endsAt: input.endsAt, area: input.area, address: input.address },
      },
      now,
    );
    const promotedMemberIds = filled.promoted;
    await recordAudit(
      trx,
      {
        actorStaffId: staff.id,
        action: "activity.update",
        objectType: "activity",
        objectId: input.activityId,
        details: {
          sequence: result.sequence,
          capacityBefore: before.capacity,
          capacityAfter: input.capacity,
          promoted: promotedMemberIds.length,
          offered: filled.offered.length,
          changed,
        },
      },
      now,
    );
    return { ok: true, sequence: result.sequence, promotedMemberIds };
  });
}

/** How long after cancelling staff may undo it (and never after the start). */
export const UNDO_CANCEL_MS = 24 * 60 * 60 * 1000;

/** May a cancellation made at `cancelledAt` still be undone? */
export function canUndoCancellation(
  { cancelledAt, startsAt }: { cancelledAt: string; startsAt: string },
  now: Date = new Date(),
): boolean {
  return now.getTime() - Date.parse(cancelledAt) < UNDO_CANCEL_MS && now.getTime() < Date.parse(startsAt);
}

/** One answer as a cancellation keeps it, so an undo can put it back exactly. */
interface KeptAnswer {
  id: string;
  status: RsvpStatus;
  arrival: number;
  offerExpiresAt: string | null;
}

/**
 * Cancels one occurrence with staff's reason (plain words, shown to members). Answers stay, so
 * members can be told; every answer is also kept as it is, so an undo within a day can restore
 * them. Those going, offered and waitlisted get a notice in the same transaction.
 */
export function cancelActivity(
  db: AppDatabase,
  staff: StaffActor,
  input: { activityId: string; expectedSequence: number; reason: string },
  now = new Date(),
): Promise<ActivityWriteResult> {
  const only = chapterFilter(staff);
  return writeTransaction(db, async (trx) => {
    const result = await trx
      .updateTable("activities")
      .set((eb) => ({
        status: "cancelled" as const,
        cancelled_at: now.toISOString(),
        cancel_reason: input.reason,
        sequence: eb("sequence", "+", 1),
        updated_at: now.toISOString(),
      }))
      .where("id", "=", input.activityId)
      .where("sequence", "=", input.expectedSequence)
      .where("status", "=", "scheduled")
      .$if(only !== null, (q) => q.where("chapter_id", "in", only!))
      .returning("sequence")
      .executeTakeFirst();
    if (!result) return whyNotWritten(trx, staff, input.activityId);
    const answers = await trx
      .selectFrom("rsvps")
      .select(["id", "status", "arrival", "offer_expires_at"])
      .where("activity_id", "=", input.activityId)
      .execute();
    const kept: KeptAnswer[] = answers.map((a) => ({
      id: a.id,
      status: a.status,
      arrival: a.arrival,
      offerExpiresAt: a.offer_expires_at,
    }));
    const snapshot = {
      activity_id: input.activityId,
      cancelled_at: now.toISOString(),
      cancelled_by_staff_id: staff.id,
      answers: JSON.stringify(kept),
    };
    await trx
      .insertInto("cancellation_snapshots")
      .values(snapshot)
      .onConflict((oc) => oc.column("activity_id").doUpdateSet(snapshot))
      .execute();
    const told = await noticeActivityCancelled(trx, { activityId: input.activityId }, now);
    await recordAudit(
      trx,
      {
        actorStaffId: staff.id,
        action: "activity.cancel",
        objectType: "activity",
        objectId: input.activityId,
        details: { sequence: result.sequence, told, reasonLength: input.reason.length },
      },
      now,
    );
    return { ok: true, sequence: result.sequence, promotedMemberIds: [] };
  });
}

/**
 * Undoes a cancellation within 24 hours and before the start: the activity is on again, and every
 * answer that still exists is put back exactly as it was (status, order in the queue, offers; an
 * offer that ran out meanwhile gets a fresh time). Everyone concerned is told it is on again.
 */
export function undoCancellation(
  db: AppDatabase,
  staff: StaffActor,
  input: { activityId: string },
  now = new Date(),
): Promise<ActivityWriteResult | { ok: false; error: "tooLate" }> {
  const only = chapterFilter(staff);
  return writeTransaction(db, async (trx) => {
    const found = await trx
      .selectFrom("activities")
      .innerJoin("cancellation_snapshots", "cancellation_snapshots.activity_id", "activities.id")
      .select([
        "activities.starts_at",
        "activities.rsvp_deadline",
        "cancellation_snapshots.cancelled_at",
        "cancellation_snapshots.answers",
      ])
      .where("activities.id", "=", input.activityId)
      .where("activities.status", "=", "cancelled")
      .where(activityInScope(staff))
      .executeTakeFirst();
    if (!found) return whyNotWritten(trx, staff, input.activityId);
    if (!canUndoCancellation({ cancelledAt: found.cancelled_at, startsAt: found.starts_at }, now))
      return { ok: false, error: "tooLate" };
    const result = await trx
      .updateTable("activities")
      .set((eb) => ({
        status: "scheduled" as const,
        cancelled_at: null,
        sequence: eb("sequence", "+", 1),
        updated_at: now.toISOString(),
      }))
      .where("id", "=", input.activityId)
      .where("status", "=", "cancelled")
      .$if(only !== null, (q) => q.where("chapter_id", "in", only!))
      .returning("sequence")
      .executeTakeFirst();
    if (!result) return whyNotWritten(trx, staff, input.activityId);
    const mode = fillMode({ startsAt: found.starts_at, rsvpDeadline: found.rsvp_deadline, now });
    for (const kept of JSON.parse(found.answers) as KeptAnswer[]) {
      const lapsed = kept.offerExpiresAt !== null && Date.parse(kept.offerExpiresAt) <= now.getTime();
      const offerExpiresAt = lapsed ? (mode.kind === "offer" ? mode.expiresAt : null) : kept.offerExpiresAt;
      const status = lapsed && offerExpiresAt === null ? "going" : kept.status;
      await trx
        .updateTable("rsvps")
        .set({ status, arrival: kept.arrival, offer_expires_at: offerExpiresAt, updated_at: now.toISOString() })
        .where("id", "=", kept.id)
        .where("activity_id", "=", input.activityId)
        .execute();
    }
    await trx.deleteFrom("cancellation_snapshots").where("activity_id", "=", input.activityId).execute();
    const told = await noticeActivityRestored(trx, { activityId: input.activityId }, now);
    await recordAudit(
      trx,
      {
        actorStaffId: staff.id,
        action: "activity.restore",
        objectType: "activity",
        objectId: input.activityId,
        details: { sequence: result.sequence, told },
      },
      now,
    );
    return { ok: true, sequence: result.sequence, promotedMemberIds: [] };
  });
}

async function whyNotWritten(db: AppDatabase, scope: StaffScope, activityId: string): Promise<ActivityWriteResult> {
  const current = await db
    .selectFrom("activities")
    .select("sequence")
    .where("id", "=", activityId)
    .where(activityInScope(scope))
    .executeTakeFirst();
  return current
    ? { ok: false, error: "changedSinceOpened", currentSequence: current.sequence }
    : { ok: false, error: "notFound" };
}
