// Activities as staff write them: publish (one or a weekly series), edit, cancel. Every change
// raises `sequence` (calendars need it) and is conditional on the sequence the form was opened at,
// so a second editor never overwrites the first silently. Each change writes its audit row in its
// own transaction: a change is never kept without its record.
import { countRows } from "../../../db/counts";
import type { ExpressionBuilder } from "kysely";
import type { AppDatabase } from "../../../db/connection";
import type { Database, RsvpStatus } from "../../../db/schema";
import { writeTransaction } from "../../../db/transaction";
import { newId } from "~/platform/ids.server";
import { recordAudit } from "~/features/audit/audit.server";
import { promoteFromWaitlist } from "~/features/waitlist/waitlist.server";
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
    .select(countRows().as("n"))
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
      "activities.sequence",
      "activities.updated_at",
      "groups.name as group_name",
      "chapters.name as chapter_name",
      countByStatus(eb, "going").as("going_count"),
      countByStatus(eb, "waitlisted").as("waitlist_count"),
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
      .select("capacity")
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
    const promotedMemberIds = await promoteFromWaitlist(trx, { activityId: input.activityId }, now);
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
        },
      },
      now,
    );
    return { ok: true, sequence: result.sequence, promotedMemberIds };
  });
}

/** Cancels one occurrence. Answers stay, so members can be told; the activity shows as cancelled. */
export function cancelActivity(
  db: AppDatabase,
  staff: StaffActor,
  input: { activityId: string; expectedSequence: number },
  now = new Date(),
): Promise<ActivityWriteResult> {
  const only = chapterFilter(staff);
  return writeTransaction(db, async (trx) => {
    const result = await trx
      .updateTable("activities")
      .set((eb) => ({
        status: "cancelled" as const,
        cancelled_at: now.toISOString(),
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
    await recordAudit(
      trx,
      {
        actorStaffId: staff.id,
        action: "activity.cancel",
        objectType: "activity",
        objectId: input.activityId,
        details: { sequence: result.sequence },
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
