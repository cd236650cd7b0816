// Activities as staff write them: publish (one or a weekly series, or a draft), edit one
// occurrence or a series from a date on, skip and cancel, copy. Every change raises `sequence`
// (calendars need it) and is conditional on the sequence the form was opened at, so a second
// editor never overwrites the first silently. Each change writes its audit row in the same
// transaction: a change is never kept without its record. Every change to an occurrence, alone or
// as part of a series, goes through `changeOccurrence`, so whatever it does (audit, waitlist,
// notices) covers series edits too.
import type { ExpressionBuilder, Kysely } from "kysely";
import { countRows } from "../../../db/counts";
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
import { findChapterForStaff } from "~/features/chapters/staff-chapters.server";
import { findGroupForStaff } from "~/features/groups/groups.server";
import { chapterFilter, type StaffScope } from "~/features/staff/staff.server";
import { activityInScope } from "./activity-scope.server";
import type { FieldErrors } from "~/platform/validation";
import {
  activityToFormValues,
  isPastStartRefused,
  parseTarget,
  planOccurrences,
  resolveActivityTimes,
  type ActivityTimes,
  type EditScope,
  type HolidayDay,
  type NewActivityForm,
  type TimeFields,
} from "./activity-form";
import { holidayConflicts } from "./holidays.server";
import { addDaysToDateInput, daysBetweenDateInputs, formatOsloDateInput, parseDateInput } from "~/platform/oslo-time";

/** The staff member making a change: their scope, and their id for the audit row. */
export type StaffActor = StaffScope & { id: string };

