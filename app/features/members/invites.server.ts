// Invites: single-use codes handed over in person. Only hashes are stored.
import type { AppDatabase } from "../../../db/connection";
import type { Invite } from "../../../db/schema";
import { hashSecret, normalizeReadableCode, randomReadableCode } from "~/platform/secrets.server";
import { writeTransaction } from "../../../db/transaction";
import { newId } from "~/platform/ids.server";
import { recordAudit } from "~/features/audit/audit.server";
import { listGroupsForStaff } from "~/features/groups/groups.server";
import type { StaffActor } from "~/features/staff/staff.server";
import type { Locale } from "~/i18n/config";

const DAY_MS = 24 * 60 * 60 * 1000;

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
  /** the batch the invites belong to (issueInvites makes one); none for seeds and tests */
  batchId?: string | null;
}

/** Makes `count` codes; returns them in plain text exactly once (for the printable slips). */
export async function createInvites(db: AppDatabase, input: NewInvites, now = new Date()) {
  const codes = Array.from({ length: input.count }, () => randomReadableCode(INVITE_CODE_GROUPS));
  const created = codes.map((code) => ({ id: newId(), code }));
  await writeTransaction(db, async (trx) => {
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
          batch_id: input.batchId ?? null,
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
 * Staff make a batch of invites for a chapter they cover (the caller has checked it). Groups must
 * be the chapter's own; other ids are ignored. The batch (its staff label and slip languages), the
 * invites and the audit row are one transaction. The label is staff text and stays off the audit row.
 */
export async function issueInvites(
  db: AppDatabase,
  staff: StaffActor,
  input: {
    chapterId: string;
    groupIds: string[];
    count: number;
    expiresInDays: number;
    label?: string | null;
    languages?: Locale[];
  },
  now = new Date(),
) {
  const languages = input.languages?.length ? input.languages : (["nb"] as Locale[]);
  const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY_MS);
  return writeTransaction(db, async (trx) => {
    const chapterGroups = input.groupIds.length
      ? await trx
          .selectFrom("groups")
          .select("id")
          .where("chapter_id", "=", input.chapterId)
          .where("id", "in", input.groupIds)
          .execute()
      : [];
    const groupIds = input.groupIds.filter((id) => chapterGroups.some((g) => g.id === id));
    const batchId = newId();
    await trx
      .insertInto("invite_batches")
      .values({
        id: batchId,
        chapter_id: input.chapterId,
        label: input.label ?? null,
        languages: languages.join(","),
        created_by_staff_id: staff.id,
        created_at: now.toISOString(),
      })
      .execute();
    const created = await createInvites(
      trx,
      { chapterId: input.chapterId, groupIds, expiresAt, count: input.count, createdByStaffId: staff.id, batchId },
      now,
    );
    await recordAudit(
      trx,
      {
        actorStaffId: staff.id,
        action: "invite.create",
        objectType: "invite",
        objectId: null,
        details: {
          chapterId: input.chapterId,
          count: input.count,
          groupIds,
          expiresInDays: input.expiresInDays,
          languages,
        },
      },
      now,
    );
    return { codes: created.map((c) => c.code), expiresAt, languages };
  });
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
  const groups = await trx.selectFrom("invite_groups").select("group_id").where("invite_id", "=", result.id).execute();
  return { inviteId: result.id, chapterId: result.chapter_id, groupIds: groups.map((g) => g.group_id) };
}

/** Revokes an unused invite of this chapter (the caller has checked the chapter is in scope), audited. */
export async function revokeInvite(
  db: AppDatabase,
  staff: StaffActor,
  { chapterId, inviteId }: { chapterId: string; inviteId: string },
  now = new Date(),
) {
  return writeTransaction(db, async (trx) => {
    const result = await trx
      .updateTable("invites")
      .set({ revoked_at: now.toISOString() })
      .where("id", "=", inviteId)
      .where("chapter_id", "=", chapterId)
      .where("used_at", "is", null)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await recordAudit(
      trx,
      { actorStaffId: staff.id, action: "invite.revoke", objectType: "invite", objectId: inviteId },
      now,
    );
    return true;
  });
}

export type InviteStatus = "used" | "revoked" | "expired" | "unused";

/** One invite as staff see it; a used invite counts as used even once it has expired. */
function inviteStatus(invite: Pick<Invite, "used_at" | "revoked_at" | "expires_at">, now: Date): InviteStatus {
  if (invite.used_at) return "used";
  if (invite.revoked_at) return "revoked";
  return Date.parse(invite.expires_at) <= now.getTime() ? "expired" : "unused";
}

/** The invites page of a chapter the caller has checked is in scope: its groups, counts and invites. */
export async function loadChapterInvites(
  db: AppDatabase,
  staff: StaffActor,
  { chapterId, after }: { chapterId: string; after?: string },
  now = new Date(),
) {
  const [groups, found, counts] = await Promise.all([
    listGroupsForStaff(db, staff, { chapterId }),
    listInvitesForChapter(db, { chapterId, after, limit: INVITE_PAGE_SIZE + 1 }),
    countInvitesForChapter(db, chapterId, now),
  ]);
  const invites = found.slice(0, INVITE_PAGE_SIZE);
  const groupsOfInvites = await listGroupNamesOfInvites(db, { chapterId, inviteIds: invites.map((i) => i.id) });
  return {
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    counts,
    invites: invites.map((invite) => ({
      ...invite,
      status: inviteStatus(invite, now),
      groupNames: groupsOfInvites.get(invite.id) ?? [],
    })),
    /** the id to ask for the next page after, when there is one */
    next: found.length > INVITE_PAGE_SIZE ? (invites[invites.length - 1]?.id ?? null) : null,
  };
}

/** Invites per page of a chapter's invite list. */
export const INVITE_PAGE_SIZE = 100;

/** Newest first, a page at a time (decision 039): `after` is the id of the last invite on the page before. */
function listInvitesForChapter(
  db: AppDatabase,
  { chapterId, after, limit }: { chapterId: string; after?: string; limit: number },
) {
  return db
    .selectFrom("invites")
    .leftJoin("invite_batches", "invite_batches.id", "invites.batch_id")
    .select([
      "invites.id",
      "invites.expires_at",
      "invites.revoked_at",
      "invites.used_at",
      "invites.created_at",
      "invite_batches.label as batchLabel",
      "invite_batches.languages as batchLanguages",
    ])
    .where("invites.chapter_id", "=", chapterId)
    .$if(after !== undefined, (q) =>
      q.where((eb) => {
        const createdAt = eb
          .selectFrom("invites as previous")
          .select("previous.created_at")
          .where("previous.id", "=", after!)
          .where("previous.chapter_id", "=", chapterId);
        return eb.or([
          eb("invites.created_at", "<", createdAt),
          eb.and([eb("invites.created_at", "=", createdAt), eb("invites.id", "<", after!)]),
        ]);
      }),
    )
    .orderBy("invites.created_at", "desc")
    .orderBy("invites.id", "desc")
    .limit(limit)
    .execute();
}

/** The group names of a page of invites, in one query (not one per invite), by invite id. */
async function listGroupNamesOfInvites(
  db: AppDatabase,
  { chapterId, inviteIds }: { chapterId: string; inviteIds: string[] },
) {
  const byInvite = new Map<string, string[]>();
  if (inviteIds.length === 0) return byInvite;
  const rows = await db
    .selectFrom("invite_groups")
    .innerJoin("groups", "groups.id", "invite_groups.group_id")
    .select(["invite_groups.invite_id", "groups.name"])
    .where("groups.chapter_id", "=", chapterId)
    .where("invite_groups.invite_id", "in", inviteIds)
    .execute();
  // A page has at most 100 invites of a few groups each: sorting here spares the database a sort.
  for (const row of rows) byInvite.set(row.invite_id, [...(byInvite.get(row.invite_id) ?? []), row.name]);
  for (const names of byInvite.values()) names.sort((a, b) => a.localeCompare(b, "nb"));
  return byInvite;
}

/** How many of the chapter's invites are unused (still usable), used, revoked and expired. */
async function countInvitesForChapter(db: AppDatabase, chapterId: string, now = new Date()) {
  const at = now.toISOString();
  const row = await db
    .selectFrom("invites")
    .select((eb) => [
      eb.fn.countAll().filterWhere("used_at", "is not", null).as("used"),
      eb.fn.countAll().filterWhere("used_at", "is", null).filterWhere("revoked_at", "is not", null).as("revoked"),
      eb.fn
        .countAll()
        .filterWhere("used_at", "is", null)
        .filterWhere("revoked_at", "is", null)
        .filterWhere("expires_at", "<=", at)
        .as("expired"),
      eb.fn
        .countAll()
        .filterWhere("used_at", "is", null)
        .filterWhere("revoked_at", "is", null)
        .filterWhere("expires_at", ">", at)
        .as("unused"),
    ])
    .where("chapter_id", "=", chapterId)
    .executeTakeFirstOrThrow();
  return {
    used: Number(row.used),
    revoked: Number(row.revoked),
    expired: Number(row.expired),
    unused: Number(row.unused),
  };
}
