// Activities as staff write them: create (one or a weekly series), edit, cancel, and the answers.
// Every change raises `sequence` (calendars need it) and is conditional on the sequence the form
// was opened at, so a second editor never overwrites the first silently.
import { sql, type ExpressionBuilder, type SqlBool } from "kysely";
import type { AppDatabase } from "../../../db/connection";
import type { Database, RsvpStatus } from "../../../db/schema";
import { writeTransaction } from "../../../db/transaction";
import type { ActivityTimes } from "./activity-form";
import { newId } from "~/platform/ids.server";
import { promoteFromWaitlist } from "~/features/answers/answers.server";
import { chapterFilter, type StaffScope } from "~/features/staff/staff.server";

/** Coordinators: their chapters' activities. Admins: all, national ones included. */
function activityInScope(scope: StaffScope) {
  const only = chapterFilter(scope);
  return (eb: ExpressionBuilder<Database, "activities">) =>
    only === null ? sql<SqlBool>`1` : eb("activities.chapter_id", "in", only);
}

function countByStatus(eb: ExpressionBuilder<Database, "activities">, status: RsvpStatus) {
  return eb
    .selectFrom("rsvps")
    .select((c) => c.fn.countAll<number>().as("n"))
    .whereRef("rsvps.activity_id", "=", "activities.id")
    .where("rsvps.status", "=", status);
}

export function listUpcomingActivitiesForStaff(db: AppDatabase, scope: StaffScope, now: Date, limit = 100) {
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

/** Everything the edit form needs, or undefined when it does not exist or is out of scope. */
export function findActivityForEditing(db: AppDatabase, scope: StaffScope, activityId: string) {
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

/** One row per occurrence; more than one share a series id. Returns the ids in date order. */
export async function createActivities(
  db: AppDatabase,
  input: ActivityContent & {
    chapterId: string | null;
    groupId: string | null;
    createdByStaffId: string;
    occurrences: ActivityTimes[];
  },
  now = new Date(),
): Promise<{ ids: string[]; seriesId: string | null; duplicate: boolean }> {
  const first = input.occurrences[0];
  if (!first) throw new Error("createActivities needs at least one occurrence");
  const seriesId = input.occurrences.length > 1 ? newId() : null;
  const rows = input.occurrences.map((times) => ({
    id: newId(),
    chapter_id: input.chapterId,
    group_id: input.groupId,
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
    created_by_staff_id: input.createdByStaffId,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  }));
  return writeTransaction(db, async (trx) => {
    // A double-clicked submit: the same staff member saved the same activity a moment ago.
    const twin = await trx
      .selectFrom("activities")
      .select(["id", "series_id"])
      .where("created_by_staff_id", "=", input.createdByStaffId)
      .where("title", "=", input.title)
      .where("starts_at", "=", first.startsAt)
      .where("created_at", ">", new Date(now.getTime() - DOUBLE_SUBMIT_MS).toISOString())
      .where((eb) => (input.groupId === null ? eb("group_id", "is", null) : eb("group_id", "=", input.groupId)))
      .executeTakeFirst();
    if (twin) return { ids: [twin.id], seriesId: twin.series_id, duplicate: true };
    await trx.insertInto("activities").values(rows).execute();
    return { ids: rows.map((r) => r.id), seriesId, duplicate: false };
  });
}

export type ActivityWriteResult =
  | { ok: true; sequence: number; promotedMemberIds: string[] }
  | { ok: false; error: "notFound" | "changedSinceOpened" };

/**
 * Saves an edit if nobody else saved since the form was opened (`expectedSequence`). A larger
 * capacity promotes from the waitlist in the same transaction; a smaller one keeps everyone going.
 */
export function updateActivity(
  db: AppDatabase,
  scope: StaffScope,
  input: ActivityContent & ActivityTimes & { activityId: string; expectedSequence: number },
  now = new Date(),
): Promise<ActivityWriteResult> {
  const only = chapterFilter(scope);
  return writeTransaction(db, async (trx) => {
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
    if (!result) return { ok: false, error: await whyNotWritten(trx, scope, input.activityId) };
    const promotedMemberIds = await promoteFromWaitlist(trx, input.activityId, now);
    return { ok: true, sequence: result.sequence, promotedMemberIds };
  });
}

/** Cancels one occurrence. Answers stay, so members can be told; the activity shows as cancelled. */
export function cancelActivity(
  db: AppDatabase,
  scope: StaffScope,
  input: { activityId: string; expectedSequence: number },
  now = new Date(),
): Promise<ActivityWriteResult> {
  const only = chapterFilter(scope);
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
    if (!result) return { ok: false, error: await whyNotWritten(trx, scope, input.activityId) };
    return { ok: true, sequence: result.sequence, promotedMemberIds: [] };
  });
}

async function whyNotWritten(db: AppDatabase, scope: StaffScope, activityId: string) {
  const exists = await db
    .selectFrom("activities")
    .select("id")
    .where("id", "=", activityId)
    .where(activityInScope(scope))
    .executeTakeFirst();
  return exists ? ("changedSinceOpened" as const) : ("notFound" as const);
}

/**
 * Every answer to one activity, for staff: going and waitlisted in arrival order (the waitlist
 * order is the promotion order), then "not going". The caller has checked the activity's scope.
 */
export function listAnswersForStaff(db: AppDatabase, activityId: string) {
  return db
    .selectFrom("rsvps")
    .innerJoin("members", "members.id", "rsvps.member_id")
    .select([
      "rsvps.member_id",
      "members.pseudonym",
      "members.deactivated_at",
      "rsvps.status",
      "rsvps.arrival",
      "rsvps.note",
      "rsvps.updated_at",
    ])
    .where("rsvps.activity_id", "=", activityId)
    .orderBy((eb) => eb.case().when("rsvps.status", "=", "going").then(0).when("rsvps.status", "=", "waitlisted").then(1).else(2).end())
    .orderBy("rsvps.arrival")
    .execute();
}

/** Staff move someone from the waitlist to going, even past capacity: it is their call. */
export async function promoteAnswer(db: AppDatabase, input: { activityId: string; memberId: string }, now = new Date()) {
  const result = await db
    .updateTable("rsvps")
    .set({ status: "going", updated_at: now.toISOString() })
    .where("activity_id", "=", input.activityId)
    .where("member_id", "=", input.memberId)
    .where("status", "=", "waitlisted")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Staff take someone off the activity (their answer becomes "not going"); a freed place goes to
 * the waitlist in the same transaction.
 */
export function removeAnswer(db: AppDatabase, input: { activityId: string; memberId: string }, now = new Date()) {
  return writeTransaction(db, async (trx) => {
    const result = await trx
      .updateTable("rsvps")
      .set({ status: "not_going", updated_at: now.toISOString() })
      .where("activity_id", "=", input.activityId)
      .where("member_id", "=", input.memberId)
      .where("status", "in", ["going", "waitlisted"])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return { removed: false, promotedMemberIds: [] as string[] };
    return { removed: true, promotedMemberIds: await promoteFromWaitlist(trx, input.activityId, now) };
  });
}