function countByStatus(eb: ExpressionBuilder<Database, "activities">, status: RsvpStatus) {
  return eb
    .selectFrom("rsvps")
    .select(countRows().as("n"))
    .whereRef("rsvps.activity_id", "=", "activities.id")
    .where("rsvps.status", "=", status);
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
      "activities.draft",
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
  | { ok: true; ids: string[]; seriesId: string | null; duplicate: boolean; draft: boolean }
  | { ok: false; error: "notFound" }
  | { ok: false; error: "invalid"; errors: FieldErrors }
  /** the series meets holidays staff have not looked at yet: ask which to skip, then submit again */
  | { ok: false; error: "holidays"; holidays: HolidayDay[] };

/** The publishing choices beyond the fields: drafts, past starts, holiday dates reviewed and skipped. */
export interface PublishChoices {
  /** save unpublished: only staff see it until it is published */
  draft?: boolean;
  /** staff confirmed they are recording something that already happened */
  pastConfirmed?: boolean;
  /** the holiday dates staff were shown (YYYY-MM-DD); a new one means asking again */
  holidaysReviewed?: string[];
  /** the dates staff chose to leave out */
  skipDates?: string[];
  /** the language holiday names are given in ("no" or "en") */
  holidayLanguage?: string;
}

/**
 * One row per occurrence; more than one share a series id. Returns the ids in date order. A
 * target outside the staff member's scope (a national activity for a coordinator) is notFound,
 * before any time in the form is looked at. A start in the past is refused unless staff confirm
 * they are recording what happened; a series over holidays is first answered with those dates.
 */
export async function publishActivities(
  db: AppDatabase,
  staff: StaffActor,
  form: NewActivityForm,
  now = new Date(),
  choices: PublishChoices = {},
): Promise<PublishResult> {
  const where = await resolveTarget(db, staff, form.target);
  if (!where) return { ok: false, error: "notFound" };
  const plan = planOccurrences(form);
  if (!plan.ok) return { ok: false, error: "invalid", errors: plan.errors };
  const planned = plan.occurrences;
  if (!planned?.[0]) return { ok: false, error: "invalid", errors: {} };
  if (isPastStartRefused(planned[0].startsAt, now, choices.pastConfirmed === true))
    return { ok: false, error: "invalid", errors: { startDate: "staffSeries.startInPast" } };
  if (form.repeat !== "none") {
    const holidays = holidayConflicts(
      planned.map((o) => formatOsloDateInput(o.startsAt)),
      choices.holidayLanguage,
    );
    const reviewed = new Set(choices.holidaysReviewed ?? []);
    if (holidays.some((h) => !reviewed.has(h.date))) return { ok: false, error: "holidays", holidays };
  }
  const skip = new Set(choices.skipDates ?? []);
  const kept = planned.filter((o) => !skip.has(formatOsloDateInput(o.startsAt)));
  const first = kept[0];
  if (!first) return { ok: false, error: "invalid", errors: { repeatUntil: "staffSeries.everyDateSkipped" } };
  const input = { ...form, interpreterAvailable: form.interpreter };
  const seriesId = planned.length > 1 ? newId() : null;
  const draft = choices.draft === true;
  const rows = kept.map((times) => ({
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
    draft: draft ? 1 : 0,
    created_by_staff_id: staff.id,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  }));
  return writeTransaction(db, async (trx) => {
    // A double-clicked submit: the same staff member saved the same activity a moment ago.
    const twin = await trx
      .selectFrom("activities")
      .select(["id", "series_id", "draft"])
      .where("created_by_staff_id", "=", staff.id)
      .where("title", "=", input.title)
      .where("starts_at", "=", first.startsAt)
      .where("created_at", ">", new Date(now.getTime() - DOUBLE_SUBMIT_MS).toISOString())
      .where((eb) => (where.groupId === null ? eb("group_id", "is", null) : eb("group_id", "=", where.groupId)))
      .executeTakeFirst();
    if (twin) return { ok: true, ids: [twin.id], seriesId: twin.series_id, duplicate: true, draft: twin.draft === 1 };
    await trx.insertInto("activities").values(rows).execute();
    await recordAudit(
      trx,
      {
        actorStaffId: staff.id,
        action: draft ? "activity.draft" : "activity.create",
        objectType: "activity",
        objectId: rows[0]!.id,
        chapterId: where.chapterId,
        details: {
          chapterId: where.chapterId,
          groupId: where.groupId,
          occurrences: rows.length,
          skipped: planned.length - rows.length,
          seriesId,
          title: input.title,
          startsAt: first.startsAt,
          pastConfirmed: choices.pastConfirmed === true && Date.parse(first.startsAt) < now.getTime(),
        },
      },
      now,
    );
    return { ok: true, ids: rows.map((r) => r.id), seriesId, duplicate: false, draft };
  });
}

export type ActivityWriteResult =
  | { ok: true; sequence: number; promotedMemberIds: string[] }
  | { ok: false; error: "notFound" }
  /** `currentSequence`: saving again with it is a deliberate choice to overwrite */
  | { ok: false; error: "changedSinceOpened"; currentSequence: number };

export type OccurrenceChange = ActivityContent & ActivityTimes & { activityId: string; expectedSequence: number };

/**
 * Changes one occurrence inside the caller's transaction, if nobody else saved since the form was
 * opened (`expectedSequence`), and writes its audit row. Answers stay on the same row, so they
 * survive every edit. A larger capacity promotes from the waitlist; a smaller one keeps everyone
 * going (nobody loses a place they were given) and only stops new ones (decision 032).
 */
export async function changeOccurrence(
  trx: Kysely<Database>,
  staff: StaffActor,
  input: OccurrenceChange,
  now: Date,
  { scope = "this" }: { scope?: EditScope } = {},
): Promise<ActivityWriteResult> {
  const only = chapterFilter(staff);
  const before = await trx
    .selectFrom("activities")
    .select(["capacity", "title", "starts_at", "ends_at", "area", "address", "chapter_id"])
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
      chapterId: before.chapter_id,
      details: {
        sequence: result.sequence,
        scope,
        // Staff text and times only (never member text), so the log can say what changed.
        title: input.title,
        ...changedFields(before, input),
        startsAtBefore: before.starts_at,
        startsAtAfter: input.startsAt,
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
}

/** Before and after of the fields the audit log names, for those that changed (e.g. areaBefore/After). */
function changedFields(
  before: { title: string; starts_at: string; ends_at: string; area: string },
  after: { title: string; startsAt: string; endsAt: string; area: string },
): Record<string, string> {
  const changed: Record<string, string> = {};
  if (before.title !== after.title) Object.assign(changed, { titleBefore: before.title });
  if (before.ends_at !== after.endsAt)
    Object.assign(changed, { endsAtBefore: before.ends_at, endsAtAfter: after.endsAt });
  if (before.area !== after.area) Object.assign(changed, { areaBefore: before.area, areaAfter: after.area });
  return changed;
}

/** Saves an edit of one activity (see `changeOccurrence`) in its own transaction. */
export function updateActivity(
  db: AppDatabase,
  staff: StaffActor,
  input: OccurrenceChange,
  now = new Date(),
): Promise<ActivityWriteResult> {
  return writeTransaction(db, (trx) => changeOccurrence(trx, staff, input, now));
}

/** Thrown inside a series transaction to undo what it wrote so far; caught by the same function. */
class SeriesRollback extends Error {
  constructor(readonly result: SeriesWriteResult) {
    super("series change rolled back");
  }
}

async function inSeriesTransaction(
  db: AppDatabase,
  work: (trx: Kysely<Database>) => Promise<SeriesWriteResult>,
): Promise<SeriesWriteResult> {
  try {
    return await writeTransaction(db, work);
  } catch (error) {
    if (error instanceof SeriesRollback) return error.result;
    throw error;
  }
}

export type SeriesWriteResult =
  | { ok: true; changedIds: string[]; sequence: number }
  | { ok: false; error: "notFound" }
  | { ok: false; error: "invalid"; errors: FieldErrors }
  | { ok: false; error: "changedSinceOpened"; currentSequence: number };

/** An occurrence of a series as the series panel shows it. */
export interface SeriesOccurrence {
  id: string;
  startsAt: string;
  status: "scheduled" | "cancelled";
  sequence: number;
  draft: boolean;
  goingCount: number;
  waitlistCount: number;
}

/** Every occurrence of the activity's series, in date order (just the activity when it is alone). */
export async function listSeriesOccurrences(
  db: AppDatabase,
  scope: StaffScope,
  { activityId }: { activityId: string },
): Promise<SeriesOccurrence[]> {
  const rows = await db
    .selectFrom("activities")
    .where(activityInScope(scope))
    .where((eb) =>
      eb.or([
        eb("activities.id", "=", activityId),
        eb(
          "activities.series_id",
          "=",
          eb.selectFrom("activities as edited").select("edited.series_id").where("edited.id", "=", activityId),
        ),
      ]),
    )
    .select((eb) => [
      "activities.id",
      "activities.starts_at",
      "activities.status",
      "activities.sequence",
      "activities.draft",
      countByStatus(eb, "going").as("going_count"),
      countByStatus(eb, "waitlisted").as("waitlist_count"),
    ])
    .orderBy("activities.starts_at")
    .orderBy("activities.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.starts_at,
    status: r.status,
    sequence: r.sequence,
    draft: r.draft === 1,
    goingCount: Number(r.going_count ?? 0),
    waitlistCount: Number(r.waitlist_count ?? 0),
  }));
}

