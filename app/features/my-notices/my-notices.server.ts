// A member's notices page: her notices newest first, each with what it is about, as far as she
// may still see it (the same visibility rule as every member view). Above both notices and
// activities: it reads the notices and asks activities what she may see.
import { z } from "zod";
import type { AppDatabase } from "../../../db/connection";
import type { NoticeKind } from "../../../db/schema";
import { writeTransaction } from "../../../db/transaction";
import { activitiesSeenByMember, type MemberScope } from "~/features/activities/member-activities.server";
import { parseNoticeParams } from "~/features/notices/notices.server";
import { findMessageBodies } from "~/features/staff-messages/staff-messages.server";

/** The page shows at most this many; retention removes old ones long before most members reach it. */
export const NOTICES_SHOWN = 200;

export interface NoticeItem {
  id: string;
  kind: NoticeKind;
  /** "changed" only: what changed */
  changed: { time: boolean; place: boolean };
  createdAt: string;
  read: boolean;
  /** what it is about, or null when she can no longer see it (or it is about no activity) */
  activity: { id: string; title: string; startsAt: string; cancelReason: string | null } | null;
  /** "offered" only: until when she may answer */
  offerUntil: string | null;
  /** "offered" only: the place is held for her right now, so she can still take it or pass it on */
  offerOpen: boolean;
  /** "staff_message" only: what staff wrote, while she may still see the activity */
  message: string | null;
}

/** Her notices, newest first. Three queries at most, however many notices. */
export async function listNoticesForMember(
  db: AppDatabase,
  member: MemberScope,
  now: Date = new Date(),
): Promise<NoticeItem[]> {
  const rows = await db
    .selectFrom("notices")
    .select(["id", "kind", "activity_id", "params", "created_at", "read_at"])
    .where("member_id", "=", member.id)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(NOTICES_SHOWN)
    .execute();
  const activityIds = [...new Set(rows.flatMap((r) => (r.activity_id ? [r.activity_id] : [])))];
  const visible =
    activityIds.length === 0
      ? []
      : await activitiesSeenByMember(db, member.id, member.chapterId)
          .where("activities.id", "in", activityIds)
          .select((eb) => [
            "activities.id",
            "activities.title",
            "activities.starts_at",
            "activities.status",
            "activities.cancel_reason",
            // Her offer on it as it stands now (taken, passed on or run out: none).
            eb
              .selectFrom("rsvps")
              .select("rsvps.offer_expires_at")
              .whereRef("rsvps.activity_id", "=", "activities.id")
              .where("rsvps.member_id", "=", member.id)
              .where("rsvps.status", "=", "waitlisted")
              .as("my_offer_expires_at"),
          ])
          .execute();
  const byId = new Map(visible.map((a) => [a.id, a]));
  const messageIdOf = (kind: NoticeKind, params: Record<string, unknown>) =>
    kind === "staff_message" && typeof params.messageId === "string" ? params.messageId : null;
  const messageIds = rows.flatMap((r) => messageIdOf(r.kind, parseNoticeParams(r.params)) ?? []);
  const bodies = await findMessageBodies(db, { messageIds, activityIds: [...byId.keys()] });
  return rows.map((row) => {
    const params = parseNoticeParams(row.params);
    const messageId = messageIdOf(row.kind, params);
    const changed = Array.isArray(params.changed) ? params.changed : [];
    const activity = row.activity_id ? byId.get(row.activity_id) : undefined;
    return {
      id: row.id,
      kind: row.kind,
      changed: { time: changed.includes("time"), place: changed.includes("place") },
      createdAt: row.created_at,
      read: row.read_at !== null,
      activity: activity
        ? {
            id: activity.id,
            title: activity.title,
            startsAt: activity.starts_at,
            cancelReason: row.kind === "cancelled" ? activity.cancel_reason : null,
          }
        : null,
      offerUntil: row.kind === "offered" && typeof params.expiresAt === "string" ? params.expiresAt : null,
      offerOpen:
        row.kind === "offered" &&
        activity?.status === "scheduled" &&
        typeof activity.my_offer_expires_at === "string" &&
        Date.parse(activity.my_offer_expires_at) > now.getTime(),
      message: activity && messageId ? (bodies.get(messageId) ?? null) : null,
    };
  });
}

const noticeChangeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), noticeId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("delete"), noticeId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("readAll") }),
]);

export type NoticeChangeResult = { ok: true; done: "read" | "delete" | "readAll" } | { ok: false };

/**
 * Marks one notice read, all read, or deletes one, from the page's form. Every change is scoped to
 * her own notices in the query itself, so another member's id changes nothing.
 */
export async function changeOwnNotices(
  db: AppDatabase,
  member: { id: string },
  form: FormData,
  now: Date = new Date(),
): Promise<NoticeChangeResult> {
  const parsed = noticeChangeSchema.safeParse({
    intent: form.get("intent"),
    noticeId: form.get("noticeId") ?? undefined,
  });
  if (!parsed.success) return { ok: false };
  const input = parsed.data;
  return writeTransaction(db, async (trx) => {
    if (input.intent === "delete") {
      await trx.deleteFrom("notices").where("id", "=", input.noticeId).where("member_id", "=", member.id).execute();
    } else {
      await trx
        .updateTable("notices")
        .set({ read_at: now.toISOString() })
        .where("member_id", "=", member.id)
        .where("read_at", "is", null)
        .$if(input.intent === "read", (q) => q.where("id", "=", (input as { noticeId: string }).noticeId))
        .execute();
    }
    return { ok: true, done: input.intent };
  });
}
