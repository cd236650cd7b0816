// Calendar feed tokens: made, rotated, revoked, and looked up.
//
// Tokens are 256-bit random and stored only as their SHA-256, so the plain link is shown once,
// when it is made (see docs: "Calendar links are shown once"). Unknown, rotated and revoked tokens,
// and tokens of deactivated members or staff, all come back as undefined: nobody can tell them apart.
import { sql } from "kysely";
import type { AppDatabase } from "../../../db/connection";
import { writeTransaction } from "../../../db/transaction";
import { hashSecret, randomToken } from "~/platform/secrets.server";
import { newId } from "~/platform/ids.server";
import { isLocale, DEFAULT_LOCALE, type Locale } from "~/i18n/config";

export type FeedOwner = { memberId: string } | { staffId: string; chapterId: string };

/** Our tokens are 43 base64url characters; anything else is not worth a query. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export async function createFeedToken(
  db: AppDatabase,
  owner: FeedOwner,
  now: Date = new Date(),
): Promise<{ id: string; token: string; createdAt: string }> {
  const token = randomToken();
  const id = newId();
  const createdAt = now.toISOString();
  await db
    .insertInto("feed_tokens")
    .values({
      id,
      token_hash: hashSecret(token),
      member_id: "memberId" in owner ? owner.memberId : null,
      staff_id: "staffId" in owner ? owner.staffId : null,
      chapter_id: "staffId" in owner ? owner.chapterId : null,
      created_at: createdAt,
      revoked_at: null,
    })
    .execute();
  return { id, token, createdAt };
}

/**
 * Makes a new link and ends the old one (a member has one feed; staff one per chapter) in one
 * write transaction, so two clicks in a row leave exactly one working link: the last one made.
 */
export function rotateFeedToken(db: AppDatabase, owner: FeedOwner, now: Date = new Date()) {
  return writeTransaction(db, async (trx) => {
    let revoke = trx.updateTable("feed_tokens").set({ revoked_at: now.toISOString() }).where("revoked_at", "is", null);
    revoke =
      "memberId" in owner
        ? revoke.where("member_id", "=", owner.memberId)
        : revoke.where("staff_id", "=", owner.staffId).where("chapter_id", "=", owner.chapterId);
    await revoke.execute();
    return createFeedToken(trx, owner, now);
  });
}

/** Ends every feed of a member or staff user (deactivation calls this). */
export async function revokeFeedTokensOf(
  db: AppDatabase,
  owner: { memberId: string } | { staffId: string },
  now: Date = new Date(),
) {
  const revoke = db.updateTable("feed_tokens").set({ revoked_at: now.toISOString() }).where("revoked_at", "is", null);
  await (
    "memberId" in owner ? revoke.where("member_id", "=", owner.memberId) : revoke.where("staff_id", "=", owner.staffId)
  ).execute();
}

export interface MemberFeed {
  kind: "member";
  id: string;
  createdAt: string;
  memberId: string;
  locale: Locale;
  discreetTitles: boolean;
  allActivities: boolean;
  /** members.updated_at: settings changes move Last-Modified */
  memberChangedAt: string;
}

export interface StaffFeed {
  kind: "staff";
  id: string;
  createdAt: string;
  staffId: string;
  chapterId: string;
}

export type Feed = MemberFeed | StaffFeed;

/** The live feed behind a token, or undefined (unknown, rotated, revoked, owner deactivated or out of scope). */
export async function findFeedByToken(db: AppDatabase, token: string): Promise<Feed | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const row = await db
    .selectFrom("feed_tokens")
    .leftJoin("members", "members.id", "feed_tokens.member_id")
    .leftJoin("staff_users", "staff_users.id", "feed_tokens.staff_id")
    .select((eb) => [
      "feed_tokens.id",
      "feed_tokens.created_at",
      "feed_tokens.member_id",
      "feed_tokens.staff_id",
      "feed_tokens.chapter_id",
      "members.deactivated_at as member_deactivated_at",
      "members.locale",
      "members.discreet_titles",
      "members.feed_all_group_activities",
      "members.updated_at as member_updated_at",
      "staff_users.deactivated_at as staff_deactivated_at",
      "staff_users.role",
      eb
        .exists(
          eb
            .selectFrom("staff_chapters")
            .select(sql`1`.as("one"))
            .whereRef("staff_chapters.staff_id", "=", "feed_tokens.staff_id")
            .whereRef("staff_chapters.chapter_id", "=", "feed_tokens.chapter_id"),
        )
        .as("staff_covers_chapter"),
    ])
    .where("feed_tokens.token_hash", "=", hashSecret(token))
    .where("feed_tokens.revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;

  if (row.member_id && row.member_updated_at && row.member_deactivated_at === null) {
    return {
      kind: "member",
      id: row.id,
      createdAt: row.created_at,
      memberId: row.member_id,
      locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE,
      discreetTitles: row.discreet_titles === 1,
      allActivities: row.feed_all_group_activities === 1,
      memberChangedAt: row.member_updated_at,
    };
  }
  const staffInScope = row.role === "admin" || Boolean(row.staff_covers_chapter);
  if (row.staff_id && row.chapter_id && row.role && row.staff_deactivated_at === null && staffInScope) {
    return { kind: "staff", id: row.id, createdAt: row.created_at, staffId: row.staff_id, chapterId: row.chapter_id };
  }
  return undefined;
}