/**
 * The occurrences a series edit reaches: this one; this and the later ones; or every one that
 * has not ended. Cancelled occurrences stay as they were, and so do ended ones (they are history).
 */
function reachedOccurrences<T extends { id: string; starts_at: string; ends_at: string; status: string }>(
  all: T[],
  edited: T,
  scope: EditScope,
  now: Date,
): T[] {
  if (scope === "this") return [edited];
  return all.filter(
    (o) =>
      o.id === edited.id ||
      (o.status === "scheduled" &&
        Date.parse(o.ends_at) > now.getTime() &&
        (scope === "all" || o.starts_at >= edited.starts_at)),
  );
}

export interface SeriesEdit extends ActivityContent {
  activityId: string;
  scope: EditScope;
  /** the Oslo wall-clock fields as typed for the edited occurrence */
  times: TimeFields;
  /** the sequence each occurrence had when the form was opened, by id */
  expectedSequences: Record<string, number>;
  pastConfirmed?: boolean;
}

/**
 * Edits one occurrence, the following ones, or the whole series, in one transaction. The typed
 * times are Oslo wall-clock times: every reached occurrence moves by the same number of days as
 * the edited one and takes the same clock times, so an 18:00 series stays 18:00 across a change
 * to or from summer time (its UTC instant moves). Each occurrence is changed by
 * `changeOccurrence`, conditional on the sequence it had when the form was opened: if any was
 * changed by someone else, nothing is saved.
 */
