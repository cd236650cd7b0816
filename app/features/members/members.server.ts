// Members: a pseudonym, a passphrase hash and their groups. Never a name, e-mail or phone.
import { isUniqueViolation } from "../../../db/dialect";
import type { AppDatabase } from "../../../db/connection";
import { writeTransaction } from "../../../db/transaction";
import { hashSecret, normalizeReadableCode } from "~/platform/secrets.server";
import { pseudonymCaseKey, pseudonymKey } from "./pseudonym";
import { newId } from "~/platform/ids.server";
import { inviteCodeHash, redeemInvite } from "./invites.server";
import { releaseComingAnswers } from "~/features/answers/answers.server";

export type JoinResult = { ok: true; memberId: string } | { ok: false; error: "inviteUnusable" | "pseudonymTaken" };

/** How long a join can be repeated with the same code, pseudonym and passphrase. */
export const JOIN_RETRY_HOURS = 24;

class PseudonymTaken extends Error {}

/**
 * Redeems the invite and creates the member with the invite's groups, all or nothing. The code
 * is tried first, so without a usable code the answer never depends on the pseudonym; a taken
 * pseudonym rolls the redemption back, so the code still works for a second try.
 */
export async function createMemberFromInvite(
  db: AppDatabase,
  input: { code: string; pseudonym: string; passphraseHash: string; recoveryCodes: string[] },
  now = new Date(),
): Promise<JoinResult> {
  const key = pseudonymKey(input.pseudonym);
  const caseKey = pseudonymCaseKey(input.pseudonym);
  try {
    return await writeTransaction(db, async (trx) => {
      const invite = await redeemInvite(trx, input.code, now);
      if (!invite) return { ok: false, error: "inviteUnusable" } as const;
      const taken = await trx
        .selectFrom("members")
        .select("id")
        .where((eb) => eb.or([eb("pseudonym_key", "=", key), eb("pseudonym_case_key", "=", caseKey)]))
        .executeTakeFirst();
      if (taken) throw new PseudonymTaken();
      const memberId = newId();
      const at = now.toISOString();
      await trx
        .insertInto("members")
        .values({
          id: memberId,
          pseudonym: input.pseudonym,
          pseudonym_key: key,
          pseudonym_case_key: caseKey,
          passphrase_hash: input.passphraseHash,
          chapter_id: invite.chapterId,
          locale: null,
          last_active_on: null,
          deactivated_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      if (invite.groupIds.length > 0) {
        await trx
          .insertInto("group_memberships")
          .values(
            invite.groupIds.map((groupId) => ({
              member_id: memberId,
              group_id: groupId,
              status: "active" as const,
              created_at: at,
            })),
          )
          .execute();
      }
      await insertRecoveryCodes(trx, memberId, input.recoveryCodes, now);
      await trx
        .insertInto("join_receipts")
        .values({
          invite_id: invite.inviteId,
          member_id: memberId,
          expires_at: new Date(now.getTime() + JOIN_RETRY_HOURS * 3_600_000).toISOString(),
        })
        .execute();
      return { ok: true, memberId } as const;
    });
  } catch (error) {
    // Taken, found above (the redemption is rolled back with it) or by another join between
    // our check and insert (the unique keys).
    if (error instanceof PseudonymTaken) return { ok: false, error: "pseudonymTaken" };
    if (isUniqueViolation(error, "members.pseudonym_key") || isUniqueViolation(error, "members.pseudonym_case_key")) {
      return { ok: false, error: "pseudonymTaken" };
    }
    throw error;
  }
}

/**
 * The member a used code made, while the join may still be repeated, with what is needed to
 * check that the same person repeats it. Undefined for any other code.
 */
export async function findJoinReceipt(db: AppDatabase, code: string, now = new Date()) {
  return db
    .selectFrom("join_receipts")
    .innerJoin("invites", "invites.id", "join_receipts.invite_id")
    .innerJoin("members", "members.id", "join_receipts.member_id")
    .select(["members.id", "members.pseudonym_key", "members.passphrase_hash", "members.deactivated_at"])
    .where("invites.code_hash", "=", inviteCodeHash(code))
    .where("join_receipts.expires_at", ">", now.toISOString())
    .executeTakeFirst();
}

async function insertRecoveryCodes(db: AppDatabase, memberId: string, codes: string[], now: Date) {
  if (codes.length === 0) return;
  await db
    .insertInto("recovery_codes")
    .values(
      codes.map((code) => ({
        id: newId(),
        member_id: memberId,
        staff_id: null,
        code_hash: hashSecret(normalizeReadableCode(code)),
        used_at: null,
        created_at: now.toISOString(),
      })),
    )
    .execute();
}

/** Replaces all of a member's recovery codes (the old ones stop working). */
export async function replaceRecoveryCodes(db: AppDatabase, memberId: string, codes: string[], now = new Date()) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("recovery_codes").where("member_id", "=", memberId).execute();
    await insertRecoveryCodes(trx, memberId, codes, now);
  });
}

export function countUnusedRecoveryCodes(db: AppDatabase, memberId: string) {
  return db
    .selectFrom("recovery_codes")
    .select((eb) => eb.fn.countAll().as("count"))
    .where("member_id", "=", memberId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.count));
}

