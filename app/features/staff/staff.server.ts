// Staff accounts: sign-in data, the second factor, recovery codes, and the accounts admins manage.
import { isUniqueViolation } from "../../../db/dialect";
import type { AppDatabase } from "../../../db/connection";
import type { StaffRole, StaffUser } from "../../../db/schema";
import { writeTransaction } from "../../../db/transaction";
import { hashSecret, normalizeReadableCode, randomReadableCode } from "~/platform/secrets.server";
import { hashPassword } from "~/platform/password.server";
import { newId } from "~/platform/ids.server";
import { recordAudit } from "~/features/audit/audit.server";

/** What a query needs to know about who is asking, to scope itself. */
export interface StaffScope {
  role: StaffRole;
  chapterIds: string[];
}

/** The staff member making a change: their scope, and their id for the audit row. */
export interface StaffActor extends StaffScope {
  id: string;
}

/**
 * The chapters a query must stay inside: null for admins (national), else the coordinator's
 * chapters. Never empty: a coordinator without chapters matches nothing rather than everything.
 */
export function chapterFilter(scope: StaffScope): string[] | null {
  if (scope.role === "admin") return null;
  return scope.chapterIds.length > 0 ? scope.chapterIds : [""];
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findStaffForSignIn(db: AppDatabase, email: string) {
  return db
    .selectFrom("staff_users")
    .select(["id", "password_hash", "totp_secret"])
    .where("email", "=", normalizeEmail(email))
    .where("deactivated_at", "is", null)
    .executeTakeFirst();
}

export async function updateStaffPasswordHash(
  db: AppDatabase,
  staffId: string,
  passwordHash: string,
  now = new Date(),
) {
  await db
    .updateTable("staff_users")
    .set({ password_hash: passwordHash, updated_at: now.toISOString() })
    .where("id", "=", staffId)
    .execute();
}

export function findStaffSecondFactor(db: AppDatabase, staffId: string) {
  return db
    .selectFrom("staff_users")
    .select(["id", "email", "totp_secret", "totp_last_step"])
    .where("id", "=", staffId)
    .where("deactivated_at", "is", null)
    .executeTakeFirst();
}

/**
 * Records an accepted TOTP step, only if it is later than the last one: of two parallel requests
 * with the same code, exactly one updates the row, so a code works once.
 */
export async function acceptTotpStep(db: AppDatabase, staffId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable("staff_users")
    .set({ totp_last_step: step })
    .where("id", "=", staffId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Turns TOTP on with the confirmed secret and replaces the recovery codes, all or nothing. */
export async function enableTotp(
  db: AppDatabase,
  input: { staffId: string; secret: string; step: number; recoveryCodes: string[] },
  now = new Date(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("staff_users")
      .set({ totp_secret: input.secret, totp_last_step: input.step, updated_at: now.toISOString() })
      .where("id", "=", input.staffId)
      .where("totp_secret", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await trx.deleteFrom("recovery_codes").where("staff_id", "=", input.staffId).execute();
    await trx
      .insertInto("recovery_codes")
      .values(
        input.recoveryCodes.map((code) => ({
          id: newId(),
          member_id: null,
          staff_id: input.staffId,
          code_hash: hashSecret(normalizeReadableCode(code)),
          used_at: null,
          created_at: now.toISOString(),
        })),
      )
      .execute();
    return true;
  });
}

/** Uses one of the staff member's recovery codes instead of a TOTP code, once. */
export async function useStaffRecoveryCode(db: AppDatabase, staffId: string, code: string, now = new Date()) {
  const result = await db
    .updateTable("recovery_codes")
    .set({ used_at: now.toISOString() })
    .where("staff_id", "=", staffId)
    .where("code_hash", "=", hashSecret(normalizeReadableCode(code)))
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listStaffAccounts(db: AppDatabase) {
  const [accounts, assignments] = await Promise.all([
    db
      .selectFrom("staff_users")
      .select(["id", "email", "display_name", "role", "deactivated_at", "totp_secret"])
      .orderBy("display_name")
      .execute(),
    db.selectFrom("staff_chapters").select(["staff_id", "chapter_id"]).execute(),
  ]);
  return accounts.map((account) =>
    toStaffAccount(
      account,
      assignments.filter((a) => a.staff_id === account.id).map((a) => a.chapter_id),
    ),
  );
}

/** The one mapper from a staff row to the account admins see: whether TOTP is on, never its secret. */
function toStaffAccount(
  {
    totp_secret,
    ...account
  }: Pick<StaffUser, "id" | "email" | "display_name" | "role" | "deactivated_at" | "totp_secret">,
  chapterIds: string[],
) {
  return { ...account, totpEnabled: totp_secret !== null, chapterIds };
}

/** 6 groups of 4 Crockford characters = 120 bits, easy to read out or copy once. */
const INITIAL_PASSWORD_GROUPS = 6;

export type CreateStaffResult =
  { ok: true; staffId: string; initialPassword: string } | { ok: false; error: "emailTaken" };

/**
 * An admin creates a staff account with a first password, returned in plain text once (only its
 * hash is stored). Coordinators get the chosen chapters the admin covers; other ids are ignored.
 * The account, its chapters and the audit row are one transaction.
 */
export async function createStaffAccount(
  db: AppDatabase,
  admin: StaffActor,
  input: { email: string; displayName: string; role: StaffRole; chapterIds: string[] },
  now = new Date(),
): Promise<CreateStaffResult> {
  const email = normalizeEmail(input.email);
  const staffId = newId();
  const initialPassword = randomReadableCode(INITIAL_PASSWORD_GROUPS);
  // Hashed before the write transaction: scrypt must not hold the write lock.
  const passwordHash = await hashPassword(initialPassword);
  try {
    await writeTransaction(db, async (trx) => {
      const only = chapterFilter(admin);
      const covered = input.chapterIds.length
        ? await trx
            .selectFrom("chapters")
            .select("id")
            .where("id", "in", input.chapterIds)
            .$if(only !== null, (q) => q.where("id", "in", only!))
            .execute()
        : [];
      const chapterIds = input.chapterIds.filter((id) => covered.some((c) => c.id === id));
      await trx
        .insertInto("staff_users")
        .values({
          id: staffId,
          email,
          display_name: input.displayName,
          role: input.role,
          password_hash: passwordHash,
          totp_secret: null,
          totp_last_step: null,
          deactivated_at: null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
      if (input.role === "coordinator" && chapterIds.length > 0) {
        await trx
          .insertInto("staff_chapters")
          .values(chapterIds.map((chapterId) => ({ staff_id: staffId, chapter_id: chapterId })))
          .execute();
      }
      await recordAudit(
        trx,
        {
          actorStaffId: admin.id,
          action: "staff.create",
          objectType: "staff",
          objectId: staffId,
          details: { role: input.role, chapterIds },
        },
        now,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error, "staff_users.email")) {
      return { ok: false, error: "emailTaken" };
    }
    throw error;
  }
  return { ok: true, staffId, initialPassword };
}

/** The coordinators who can be assigned to chapters (admins cover all chapters anyway). */
export function listCoordinators(db: AppDatabase) {
  return db
    .selectFrom("staff_users")
    .select(["id", "display_name", "email"])
    .where("role", "=", "coordinator")
    .where("deactivated_at", "is", null)
    .orderBy("display_name")
    .execute();
}

/**
 * Deactivates another staff account: it can no longer sign in, and its sessions and calendar
 * links end at once, audited in the same transaction. Returns false for an unknown, already
 * deactivated or own account.
 */
export async function deactivateStaffAccount(
  db: AppDatabase,
  admin: StaffActor,
  { staffId }: { staffId: string },
  now = new Date(),
) {
  if (staffId === admin.id) return false;
  return writeTransaction(db, async (trx) => {
    const result = await trx
      .updateTable("staff_users")
      .set({ deactivated_at: now.toISOString(), updated_at: now.toISOString() })
      .where("id", "=", staffId)
      .where("deactivated_at", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await trx.deleteFrom("sessions").where("staff_id", "=", staffId).execute();
    await trx
      .updateTable("feed_tokens")
      .set({ revoked_at: now.toISOString() })
      .where("staff_id", "=", staffId)
      .where("revoked_at", "is", null)
      .execute();
    await recordAudit(
      trx,
      { actorStaffId: admin.id, action: "staff.deactivate", objectType: "staff", objectId: staffId },
      now,
    );
    return true;
  });
}