export async function updateSeries(
  db: AppDatabase,
  staff: StaffActor,
  input: SeriesEdit,
  now = new Date(),
): Promise<SeriesWriteResult> {
  const edited = await findActivityForEditing(db, staff, { activityId: input.activityId });
  if (!edited) return { ok: false, error: "notFound" };
  const own = resolveActivityTimes(input.times);
  if (!own.ok) return { ok: false, error: "invalid", errors: own.errors };
  if (
    own.times.startsAt !== edited.starts_at &&
    isPastStartRefused(own.times.startsAt, now, input.pastConfirmed === true)
  )
    return { ok: false, error: "invalid", errors: { startDate: "staffSeries.startInPast" } };
  return inSeriesTransaction(db, async (trx) => {
    const only = chapterFilter(staff);
    const all =
      edited.series_id === null
        ? [edited]
        : await trx
            .selectFrom("activities")
            .select(["id", "starts_at", "ends_at", "status", "sequence"])
            .where("series_id", "=", edited.series_id)
            .$if(only !== null, (q) => q.where("chapter_id", "in", only!))
            .orderBy("starts_at")
            .execute();
    const editedNow = all.find((o) => o.id === edited.id) ?? edited;
    const reached = reachedOccurrences(all, editedNow, edited.series_id === null ? "this" : input.scope, now);
    const editedDay = formatOsloDateInput(editedNow.starts_at);
    const changes: OccurrenceChange[] = [];
    for (const occurrence of reached) {
      const shift = daysBetweenDateInputs(editedDay, formatOsloDateInput(occurrence.starts_at));
      const times =
        occurrence.id === edited.id
          ? own
          : resolveActivityTimes(
              {
                ...input.times,
                startFold: input.times.startFold ?? "earlier",
                endFold: input.times.endFold ?? "earlier",
                deadlineFold: input.times.deadlineFold ?? "earlier",
              },
              shift,
            );
      if (!times.ok) return { ok: false, error: "invalid", errors: { startTime: "staff.occurrenceTimeInvalid" } };
      const expectedSequence = input.expectedSequences[occurrence.id];
      if (expectedSequence === undefined)
        return { ok: false, error: "changedSinceOpened", currentSequence: editedNow.sequence };
      changes.push({ ...input, ...times.times, activityId: occurrence.id, expectedSequence });
    }
    let sequence = editedNow.sequence;
    for (const change of changes) {
      const result = await changeOccurrence(trx, staff, change, now, { scope: input.scope });
      if (!result.ok) {
        throw new SeriesRollback(
          result.error === "notFound"
            ? result
            : { ok: false, error: "changedSinceOpened", currentSequence: editedNow.sequence },
        );
      }
      if (change.activityId === edited.id) sequence = result.sequence;
    }
    return { ok: true, changedIds: changes.map((c) => c.activityId), sequence };
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
 * Cancels one occurrence inside the caller's transaction, with staff's reason (plain words, shown
 * to members; a series' skipped or cancelled-rest dates may have none). Answers stay, so members
 * can be told; every answer is also kept as it is, so an undo within a day can restore them. Those
 * going, offered and waitlisted get a notice, and the audit row is written, in the same transaction.
 */
export async function cancelOccurrence(
  trx: Kysely<Database>,
  staff: StaffActor,
  input: { activityId: string; expectedSequence: number; reason?: string },
  now: Date,
  { action = "activity.cancel" }: { action?: string } = {},
): Promise<ActivityWriteResult> {
  const only = chapterFilter(staff);
  const result = await trx
    .updateTable("activities")
    .set((eb) => ({
      status: "cancelled" as const,
      cancelled_at: now.toISOString(),
      cancel_reason: input.reason ?? null,
      sequence: eb("sequence", "+", 1),
      updated_at: now.toISOString(),
    }))
    .where("id", "=", input.activityId)
    .where("sequence", "=", input.expectedSequence)
    .where("status", "=", "scheduled")
    .$if(only !== null, (q) => q.where("chapter_id", "in", only!))
    .returning(["sequence", "title", "starts_at", "chapter_id"])
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
      action,
      objectType: "activity",
      objectId: input.activityId,
      chapterId: result.chapter_id,
      details: {
        sequence: result.sequence,
        title: result.title,
        startsAt: result.starts_at,
        told,
        reasonLength: input.reason?.length ?? 0,
      },
    },
    now,
  );
  return { ok: true, sequence: result.sequence, promotedMemberIds: [] };
}

/** Cancels one occurrence with staff's reason (see `cancelOccurrence`) in its own transaction. */
export function cancelActivity(
  db: AppDatabase,
  staff: StaffActor,
  input: { activityId: string; expectedSequence: number; reason: string },
  now = new Date(),
): Promise<ActivityWriteResult> {
  return writeTransaction(db, (trx) => cancelOccurrence(trx, staff, input, now));
}

/**
 * Cancels this occurrence and every later scheduled one of its series, in one transaction, with
 * one reason for all. Each is cancelled by `cancelOccurrence` (answers kept, members told with the
 * reason), conditional on its sequence; they share one cancelled-at time, so they can be undone
 * together (`undoCancelledTogether`).
 */
export async function cancelRestOfSeries(
  db: AppDatabase,
  staff: StaffActor,
  input: { activityId: string; expectedSequences: Record<string, number>; reason: string },
  now = new Date(),
): Promise<SeriesWriteResult> {
  const edited = await findActivityForEditing(db, staff, { activityId: input.activityId });
  if (!edited) return { ok: false, error: "notFound" };
  const occurrences = await listSeriesOccurrences(db, staff, { activityId: input.activityId });
  const rest = occurrences.filter(
    (o) => o.status === "scheduled" && o.startsAt >= edited.starts_at && !hasStarted(o.startsAt, now),
  );
  return inSeriesTransaction(db, async (trx) => {
    for (const occurrence of rest) {
      const expectedSequence = input.expectedSequences[occurrence.id] ?? -1;
      const result = await cancelOccurrence(
        trx,
        staff,
        { activityId: occurrence.id, expectedSequence, reason: input.reason },
        now,
        { action: "activity.cancelRest" },
      );
      if (!result.ok)
        throw new SeriesRollback(
          result.error === "notFound" ? result : { ok: false, error: "changedSinceOpened", currentSequence: 0 },
        );
    }
    return { ok: true, changedIds: rest.map((o) => o.id), sequence: edited.sequence };
  });
}

/**
 * Leaves single dates out of a series. A date nobody has answered is removed; one with answers is
 * cancelled instead (through `cancelOccurrence`), so those who said they would come are told and
 * their answers are not silently deleted. Telling them needs staff's reason, as it does
 * everywhere: without one, nothing is skipped and the reason field says why. A date that has
 * started or has someone checked in is left alone (decision 029).
 */
export async function skipOccurrences(
  db: AppDatabase,
  staff: StaffActor,
  input: { activityId: string; skipIds: string[]; expectedSequences: Record<string, number>; reason?: string },
  now = new Date(),
): Promise<SeriesWriteResult & { removed?: number; cancelled?: number }> {
  const occurrences = await listSeriesOccurrences(db, staff, { activityId: input.activityId });
  if (occurrences.length === 0) return { ok: false, error: "notFound" };
  // A date that has started is not skipped: it happened (or is happening), and its check-ins count.
  const chosen = occurrences.filter(
    (o) => input.skipIds.includes(o.id) && o.status === "scheduled" && !hasStarted(o.startsAt, now),
  );
  let cancelledCount = 0;
  let removedCount = 0;
  const result = await inSeriesTransaction(db, async (trx) => {
    cancelledCount = 0;
    removedCount = 0;
    for (const occurrence of chosen) {
      const expectedSequence = input.expectedSequences[occurrence.id] ?? -1;
      const facts = await skipFacts(trx, occurrence.id);
      // Someone was checked in (the door opened early): it is happening, so it is left alone.
      if (facts.attended) continue;
      if (facts.answers > 0) {
        // Those going, offered or waitlisted are told it is cancelled, so they need staff's reason;
        // a date only "not going" answered is cancelled without one (nobody to tell), which keeps
        // their notes and staff's replies instead of deleting them with the date.
        if (facts.concerned > 0 && !input.reason)
          throw new SeriesRollback({
            ok: false,
            error: "invalid",
            errors: { skipReason: "staffSeries.skipReasonRequired" },
          });
        const cancelled = await cancelOccurrence(
          trx,
          staff,
          { activityId: occurrence.id, expectedSequence, reason: facts.concerned > 0 ? input.reason : undefined },
          now,
          { action: "activity.skip" },
        );
        if (!cancelled.ok) throw new SeriesRollback({ ok: false, error: "changedSinceOpened", currentSequence: 0 });
        cancelledCount++;
        continue;
      }
      // Read before it goes, so the log can still name it.
      const named = await trx
        .selectFrom("activities")
        .select(["title", "chapter_id"])
        .where("id", "=", occurrence.id)
        .executeTakeFirst();
      const deleted = await trx
        .deleteFrom("activities")
        .where("id", "=", occurrence.id)
        .where("sequence", "=", expectedSequence)
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) !== 1)
        throw new SeriesRollback({ ok: false, error: "changedSinceOpened", currentSequence: 0 });
      await recordAudit(
        trx,
        {
          actorStaffId: staff.id,
          action: "activity.skip",
          objectType: "activity",
          objectId: occurrence.id,
          chapterId: named?.chapter_id ?? null,
          details: { removed: true, startsAt: occurrence.startsAt, title: named?.title ?? null },
        },
        now,
      );
      removedCount++;
    }
    return { ok: true, changedIds: chosen.map((o) => o.id), sequence: 0 };
  });
  if (!result.ok) return result;
  return { ...result, removed: removedCount, cancelled: cancelledCount };
}

