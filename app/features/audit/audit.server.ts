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

/** Newest first; `before` (an ISO time) pages further back. Admins only (the route checks). */
export function listAuditEntries(db: AppDatabase, { before }: { before?: string } = {}) {
  return db
    .selectFrom("audit_log")
    .leftJoin("staff_users", "staff_users.id", "audit_log.actor_staff_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.action",
      "audit_log.object_type",
      "audit_log.object_id",
      "audit_log.details",
      "staff_users.display_name as actor_name",
    ])
    .$if(before !== undefined, (q) => q.where("audit_log.at", "<", before!))
    .orderBy("audit_log.at", "desc")
    .orderBy("audit_log.id")
    .limit(AUDIT_PAGE_SIZE)
    .execute();
}
