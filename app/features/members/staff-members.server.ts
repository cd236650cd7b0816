// Members as staff see them: per chapter, pseudonyms only. Deactivating ends every session and
// calendar feed at once; a reset code lets a member choose a new passphrase.
import { joinedInOrder } from "../../../db/dialect";
import { sql } from "kysely";
import type { AppDatabase } from "../../../db/connection";
import { writeTransaction } from "../../../db/transaction";
import { hashSecret, normalizeReadableCode, randomReadableCode } from "~/platform/secrets.server";
import { endAllSessionsOf } from "~/features/sessions/sessions.server";
import { newId } from "~/platform/ids.server";
import { revokeFeedTokensOf } from "~/features/calendar/feed-tokens.server";
import { releaseComingAnswers } from "~/features/answers/answers.server";
import { recordAudit } from "~/features/audit/audit.server";
import { chapterFilter, type StaffActor, type StaffScope } from "~/features/staff/staff.server";

const RESET_CODE_DAYS = 7;
/** 5 groups of 4 Crockford characters = 100 bits: enough for a code that works once, for a week. */
const RESET_CODE_GROUPS = 5;

/** Members per page of a chapter's member list. */
export const MEMBER_PAGE_SIZE = 50;

/**
 * The chapter's members with their active groups (names joined) and last active day, if the
 * chapter is in scope: by pseudonym, a page at a time (decision 039). `after` is the id of the last
 * member on the page before; `next` the id to ask for the page after this one, if there is one.
 */
export async function listMembersOfChapter(
  db: AppDatabase,
  staff: StaffScope,
  { chapterId, after, limit = MEMBER_PAGE_SIZE }: { chapterId: string; after?: string; limit?: number },
) {
  const only = chapterFilter(staff);
  const rows = await db
    .selectFrom("members")
    .select((eb) => [
      "members.id",
      "members.pseudonym",
      "members.last_active_on",
      "members.deactivated_at",
      eb
        .selectFrom("group_memberships")
        .innerJoin("groups", "groups.id", "group_memberships.group_id")
        .select(joinedInOrder(db, sql.ref<string>("groups.name"), ", ").as("names"))
        .whereRef("group_memberships.member_id", "=", "members.id")
        .where("group_memberships.status", "=", "active")
        .as("group_names"),
    ])
    .where("members.chapter_id", "=", chapterId)
    .$if(only !== null, (q) => q.where("members.chapter_id", "in", only!))
    .$if(after !== undefined, (q) =>
      q.where((eb) => {
        const key = (column: "pseudonym" | "id") =>
          eb
            .selectFrom("members as previous")
            .select(`previous.${column}`)
            .where("previous.id", "=", after!)
            .where("previous.chapter_id", "=", chapterId);
        return eb.or([
          eb("members.pseudonym", ">", key("pseudonym")),
          eb.and([eb("members.pseudonym", "=", key("pseudonym")), eb("members.id", ">", after!)]),
        ]);
      }),
    )
    .orderBy("members.pseudonym")
    .orderBy("members.id")
    .limit(limit + 1)
    .execute();
  const members = rows.slice(0, limit);
  return { members, next: rows.length > limit ? (members[members.length - 1]?.id ?? null) : null };
}

/**
 * Deactivates a member of this chapter: sign-in stops, every session ends, every feed token is
 * revoked and her places in coming activities go to the waitlist, audited, in one transaction.
 * False when there was nothing to do (not found, already done).
 */
export function deactivateMember(
  db: AppDatabase,
  staff: StaffActor,
  input: { chapterId: string; memberId: string },
  now = new Date(),
) {
  return writeTransaction(db, async (trx) => {
    const result = await trx
      .updateTable("members")
      .set({ deactivated_at: now.toISOString(), updated_at: now.toISOString() })
      .where("id", "=", input.memberId)
      .where("chapter_id", "=", input.chapterId)
      .$if(chapterFilter(staff) !== null, (q) => q.where("chapter_id", "in", chapterFilter(staff)!))
      .where("deactivated_at", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await endAllSessionsOf(trx, { memberId: input.memberId });
    await revokeFeedTokensOf(trx, { memberId: input.memberId }, now);
    await releaseComingAnswers(trx, { memberId: input.memberId }, now);
    await recordAudit(
      trx,
      { actorStaffId: staff.id, action: "member.deactivate", objectType: "member", objectId: input.memberId },
      now,
    );
    return true;
  });
}

/**
 * A one-time code for choosing a new passphrase, valid a week. Returned in plain text once;
 * only its hash is stored. Earlier unused codes for the same member stop working. Audited in the
 * same transaction.
 */
export async function issueResetCode(
  db: AppDatabase,
  staff: StaffActor,
  input: { chapterId: string; memberId: string },
  now = new Date(),
): Promise<string | undefined> {
  const code = randomReadableCode(RESET_CODE_GROUPS);
  const issued = await writeTransaction(db, async (trx) => {
    const member = await trx
      .selectFrom("members")
      .select("id")
      .where("id", "=", input.memberId)
      .where("chapter_id", "=", input.chapterId)
      .$if(chapterFilter(staff) !== null, (q) => q.where("chapter_id", "in", chapterFilter(staff)!))
      .where("deactivated_at", "is", null)
      .executeTakeFirst();
    if (!member) return false;
    await trx
      .updateTable("reset_codes")
      .set({ used_at: now.toISOString() })
      .where("member_id", "=", member.id)
      .where("used_at", "is", null)
      .execute();
    await trx
      .insertInto("reset_codes")
      .values({
        id: newId(),
        member_id: member.id,
        code_hash: hashSecret(normalizeReadableCode(code)),
        created_by_staff_id: staff.id,
        expires_at: new Date(now.getTime() + RESET_CODE_DAYS * 24 * 60 * 60 * 1000).toISOString(),
        used_at: null,
        created_at: now.toISOString(),
      })
      .execute();
    await recordAudit(
      trx,
      { actorStaffId: staff.id, action: "member.reset_code", objectType: "member", objectId: member.id },
      now,
    );
    return true;
  });
  return issued ? code : undefined;
}