/** What skipping one date must know: its answers, those who would be told, and any check-in. */
async function skipFacts(trx: Kysely<Database>, activityId: string) {
  const answers = await trx
    .selectFrom("rsvps")
    .select((eb) => [
      eb.fn.countAll<number>().as("all"),
      eb.fn.sum<number>(eb.case().when("status", "in", ["going", "waitlisted"]).then(1).else(0).end()).as("told"),
    ])
    .where("activity_id", "=", activityId)
    .executeTakeFirstOrThrow();
  const checkedIn = await trx
    .selectFrom("check_ins")
    .select("activity_id")
    .where("activity_id", "=", activityId)
    .limit(1)
    .executeTakeFirst();
  const counted = await trx
    .selectFrom("walk_in_counts")
    .select("activity_id")
    .where("activity_id", "=", activityId)
    .where("count", ">", 0)
    .union(
      trx
        .selectFrom("anonymous_attendance")
        .select("activity_id")
        .where("activity_id", "=", activityId)
        .where("came_count", ">", 0),
    )
    .executeTakeFirst();
  return {
    answers: Number(answers.all),
    concerned: Number(answers.told ?? 0),
    attended: checkedIn !== undefined || counted !== undefined,
  };
}

/** Has an occurrence starting at `startsAt` begun by `now`? */
export function hasStarted(startsAt: string, now: Date = new Date()): boolean {
  return Date.parse(startsAt) <= now.getTime();
}

