// Notices: messages to one member inside the app. Workflows call addNotice inside their own
// transaction, so a change and the notices about it land together or not at all. A notice stores
// its kind, the activity it is about and a few ids and times (params); every word a member reads
// comes from the catalogs when the page is shown, so no member text is ever stored here.
// Every notice also queues a push to her devices in the same transaction (neutral unless a device
// chose details; notices made for her in one step share one push); the push feature sends it, so
// a slow push service never slows a page.
import type { AppDatabase } from "../../../db/connection";
import type { NoticeKind } from "../../../db/schema";
import { enqueuePush } from "~/features/push/push-job.server";
import { newId } from "~/platform/ids.server";

/** Ids, ISO times and enums only. Never text a member typed. */
export type NoticeParams = Record<string, string | number | boolean | null | string[]>;

export interface NewNotice {
  memberId: string;
  kind: NoticeKind;
  activityId: string | null;
  params?: NoticeParams;
  /** when its push may go; later than now only to hold a reminder back for quiet hours */
  pushAt?: Date;
}

/** Adds one notice. Pass the workflow's transaction. Returns the notice id. */
export async function addNotice(
  trx: AppDatabase,
  { memberId, kind, activityId, params = {}, pushAt }: NewNotice,
  now: Date = new Date(),
): Promise<string> {
  const id = newId();
  await trx
    .insertInto("notices")
    .values({
      id,
      member_id: memberId,
      kind,
      activity_id: activityId,
      params: JSON.stringify(params),
      created_at: now.toISOString(),
      read_at: null,
    })
    .execute();
  await enqueuePush(trx, { memberId, noticeId: id, runAt: pushAt }, now);
  return id;
}

/** The same notice to several members (one insert), each with her own push. */
export async function addNoticeToMembers(
  trx: AppDatabase,
  {
    memberIds,
    kind,
    activityId,
    params = {},
  }: Omit<NewNotice, "memberId" | "pushAt"> & { memberIds: readonly string[] },
  now: Date = new Date(),
): Promise<void> {
  if (memberIds.length === 0) return;
  const rows = memberIds.map((memberId) => ({
    id: newId(),
    member_id: memberId,
    kind,
    activity_id: activityId,
    params: JSON.stringify(params),
    created_at: now.toISOString(),
    read_at: null,
  }));
  await trx.insertInto("notices").values(rows).execute();
  for (const row of rows) await enqueuePush(trx, { memberId: row.member_id, noticeId: row.id }, now);
}

/** How many unread notices the member has: one indexed count, cheap enough for every page. */
export async function countUnreadNotices(db: AppDatabase, { memberId }: { memberId: string }): Promise<number> {
  const row = await db
    .selectFrom("notices")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("member_id", "=", memberId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Reads params back; anything unreadable is treated as empty. */
export function parseNoticeParams(json: string): NoticeParams {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as NoticeParams) : {};
  } catch {
    return {};
  }
}
