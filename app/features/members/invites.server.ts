// Invites: single-use codes handed over in person. Only hashes are stored.
import type { AppDatabase } from "../../../db/connection";
import { hashSecret, normalizeReadableCode, randomReadableCode } from "~/platform/secrets.server";
import { newId } from "~/platform/ids.server";

/** 7 groups of 4 Crockford characters = 140 bits. */
export const INVITE_CODE_GROUPS = 7;

export function inviteCodeHash(code: string): string {
  return hashSecret(normalizeReadableCode(code));
}

export interface NewInvites {
  chapterId: string;
  groupIds: string[];
  expiresAt: Date;
  count: number;
  createdByStaffId: string | null;
}

/** Makes `count` codes; returns them in plain text exactly once (for the printable slips). */
export async function createInvites(db: AppDatabase, input: NewInvites, now = new Date()) {
  const codes = Array.from({ length: input.count }, () => randomReadableCode(INVITE_CODE_GROUPS));
  const created = codes.map((code) => ({ id: newId(), code }));
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("invites")
      .values(
        created.map(({ id, code }) => ({
          id,
          code_hash: inviteCodeHash(code),
          chapter_id: input.chapterId,
          created_by_staff_id: input.createdByStaffId,
          expires_at: input.expiresAt.toISOString(),
          revoked_at: null,
          used_at: null,
          created_at: now.toISOString(),
        })),
      )
      .execute();
    if (input.groupIds.length > 0) {
      await trx
        .insertInto("invite_groups")
        .values(created.flatMap(({ id }) => input.groupIds.map((groupId) => ({ invite_id: id, group_id: groupId }))))
        .execute();
    }
  });
  return created;
}

/**
 * Marks the invite used if it is still usable, in one conditional UPDATE: of any number of
 * parallel redemptions exactly one changes a row. Run it inside the transaction that creates
 * the member, so a failure after it (say, the pseudonym is taken) leaves the invite unused.
 */
export async function redeemInvite(trx: AppDatabase, code: string, now = new Date()) {
  const result = await trx
    .updateTable("invites")
    .set({ used_at: now.toISOString() })
    .where("code_hash", "=", inviteCodeHash(code))
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .returning(["id", "chapter_id"])
    .executeTakeFirst();
  if (!result) return undefined;
  const groups = await trx
    .selectFrom("invite_groups")
    .select("group_id")
    .where("invite_id", "=", result.id)
    .execute();
  return { inviteId: result.id, chapterId: result.chapter_id, groupIds: groups.map((g) => g.group_id) };
}

export async function revokeInvite(db: AppDatabase, inviteId: string, chapterIds: string[] | "all", now = new Date()) {
  let query = db
    .updateTable("invites")
    .set({ revoked_at: now.toISOString() })
    .where("id", "=", inviteId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null);
  if (chapterIds !== "all") query = query.where("chapter_id", "in", chapterIds.length ? chapterIds : [""]);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function listInvitesForChapter(db: AppDatabase, chapterId: string) {
  return db
    .selectFrom("invites")
    .select(["id", "expires_at", "revoked_at", "used_at", "created_at"])
    .where("chapter_id", "=", chapterId)
    .orderBy("created_at", "desc")
    .limit(500)
    .execute();
}

/** How many of the chapter's invites are unused (still usable), used, revoked and expired. */
export async function countInvitesForChapter(db: AppDatabase, chapterId: string, now = new Date()) {
  const at = now.toISOString();
  const row = await db
    .selectFrom("invites")
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere("used_at", "is not", null).as("used"),
      eb.fn.countAll<number>().filterWhere("used_at", "is", null).filterWhere("revoked_at", "is not", null).as("revoked"),
      eb.fn
        .countAll<number>()
        .filterWhere("used_at", "is", null)
        .filterWhere("revoked_at", "is", null)
        .filterWhere("expires_at", "<=", at)
        .as("expired"),
      eb.fn
        .countAll<number>()
        .filterWhere("used_at", "is", null)
        .filterWhere("revoked_at", "is", null)
        .filterWhere("expires_at", ">", at)
        .as("unused"),
    ])
    .where("chapter_id", "=", chapterId)
    .executeTakeFirstOrThrow();
  return { used: Number(row.used), revoked: Number(row.revoked), expired: Number(row.expired), unused: Number(row.unused) };
}
