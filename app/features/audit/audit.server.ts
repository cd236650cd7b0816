// The audit log: who on the staff did what to which object, and when. Details hold ids, enums and
// numbers only — never secrets and never text a member typed — so the log itself is safe to read.
import type { AppDatabase } from "../../../db/connection";
import { newId } from "~/platform/ids.server";

export type AuditDetails = Record<string, string | number | boolean | null | string[]>;

export interface AuditEvent {
  actorStaffId: string | null;
  /** verb-first, dotted: "activity.create", "member.deactivate", "invite.revoke" */
  action: string;
  objectType: "activity" | "chapter" | "group" | "invite" | "member" | "staff" | "rsvp" | "membership";
  objectId: string | null;
  /** the chapter the object belongs to (null: national), for the log's chapter filter */
  chapterId?: string | null;
  details?: AuditDetails;
}

export async function recordAudit(db: AppDatabase, event: AuditEvent, now = new Date()) {
  await db
    .insertInto("audit_log")
    .values({
      id: newId(),
      at: now.toISOString(),
      actor_staff_id: event.actorStaffId,
      action: event.action,
      object_type: event.objectType,
      object_id: event.objectId,
      chapter_id: event.chapterId ?? null,
      details: event.details ? JSON.stringify(event.details) : null,
    })
    .execute();
}

export const AUDIT_PAGE_SIZE = 100;

/** The kinds the log can be filtered by: the part of the action before the dot. */
export const AUDIT_KINDS = [
  "activity",
  "rsvp",
  "member",
  "invite",
  "group",
  "membership",
  "chapter",
  "staff",
  "calendar_feed",
  "attendance",
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Where a page of the log starts: after the entry with this time and id (newest first). */
export interface AuditCursor {
  at: string;
  id: string;
}

export function auditCursorKey(cursor: AuditCursor): string {
  return `${cursor.at}_${cursor.id}`;
}

/** Reads "<ISO time>_<id>"; anything else is the first page. */
export function parseAuditCursor(value: string | null): AuditCursor | undefined {
  const match =
    value === null ? null : /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([A-Za-z0-9_-]{1,64})$/.exec(value);
  return match ? { at: match[1]!, id: match[2]! } : undefined;
}

export interface AuditFilter {
  after?: AuditCursor;
  actorStaffId?: string | null;
  chapterId?: string | null;
  kind?: AuditKind | null;
  limit?: number;
}

/**
 * Newest first, by (at, id): a page starts strictly after the cursor, so entries with the same
 * time are neither skipped nor repeated, and no page costs more than its own rows (no offsets).
 * Admins only (the route checks).
 */
export function listAuditEntries(
  db: AppDatabase,
  { after, actorStaffId, chapterId, kind, limit = AUDIT_PAGE_SIZE }: AuditFilter = {},
) {
  return db
    .selectFrom("audit_log")
    .leftJoin("staff_users", "staff_users.id", "audit_log.actor_staff_id")
    .leftJoin("chapters", "chapters.id", "audit_log.chapter_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.action",
      "audit_log.object_type",
      "audit_log.object_id",
      "audit_log.details",
      "audit_log.chapter_id",
      "chapters.name as chapter_name",
      "staff_users.display_name as actor_name",
    ])
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb("audit_log.at", "<", after!.at),
          eb.and([eb("audit_log.at", "=", after!.at), eb("audit_log.id", "<", after!.id)]),
        ]),
      ),
    )
    .$if(Boolean(actorStaffId), (q) => q.where("audit_log.actor_staff_id", "=", actorStaffId!))
    .$if(Boolean(chapterId), (q) => q.where("audit_log.chapter_id", "=", chapterId!))
    .$if(Boolean(kind), (q) => q.where("audit_log.action", "like", `${kind}.%`))
    .orderBy("audit_log.at", "desc")
    .orderBy("audit_log.id", "desc")
    .limit(limit)
    .execute();
}

/** Who can be picked in the log's staff filter: everyone who has an account, deactivated ones too. */
export function listAuditActors(db: AppDatabase) {
  return db.selectFrom("staff_users").select(["id", "display_name"]).orderBy("display_name").execute();
}