export type CopyResult =
  { ok: true; id: string } | { ok: false; error: "notFound" } | { ok: false; error: "invalid"; errors: FieldErrors };

/**
 * A copy of one activity on another day (next week, or a chosen date): the same Oslo clock times,
 * the same place and text; a new single activity with no answers, never in the old series. A day
 * that does not move the activity is refused: a copy must not keep the old date by accident.
 */
export async function copyActivity(
  db: AppDatabase,
  staff: StaffActor,
  input: { activityId: string; toDate: string | "nextWeek"; draft?: boolean; pastConfirmed?: boolean },
  now = new Date(),
): Promise<CopyResult> {
  const original = await findActivityForEditing(db, staff, { activityId: input.activityId });
  if (!original) return { ok: false, error: "notFound" };
  const fromDay = formatOsloDateInput(original.starts_at);
  const toDay = input.toDate === "nextWeek" ? addDaysToDateInput(fromDay, 7) : input.toDate;
  // A date typed in the form: an empty or impossible one (2026-02-31) is a field error, not a throw.
  if (!parseDateInput(toDay)) return { ok: false, error: "invalid", errors: { copyDate: "staff.invalidDate" } };
  const shift = daysBetweenDateInputs(fromDay, toDay);
  if (shift === 0) return { ok: false, error: "invalid", errors: { copyDate: "staffSeries.copySameDate" } };
  const values = activityToFormValues(original);
  const times = resolveActivityTimes(
    {
      startDate: values.startDate!,
      startTime: values.startTime!,
      startFold: "earlier",
      endDate: values.endDate!,
      endTime: values.endTime!,
      endFold: "earlier",
      deadlineDate: values.deadlineDate ?? "",
      deadlineTime: values.deadlineTime ?? "",
      deadlineFold: "earlier",
    },
    shift,
  );
  if (!times.ok) return { ok: false, error: "invalid", errors: { copyDate: "staff.occurrenceTimeInvalid" } };
  if (isPastStartRefused(times.times.startsAt, now, input.pastConfirmed === true))
    return { ok: false, error: "invalid", errors: { copyDate: "staffSeries.startInPast" } };
  const id = newId();
  await writeTransaction(db, async (trx) => {
    await trx
      .insertInto("activities")
      .values({
        id,
        chapter_id: original.chapter_id,
        group_id: original.group_id,
        series_id: null,
        title: original.title,
        description: original.description,
        starts_at: times.times.startsAt,
        ends_at: times.times.endsAt,
        area: original.area,
        address: original.address,
        capacity: original.capacity,
        rsvp_deadline: times.times.rsvpDeadline,
        languages: original.languages,
        interpreter_available: original.interpreter_available,
        status: "scheduled",
        cancelled_at: null,
        sequence: 0,
        draft: input.draft ? 1 : 0,
        created_by_staff_id: staff.id,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    await recordAudit(
      trx,
      {
        actorStaffId: staff.id,
        action: "activity.copy",
        objectType: "activity",
        objectId: id,
        chapterId: original.chapter_id,
        details: {
          from: original.id,
          days: shift,
          draft: input.draft === true,
          title: original.title,
          startsAtBefore: original.starts_at,
          startsAt: times.times.startsAt,
        },
      },
      now,
    );
  });
  return { ok: true, id };
}

/**
 * Publishes a draft (and, with `wholeSeries`, every draft occurrence of its series): from now on
 * members of its group see it, and it reaches their feeds. Audited; conditional on the sequence.
 */
export async function publishDraft(
  db: AppDatabase,
  staff: StaffActor,
  input: { activityId: string; expectedSequence: number; wholeSeries?: boolean },
  now = new Date(),
): Promise<SeriesWriteResult> {
  const edited = await findActivityForEditing(db, staff, { activityId: input.activityId });
  if (!edited) return { ok: false, error: "notFound" };
  const only = chapterFilter(staff);
  return inSeriesTransaction(db, async (trx) => {
    const own = await trx
      .updateTable("activities")
      .set((eb) => ({ draft: 0, sequence: eb("sequence", "+", 1), updated_at: now.toISOString() }))
      .where("id", "=", edited.id)
      .where("sequence", "=", input.expectedSequence)
      .where("draft", "=", 1)
      .$if(only !== null, (q) => q.where("chapter_id", "in", only!))
      .returning("sequence")
      .executeTakeFirst();
    if (!own) return { ok: false, error: "changedSinceOpened", currentSequence: edited.sequence };
    const others =
      input.wholeSeries && edited.series_id !== null
        ? await trx
            .updateTable("activities")
            .set((eb) => ({ draft: 0, sequence: eb("sequence", "+", 1), updated_at: now.toISOString() }))
            .where("series_id", "=", edited.series_id)
            .where("draft", "=", 1)
            .$if(only !== null, (q) => q.where("chapter_id", "in", only!))
            .returning("id")
            .execute()
        : [];
    await recordAudit(
      trx,
      {
        actorStaffId: staff.id,
        action: "activity.publish",
        objectType: "activity",
        objectId: edited.id,
        chapterId: edited.chapter_id,
        details: {
          occurrences: 1 + others.length,
          seriesId: edited.series_id,
          title: edited.title,
          startsAt: edited.starts_at,
        },
      },
      now,
    );
    return { ok: true, changedIds: [edited.id, ...others.map((o) => o.id)], sequence: own.sequence };
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
  return writeTransaction(db, (trx) => restoreOccurrence(trx, staff, input, now));
}

/**
 * The dates of this activity's series that were cancelled in the same step as it (the rest of a
 * series, or skipped dates with answers, share one cancelled-at time) and can still be undone,
 * this one included; empty when this one cannot be undone.
 */
export async function listCancelledTogether(
  db: AppDatabase,
  scope: StaffScope,
  { activityId }: { activityId: string },
  now = new Date(),
): Promise<string[]> {
  const own = await db
    .selectFrom("activities")
    .innerJoin("cancellation_snapshots", "cancellation_snapshots.activity_id", "activities.id")
    .select(["activities.series_id", "activities.starts_at", "cancellation_snapshots.cancelled_at"])
    .where("activities.id", "=", activityId)
    .where("activities.status", "=", "cancelled")
    .where(activityInScope(scope))
    .executeTakeFirst();
  if (!own || !canUndoCancellation({ cancelledAt: own.cancelled_at, startsAt: own.starts_at }, now)) return [];
  if (own.series_id === null) return [activityId];
  const rows = await db
    .selectFrom("activities")
    .innerJoin("cancellation_snapshots", "cancellation_snapshots.activity_id", "activities.id")
    .select(["activities.id", "activities.starts_at"])
    .where("activities.series_id", "=", own.series_id)
    .where("activities.status", "=", "cancelled")
    .where("cancellation_snapshots.cancelled_at", "=", own.cancelled_at)
    .where(activityInScope(scope))
    .orderBy("activities.starts_at")
    .orderBy("activities.id")
    .execute();
  return rows
    .filter((r) => canUndoCancellation({ cancelledAt: own.cancelled_at, startsAt: r.starts_at }, now))
    .map((r) => r.id);
}

/**
 * Undoes, in one transaction, this cancellation and every other date of the series cancelled in
 * the same step that can still be undone (see `listCancelledTogether`); each is restored exactly
 * as `undoCancellation` restores one, and everyone concerned is told. The dates are taken in
 * start order, so two undos at once wait for each other instead of deadlocking.
 */
export async function undoCancelledTogether(
  db: AppDatabase,
  staff: StaffActor,
  input: { activityId: string },
  now = new Date(),
): Promise<{ ok: true; restored: number } | { ok: false; error: "notFound" | "changedSinceOpened" | "tooLate" }> {
  return writeTransaction(db, async (trx) => {
    const ids = await listCancelledTogether(trx, staff, input, now);
    // Nothing to undo together: the single undo says why (too late, not found, changed).
    if (ids.length === 0) {
      const alone = await restoreOccurrence(trx, staff, input, now);
      return alone.ok ? { ok: true as const, restored: 1 } : { ok: false as const, error: alone.error };
    }
    let restored = 0;
    for (const id of ids) {
      // A date someone else put back meanwhile is left as they left it (nothing of it is written
      // before its conditional update succeeds); the others still come back.
      if ((await restoreOccurrence(trx, staff, { activityId: id }, now)).ok) restored++;
    }
    return restored > 0
      ? { ok: true as const, restored }
      : { ok: false as const, error: "changedSinceOpened" as const };
  });
}

/** Restores one cancelled occurrence inside the caller's transaction (see `undoCancellation`). */
async function restoreOccurrence(
  trx: Kysely<Database>,
  staff: StaffActor,
  input: { activityId: string },
  now: Date,
): Promise<ActivityWriteResult | { ok: false; error: "tooLate" }> {
  const only = chapterFilter(staff);
  const found = await trx
    .selectFrom("activities")
    .innerJoin("cancellation_snapshots", "cancellation_snapshots.activity_id", "activities.id")
    .select([
      "activities.starts_at",
      "activities.rsvp_deadline",
      "activities.chapter_id",
      "activities.title",
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
      chapterId: found.chapter_id,
      details: { sequence: result.sequence, told, title: found.title, startsAt: found.starts_at },
    },
    now,
  );
  return { ok: true, sequence: result.sequence, promotedMemberIds: [] };
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