/**
 * The member with this pseudonym, in any case, or else the one it looks like. The exact name comes
 * first: two members who joined before look-alike keys were complete may share a look-alike.
 */
export async function findMemberForSignIn(db: AppDatabase, pseudonym: string) {
  const caseKey = pseudonymCaseKey(pseudonym);
  const rows = await db
    .selectFrom("members")
    .select(["id", "passphrase_hash", "deactivated_at", "locale", "pseudonym_case_key"])
    .where((eb) => eb.or([eb("pseudonym_case_key", "=", caseKey), eb("pseudonym_key", "=", pseudonymKey(pseudonym))]))
    .execute();
  const member = rows.find((r) => r.pseudonym_case_key === caseKey) ?? rows[0];
  if (!member) return undefined;
  const { pseudonym_case_key: _key, ...found } = member;
  return found;
}

export function findMemberPassphraseHash(db: AppDatabase, memberId: string) {
  return db
    .selectFrom("members")
    .select("passphrase_hash")
    .where("id", "=", memberId)
    .where("deactivated_at", "is", null)
    .executeTakeFirst()
    .then((r) => r?.passphrase_hash);
}

export async function updatePassphraseHash(
  db: AppDatabase,
  memberId: string,
  passphraseHash: string,
  now = new Date(),
) {
  await db
    .updateTable("members")
    .set({ passphrase_hash: passphraseHash, updated_at: now.toISOString() })
    .where("id", "=", memberId)
    .execute();
}

/**
 * Uses a recovery code or a staff-issued reset code for this member, once: one conditional
 * UPDATE each, so a code cannot be used twice even in parallel.
 */
export async function consumeResetOrRecoveryCode(db: AppDatabase, memberId: string, code: string, now = new Date()) {
  const hash = hashSecret(normalizeReadableCode(code));
  const at = now.toISOString();
  const recovery = await db
    .updateTable("recovery_codes")
    .set({ used_at: at })
    .where("member_id", "=", memberId)
    .where("code_hash", "=", hash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  if (Number(recovery.numUpdatedRows) === 1) return true;
  const reset = await db
    .updateTable("reset_codes")
    .set({ used_at: at })
    .where("member_id", "=", memberId)
    .where("code_hash", "=", hash)
    .where("used_at", "is", null)
    .where("expires_at", ">", at)
    .executeTakeFirst();
  return Number(reset.numUpdatedRows) === 1;
}

export async function setMemberLocale(db: AppDatabase, memberId: string, locale: string) {
  await db.updateTable("members").set({ locale }).where("id", "=", memberId).execute();
}

/** Who is asking, to scope a member's queries: her id and her chapter. */
export interface MemberScope {
  id: string;
  chapterId: string;
}

/** The member's groups and the other groups of their chapter (and national groups) they may ask to join. */
export async function listGroupsForMember(db: AppDatabase, member: MemberScope) {
  return db
    .selectFrom("groups")
    .leftJoin("group_memberships as gm", (join) =>
      join.onRef("gm.group_id", "=", "groups.id").on("gm.member_id", "=", member.id),
    )
    .leftJoin("chapters", "chapters.id", "groups.chapter_id")
    .select([
      "groups.id",
      "groups.name",
      "groups.description",
      "groups.audience",
      "groups.join_policy",
      "groups.chapter_id",
      "chapters.name as chapter_name",
      "gm.status as membership",
    ])
    .where((eb) => eb.or([eb("groups.chapter_id", "=", member.chapterId), eb("groups.chapter_id", "is", null)]))
    .orderBy("groups.chapter_id", "desc")
    .orderBy("groups.name")
    .execute();
}

/**
 * Asks to join a group of the member's chapter (or a national group). Open groups let the
 * member in at once; the others wait for staff. Returns undefined for a group they may not join.
 */
export async function requestGroupMembership(
  db: AppDatabase,
  member: MemberScope,
  { groupId }: { groupId: string },
  now = new Date(),
) {
  const group = await db
    .selectFrom("groups")
    .select(["id", "join_policy"])
    .where("id", "=", groupId)
    .where((eb) => eb.or([eb("chapter_id", "=", member.chapterId), eb("chapter_id", "is", null)]))
    .executeTakeFirst();
  if (!group) return undefined;
  const status = group.join_policy === "open" ? ("active" as const) : ("requested" as const);
  await db
    .insertInto("group_memberships")
    .values({ member_id: member.id, group_id: groupId, status, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(["member_id", "group_id"]).doNothing())
    .execute();
  return status;
}

/**
 * Leaving a group, or taking back a request. Leaving an active membership also takes back her
 * answers to the group's coming activities (she can no longer see them) and frees her places for
 * the waitlist, in the same transaction.
 */
export async function leaveGroup(
  db: AppDatabase,
  member: Pick<MemberScope, "id">,
  { groupId }: { groupId: string },
  now = new Date(),
) {
  const memberId = member.id;
  await writeTransaction(db, async (trx) => {
    const left = await trx
      .deleteFrom("group_memberships")
      .where("member_id", "=", memberId)
      .where("group_id", "=", groupId)
      .returning("status")
      .executeTakeFirst();
    if (left?.status === "active") await releaseComingAnswers(trx, { memberId, groupId }, now);
  });
}
